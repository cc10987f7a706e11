import * as z from 'zod';
import { AccountIdSchema } from './account-id';
import { SlackUserSchema } from './slack-user';

/** What a Slack user may act as in one account. */
export const PersonaKindSchema = z.enum(['producer', 'consumer', 'admin']);

export const PersonaSchema = z.object({ accountId: AccountIdSchema, kind: PersonaKindSchema });

/**
 * A Slack user mapped to account personas, e.g.
 * `{ user: { teamId: 'T0SANDBOX', userId: 'U0CONSUMER' }, personas: [{ accountId: '999999999999', kind: 'consumer' }] }`.
 */
export const IdentitySchema = z.object({
  user: SlackUserSchema,
  personas: z.array(PersonaSchema),
  updatedAt: z.iso.datetime(),
  updatedBy: SlackUserSchema.optional(),
  version: z.number().int().min(1),
});

export type PersonaKind = z.infer<typeof PersonaKindSchema>;
export type Persona = z.infer<typeof PersonaSchema>;
export type Identity = z.infer<typeof IdentitySchema>;
