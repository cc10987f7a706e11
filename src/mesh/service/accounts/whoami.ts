import type { Identity, Persona } from '../../domain/identity';
import type { SlackUser } from '../../domain/slack-user';
import type { MeshDeps } from '../mesh-deps';
import type { RequestContext } from '../request-context';
import { resolveActor } from '../resolve-actor';

/** Who the mesh takes the user for. */
export interface WhoAmI {
  user: SlackUser;
  personas: Persona[];
  meshAdmin: boolean;
  /** The stored mapping (who mapped the user, when), or undefined when the user is not mapped. */
  identity: Identity | undefined;
}

/** The acting user's personas and whether they are a mesh admin (an unmapped user has no personas). */
export async function whoami(deps: MeshDeps, ctx: RequestContext): Promise<WhoAmI> {
  const actor = await resolveActor(deps, ctx);
  return { user: ctx.user, personas: actor.identity?.personas ?? [], meshAdmin: actor.meshAdmin, identity: actor.identity };
}
