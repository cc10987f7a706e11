import * as z from 'zod';
import { openDm, openMpim, renderChannel, renderUser, resolveChannel } from './slack-directory';
import { SANDBOX_APP } from './slack-world';
import { defineMethod, fail, FormBoolean, FormNumber, type MethodHandler } from './web-api-method';

const authTest = defineMethod(z.looseObject({}), (_args, ctx) => ({
  ok: true,
  url: `https://${ctx.world.team.domain}.slack.com/`,
  team: ctx.world.team.name,
  user: SANDBOX_APP.botName,
  team_id: ctx.world.team.id,
  user_id: SANDBOX_APP.botUserId,
  bot_id: SANDBOX_APP.botId,
  is_enterprise_install: false,
}));

const teamInfo = defineMethod(z.looseObject({}), (_args, ctx) => ({
  ok: true,
  team: { id: ctx.world.team.id, name: ctx.world.team.name, domain: ctx.world.team.domain, email_domain: 'sandbox.example', icon: {} },
}));

const conversationsOpen = defineMethod(
  z.looseObject({ users: z.string().optional(), channel: z.string().optional(), return_im: FormBoolean.optional() }),
  (args, ctx) => {
    if (args.channel !== undefined) {
      const channel = ctx.world.channels[args.channel];
      if (channel === undefined || channel.kind === 'channel') return fail('channel_not_found');
      return { ok: true, no_op: true, already_open: true, channel: args.return_im === true ? renderChannel(channel) : { id: channel.id } };
    }
    const users = (args.users ?? '').split(',').map((u) => u.trim()).filter((u) => u !== '' && u !== SANDBOX_APP.botUserId);
    if (users.length === 0) return fail('users_list_not_supplied');
    if (users.length > 8) return fail('too_many_users');
    if (users.some((u) => ctx.world.users[u] === undefined)) return fail('user_not_found');
    const [only] = users;
    const opened = users.length === 1 && only !== undefined ? openDm(ctx.world, only, ctx.now()) : openMpim(ctx.world, users, ctx.now());
    const channel = args.return_im === true ? renderChannel(opened.channel) : { id: opened.channel.id };
    return opened.alreadyOpen ? { ok: true, no_op: true, already_open: true, channel } : { ok: true, channel };
  },
);

const conversationsInfo = defineMethod(z.looseObject({ channel: z.string().optional() }), (args, ctx) => {
  const channel = args.channel === undefined ? undefined : resolveChannel(ctx.world, args.channel, ctx.now());
  if (channel === undefined) return fail('channel_not_found');
  return { ok: true, channel: renderChannel(channel) };
});

const conversationsHistory = defineMethod(
  z.looseObject({ channel: z.string().optional(), limit: FormNumber.optional(), cursor: z.string().optional() }),
  (args, ctx) => {
    const channel = args.channel === undefined ? undefined : resolveChannel(ctx.world, args.channel, ctx.now());
    if (channel === undefined) return fail('channel_not_found');
    // Newest first, top-level messages and broadcast replies only, as Slack lists them.
    const all = (ctx.state.messages[channel.id] ?? []).filter((m) => m.thread_ts === undefined || m.thread_ts === m.ts).slice().reverse();
    return page(all.map(({ channel: _c, ...m }) => m), args.limit, args.cursor, 'messages');
  },
);

/** One page of a list with Slack's cursor (`next_cursor` empty on the last page). */
function page(items: unknown[], limit: number | undefined, cursor: string | undefined, key: string): { ok: true } & Record<string, unknown> {
  const start = cursor === undefined || cursor === '' ? 0 : Number(Buffer.from(cursor, 'base64').toString('utf8').replace(/^offset:/, ''));
  const size = limit === undefined || limit === 0 ? items.length : Math.min(limit, 1000);
  const slice = items.slice(start, start + size);
  const next = start + size < items.length ? Buffer.from(`offset:${start + size}`).toString('base64') : '';
  return { ok: true, [key]: slice, has_more: next !== '', response_metadata: { next_cursor: next } };
}

const usersInfo = defineMethod(z.looseObject({ user: z.string().optional() }), (args, ctx) => {
  const user = args.user === undefined ? undefined : ctx.world.users[args.user];
  return user === undefined ? fail('user_not_found') : { ok: true, user: renderUser(ctx.world, user) };
});

const usersList = defineMethod(z.looseObject({ limit: FormNumber.optional(), cursor: z.string().optional() }), (args, ctx) => {
  const members = Object.values(ctx.world.users).map((u) => renderUser(ctx.world, u));
  const result = page(members, args.limit, args.cursor, 'members');
  return { ...result, cache_ts: Math.floor(ctx.now() / 1000) };
});

const usergroupUsers = defineMethod(z.looseObject({ usergroup: z.string().optional() }), (args, ctx) => {
  const group = args.usergroup === undefined ? undefined : ctx.world.usergroups[args.usergroup];
  return group === undefined ? fail('no_such_subteam') : { ok: true, users: [...group.users] };
});

/** `auth.test`, `team.info`, `conversations.*`, `users.*`, `usergroups.users.list`. */
export const directoryMethods: Record<string, MethodHandler> = {
  'auth.test': authTest,
  'team.info': teamInfo,
  'conversations.open': conversationsOpen,
  'conversations.info': conversationsInfo,
  'conversations.history': conversationsHistory,
  'users.info': usersInfo,
  'users.list': usersList,
  'usergroups.users.list': usergroupUsers,
};
