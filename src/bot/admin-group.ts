import type { webApi } from '@slack/bolt';
import type { SlackUser } from '../mesh/domain/slack-user';

/** How long a user group's member list is trusted before it is read again. */
const TTL_MS = 5 * 60_000;

/**
 * Whether a Slack user is a member of the mesh admins' user group (`MESH_ADMIN_GROUP`), read with
 * usergroups.users.list and cached for five minutes; a group lives in one workspace, so members of
 * another workspace are not admins. If Slack cannot answer, nobody is an admin by group (fail closed).
 */
export function createAdminGroupCheck(client: webApi.WebClient, groupId: string, now: () => number = Date.now) {
  let cached: { at: number; teamId: string; members: ReadonlySet<string> } | undefined;
  let pending: Promise<typeof cached> | undefined;

  async function load(): Promise<typeof cached> {
    const [auth, group] = await Promise.all([client.auth.test(), client.usergroups.users.list({ usergroup: groupId })]);
    return { at: now(), teamId: auth.team_id ?? '', members: new Set(group.users ?? []) };
  }

  return async (user: SlackUser): Promise<boolean> => {
    if (cached === undefined || now() - cached.at > TTL_MS) {
      pending ??= load().finally(() => {
        pending = undefined;
      });
      try {
        cached = await pending;
      } catch {
        return false;
      }
    }
    return cached !== undefined && cached.teamId === user.teamId && cached.members.has(user.userId);
  };
}
