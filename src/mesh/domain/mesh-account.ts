import { z } from 'zod';
import { AccountIdSchema } from './account-id';
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
  enabledBy: SlackUserSchema,
  enabledAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  version: z.number().int().min(1),
});

export type MeshAccount = z.infer<typeof MeshAccountSchema>;
