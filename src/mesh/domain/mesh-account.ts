import * as z from 'zod';
import { AccountIdSchema } from './account-id';
import { QueryRoleArnSchema } from './query-principal';
import { SlackUserSchema } from './slack-user';

/**
 * An account enabled in the mesh, as producer and/or consumer, e.g.
 * `{ accountId: '111111111111', producer: true, consumer: false, … }`.
 */
export const MeshAccountSchema = z.object({
  accountId: AccountIdSchema,
  producer: z.boolean(),
  consumer: z.boolean(),
  /** Lake Formation's cross-account version found in the account's data lake settings when last checked. */
  crossAccountVersion: z.number().int().optional(),
  /**
   * Consumer accounts: the IAM roles that run queries there, which get the granted access (absent or
   * empty: none named yet, so only the account itself holds the grants).
   */
  queryPrincipals: z.array(QueryRoleArnSchema).optional(),
  enabledBy: SlackUserSchema,
  enabledAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  version: z.number().int().min(1),
});

export type MeshAccount = z.infer<typeof MeshAccountSchema>;
