import * as z from 'zod';
import { AccountIdSchema } from '../../domain/account-id';
import { PersonaKindSchema, type Identity } from '../../domain/identity';
import { SlackUserSchema } from '../../domain/slack-user';
import { AccountNotEnabledError, NotFoundError } from '../../errors';
import { canAdminister } from '../../rules/can-administer';
import type { MeshDeps } from '../mesh-deps';
import { parseInput } from '../parse-input';
import type { RequestContext } from '../request-context';
import { enforce, resolveActor } from '../resolve-actor';
import { logFields } from '../log-fields';

/** Map a Slack user to a persona of an account: `{ user: { teamId, userId }, accountId: '111111111111', kind: 'producer' }`. */
export const MapUserInputSchema = z.object({ user: SlackUserSchema, accountId: AccountIdSchema, kind: PersonaKindSchema });

export type MapUserInput = z.infer<typeof MapUserInputSchema>;

/** The identity after the change, and whether anything changed. */
export interface IdentityChange {
  identity: Identity;
  changed: boolean;
}

/**
 * Let a Slack user act as producer, consumer or admin of an account (mesh admins only). The account
 * must be enabled for that role; mapping what is already mapped changes nothing. Versioned write.
 */
export async function mapUser(deps: MeshDeps, ctx: RequestContext, rawInput: MapUserInput): Promise<IdentityChange> {
  const input = parseInput(MapUserInputSchema, rawInput, 'map');
  enforce(canAdminister(await resolveActor(deps, ctx), deps.config.meshAdmins));
  const account = await deps.stores.accounts.get(input.accountId);
  if (input.kind === 'admin') {
    if (!account) {
      throw new NotFoundError({
        reason: 'account_never_enabled',
        params: { accountId: input.accountId },
        path: ['accountId'],
        message: `no enabled account ${input.accountId}`,
        hint: 'enable it first as a producer or a consumer',
      });
    }
  } else if (!account?.[input.kind]) {
    throw new AccountNotEnabledError(input.accountId, input.kind, ['accountId']);
  }
  const existing = await deps.stores.identities.get(input.user);
  if (existing?.personas.some((p) => p.accountId === input.accountId && p.kind === input.kind)) return { identity: existing, changed: false };
  const identity: Identity = {
    user: input.user,
    personas: [...(existing?.personas ?? []), { accountId: input.accountId, kind: input.kind }],
    updatedAt: new Date(deps.clock()).toISOString(),
    updatedBy: ctx.user,
    version: (existing?.version ?? 0) + 1,
  };
  await deps.stores.identities.save(identity);
  deps.logger.child(logFields(ctx)).info({ mapped: input.user.userId, accountId: input.accountId, kind: input.kind }, 'user mapped');
  return { identity, changed: true };
}
