import type { InputPath } from '../error-reasons';
import type { Actor } from '../rules/actor';
import type { Verdict } from '../rules/verdict';
import { NotAuthorizedError } from '../errors';
import type { MeshDeps } from './mesh-deps';
import type { RequestContext } from './request-context';

/** The acting user with their personas and whether they are a configured mesh admin. */
export async function resolveActor(deps: Pick<MeshDeps, 'stores' | 'config' | 'isMeshAdmin'>, ctx: RequestContext): Promise<Actor> {
  const identity = await deps.stores.identities.get(ctx.user);
  const listed = deps.config.meshAdmins.some((admin) => admin.userId === ctx.user.userId && (admin.teamId === undefined || admin.teamId === ctx.user.teamId));
  const meshAdmin = listed || ((await deps.isMeshAdmin?.(ctx.user)) ?? false);
  return { user: ctx.user, identity, meshAdmin };
}

/** Throw NotAuthorizedError (with why and whom to ask) unless the verdict allows; `path` is the input the rule judged, if any. */
export function enforce(verdict: Verdict, path?: InputPath): void {
  if (!verdict.allowed) throw new NotAuthorizedError(path === undefined ? verdict.refusal : { ...verdict.refusal, path });
}
