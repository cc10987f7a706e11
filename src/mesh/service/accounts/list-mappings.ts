import type { Identity } from '../../domain/identity';
import { slackUserKey } from '../../domain/slack-user';
import { canAdminister } from '../../rules/can-administer';
import { readAllPages } from '../../store/page';
import type { MeshDeps } from '../mesh-deps';
import type { RequestContext } from '../request-context';
import { enforce, resolveActor } from '../resolve-actor';
import { logFields } from '../log-fields';

/**
 * Every person mapped to an account persona, by Slack user (mesh admins only). People whose last
 * persona was taken away keep an identity with no personas and are left out.
 */
export async function listMappings(deps: MeshDeps, ctx: RequestContext): Promise<Identity[]> {
  enforce(canAdminister(await resolveActor(deps, ctx), deps.config.meshAdmins));
  const identities = await readAllPages((page) => deps.stores.identities.list(page));
  deps.logger.child(logFields(ctx)).debug({ identities: identities.length }, 'listed mappings');
  return identities.filter((identity) => identity.personas.length > 0).sort((a, b) => slackUserKey(a.user).localeCompare(slackUserKey(b.user)));
}
