import { createHash } from 'node:crypto';
import { dmChannelId, SANDBOX_APP, type SlackChannel, type SlackUser, type SlackWorld } from './slack-world';

/** The bot's DM with a user, opened on first use (the id is stable: `dmChannelId`). */
export function openDm(world: SlackWorld, userId: string, nowMs: number): { channel: SlackChannel; alreadyOpen: boolean } {
  const id = dmChannelId(userId);
  const existing = world.channels[id];
  if (existing !== undefined) return { channel: existing, alreadyOpen: true };
  const channel: SlackChannel = { id, name: id, kind: 'im', isPrivate: true, user: userId, members: [userId, SANDBOX_APP.botUserId], created: Math.floor(nowMs / 1000) };
  world.channels[id] = channel;
  return { channel, alreadyOpen: false };
}

/** A group DM of the bot and several users; its id is derived from the sorted members, so it is stable too. */
export function openMpim(world: SlackWorld, userIds: string[], nowMs: number): { channel: SlackChannel; alreadyOpen: boolean } {
  const members = [...new Set([...userIds, SANDBOX_APP.botUserId])].sort();
  const id = `G${createHash('sha256').update(members.join(',')).digest('hex').slice(0, 10).toUpperCase()}`;
  const existing = world.channels[id];
  if (existing !== undefined) return { channel: existing, alreadyOpen: true };
  const name = `mpdm-${members.map((m) => world.users[m]?.name ?? m.toLowerCase()).join('--')}-1`;
  const channel: SlackChannel = { id, name, kind: 'mpim', isPrivate: true, members, created: Math.floor(nowMs / 1000) };
  world.channels[id] = channel;
  return { channel, alreadyOpen: false };
}

/**
 * The channel a `channel` argument names: a channel or DM id, a user id (the bot's DM with that user,
 * as `chat.postMessage` allows), or a channel name with or without `#`.
 */
export function resolveChannel(world: SlackWorld, channel: string, nowMs: number): SlackChannel | undefined {
  const byId = world.channels[channel];
  if (byId !== undefined) return byId;
  if (/^[UW][A-Z0-9]+$/.test(channel)) return world.users[channel] === undefined ? undefined : openDm(world, channel, nowMs).channel;
  if (/^D[A-Z0-9]+$/.test(channel)) {
    // A DM id that was never opened: Slack knows it once the user exists.
    const userId = Object.keys(world.users).find((u) => dmChannelId(u) === channel);
    return userId === undefined ? undefined : openDm(world, userId, nowMs).channel;
  }
  const name = channel.replace(/^#/, '');
  return Object.values(world.channels).find((c) => c.kind === 'channel' && c.name === name);
}

/** A user as `users.info` / `users.list` return it. */
export function renderUser(world: SlackWorld, user: SlackUser): Record<string, unknown> {
  const profile: Record<string, unknown> = {
    real_name: user.realName,
    real_name_normalized: user.realName,
    display_name: user.name,
    display_name_normalized: user.name,
    team: world.team.id,
  };
  if (user.email !== undefined) profile.email = user.email;
  if (user.botId !== undefined) profile.bot_id = user.botId;
  return {
    id: user.id,
    team_id: world.team.id,
    name: user.name,
    deleted: false,
    real_name: user.realName,
    tz: user.tz,
    is_admin: user.isAdmin,
    is_owner: false,
    is_primary_owner: false,
    is_restricted: false,
    is_ultra_restricted: false,
    is_bot: user.isBot,
    is_app_user: false,
    updated: 0,
    profile,
  };
}

/** A conversation as `conversations.info` returns it. */
export function renderChannel(channel: SlackChannel, viewer: string = SANDBOX_APP.botUserId): Record<string, unknown> {
  const common = {
    id: channel.id,
    created: channel.created,
    is_archived: false,
    is_org_shared: false,
  };
  if (channel.kind === 'im') return { ...common, is_im: true, user: channel.user, is_user_deleted: false, priority: 0 };
  return {
    ...common,
    name: channel.name,
    name_normalized: channel.name,
    is_channel: channel.kind === 'channel',
    is_group: false,
    is_im: false,
    is_mpim: channel.kind === 'mpim',
    is_private: channel.isPrivate,
    is_general: false,
    is_shared: false,
    is_ext_shared: false,
    is_member: channel.members.includes(viewer),
    num_members: channel.members.length,
    topic: { value: '', creator: '', last_set: 0 },
    purpose: { value: channel.name === 'data-products' ? 'Data products of the mesh, announced by Meshbot' : '', creator: '', last_set: 0 },
  };
}
