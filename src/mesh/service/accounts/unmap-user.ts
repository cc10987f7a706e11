import * as z from 'zod';
import { AccountIdSchema } from '../../domain/account-id';
import type { Identity } from '../../domain/identity';
import { SlackUserSchema } from '../../domain/slack-user';
import { NotFoundError } from '../../errors';
import { canAdminister } from '../../rules/can-administer';
import type { MeshDeps } from '../mesh-deps';
import { parseInput } from '../parse-input';
import type { RequestContext } from '../request-context';
import { enforce, resolveActor } from '../resolve-actor';
import type { IdentityChange } from './map-user';
import { logFields } from '../log-fields';

/** Remove every persona a Slack user holds for an account: `{ user: { teamId, userId }, accountId: '111111111111' }`. */
export const UnmapUserInputSchema = z.object({ user: SlackUserSchema, accountId: AccountIdSchema });

export type UnmapUserInput = z.infer<typeof UnmapUserInputSchema>;

/**
 * Stop a Slack user acting for an account (mesh admins only): their personas for it are removed in
 * one versioned write; a user with none for it is left as is (changed: false).
 */
export async function unmapUser(deps: MeshDeps, ctx: RequestContext, rawInput: UnmapUserInput): Promise<IdentityChange> {
  const input = parseInput(UnmapUserInputSchema, rawInput, 'unmap');
  enforce(canAdminister(await resolveActor(deps, ctx), deps.config.meshAdmins));
  const existing = await deps.stores.identities.get(input.user);
  if (!existing) {
    throw new NotFoundError({
      reason: 'user_never_mapped',
      params: { user: input.user },
      path: ['user'],
      message: `no mapped user ${input.user.userId}`,
      hint: 'they were never mapped: nothing to remove',
    });
  }
  const personas = existing.personas.filter((p) => p.accountId !== input.accountId);
  if (personas.length === existing.personas.length) return { identity: existing, changed: false };
  const identity: Identity = { ...existing, personas, updatedAt: new Date(deps.clock()).toISOString(), updatedBy: ctx.user, version: existing.version + 1 };
  await deps.stores.identities.save(identity);
  deps.logger.child(logFields(ctx)).info({ unmapped: input.user.userId, accountId: input.accountId }, 'user unmapped');
  return { identity, changed: true };
}
