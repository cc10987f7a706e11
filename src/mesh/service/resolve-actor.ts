import { sameUser, type Actor } from '../rules/actor';
import type { Verdict } from '../rules/verdict';
import { NotAuthorizedError } from '../errors';
import type { MeshDeps } from './mesh-deps';
import type { RequestContext } from './request-context';

/** The acting user with their personas and whether they are a configured mesh admin. */
export async function resolveActor(deps: Pick<MeshDeps, 'stores' | 'config'>, ctx: RequestContext): Promise<Actor> {
  const identity = await deps.stores.identities.get(ctx.user);
  const meshAdmin = deps.config.meshAdmins.some((admin) => sameUser(admin, ctx.user));
  return { user: ctx.user, identity, meshAdmin };
}

/** Throw NotAuthorizedError (with why and whom to ask) unless the verdict allows. */
export function enforce(verdict: Verdict): void {
  if (!verdict.allowed) throw new NotAuthorizedError(verdict.reason, verdict.hint);
}
