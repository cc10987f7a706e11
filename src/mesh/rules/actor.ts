import type { Identity, PersonaKind } from '../domain/identity';
import { slackUserKey, type SlackUser } from '../domain/slack-user';

/** Who is acting, with what the mesh knows of them: their personas and whether they are a mesh admin. */
export interface Actor {
  user: SlackUser;
  identity: Identity | undefined;
  meshAdmin: boolean;
}

/** Whether the actor holds `kind` for `accountId`. */
export function hasPersona(actor: Actor, accountId: string, kind: PersonaKind): boolean {
  return actor.identity?.personas.some((p) => p.accountId === accountId && p.kind === kind) ?? false;
}

/** Whether two Slack users are the same person (same workspace, same id). */
export function sameUser(a: SlackUser, b: SlackUser): boolean {
  return slackUserKey(a) === slackUserKey(b);
}
