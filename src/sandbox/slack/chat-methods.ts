import * as z from 'zod';
import { checkBlocks, MAX_MESSAGE_BLOCKS } from './block-kit-limits';
import { resolveChannel } from './slack-directory';
import { nextTs, type SlackMessage } from './slack-state';
import { SANDBOX_APP, type SlackChannel } from './slack-world';
import { defineMethod, fail, type ApiResult, type MethodContext, type MethodHandler } from './web-api-method';

// Slack truncates longer texts and refuses far longer ones; 40,000 is its documented limit.
const MAX_TEXT = 40_000;

const ContentSchema = z.looseObject({
  text: z.string().optional(),
  blocks: z.unknown().optional(),
  attachments: z.unknown().optional(),
  thread_ts: z.string().optional(),
  metadata: z.unknown().optional(),
});

/** The text and blocks of a message, checked as Slack checks them. */
export interface MessageContent {
  text: string;
  blocks?: unknown[];
  attachments?: unknown[];
}

/** Check text/blocks/attachments of a message; `requireContent` is false for `chat.update` keeping old content. */
export function checkContent(args: z.infer<typeof ContentSchema>, requireContent = true): { ok: true; content: MessageContent } | { ok: false; result: ApiResult } {
  const { text, blocks, attachments } = args;
  if (blocks !== undefined && !Array.isArray(blocks)) return { ok: false, result: fail('invalid_blocks_format') };
  if (blocks !== undefined) {
    const problems = checkBlocks(blocks, MAX_MESSAGE_BLOCKS);
    if (problems.length > 0) return { ok: false, result: fail('invalid_blocks', problems) };
  }
  if (attachments !== undefined && !Array.isArray(attachments)) return { ok: false, result: fail('invalid_attachments') };
  if (text !== undefined && text.length > MAX_TEXT) return { ok: false, result: fail('msg_too_long') };
  const empty = (text === undefined || text === '') && (blocks === undefined || blocks.length === 0) && (attachments === undefined || attachments.length === 0);
  if (empty && requireContent) return { ok: false, result: fail('no_text') };
  const content: MessageContent = { text: text ?? '' };
  if (blocks !== undefined) content.blocks = blocks;
  if (attachments !== undefined) content.attachments = attachments;
  return { ok: true, content };
}

/** The channel a method names, or the refusal Slack gives (unknown, or the bot not in it). */
function channelFor(ctx: MethodContext, channel: string | undefined): { ok: true; channel: SlackChannel } | { ok: false; result: ApiResult } {
  if (channel === undefined || channel === '') return { ok: false, result: fail('channel_not_found') };
  const found = resolveChannel(ctx.world, channel, ctx.now());
  if (found === undefined) return { ok: false, result: fail('channel_not_found') };
  if (!found.members.includes(SANDBOX_APP.botUserId)) return { ok: false, result: fail('not_in_channel') };
  return { ok: true, channel: found };
}

/** Append a bot message to a channel and return it. */
export function postBotMessage(ctx: MethodContext, channel: string, content: MessageContent, extra: { thread_ts?: string; metadata?: unknown } = {}): SlackMessage {
  const message: SlackMessage = {
    type: 'message',
    ts: nextTs(ctx.state, ctx.now()),
    channel,
    user: SANDBOX_APP.botUserId,
    bot_id: SANDBOX_APP.botId,
    app_id: SANDBOX_APP.appId,
    team: ctx.world.team.id,
    ...content,
  };
  if (extra.thread_ts !== undefined) message.thread_ts = extra.thread_ts;
  if (extra.metadata !== undefined) message.metadata = extra.metadata;
  (ctx.state.messages[channel] ??= []).push(message);
  return message;
}

/** Replace a stored message's content, marking it edited (as `chat.update` and `replace_original` do). */
export function editMessage(ctx: MethodContext, message: SlackMessage, content: MessageContent, keepBlocks: boolean): void {
  message.text = content.text;
  if (content.blocks !== undefined) message.blocks = content.blocks;
  else if (!keepBlocks) delete message.blocks;
  if (content.attachments !== undefined) message.attachments = content.attachments;
  message.edited = { user: SANDBOX_APP.botUserId, ts: nextTs(ctx.state, ctx.now()) };
}

/** The message as the Web API echoes it back (no `channel` field, a bot profile). */
function wireMessage(message: SlackMessage): Record<string, unknown> {
  const { channel: _channel, ...rest } = message;
  return {
    ...rest,
    bot_profile: { id: SANDBOX_APP.botId, app_id: SANDBOX_APP.appId, name: 'Meshbot', deleted: false, team_id: message.team },
  };
}

function findMessage(ctx: MethodContext, channel: string, ts: string): SlackMessage | undefined {
  return ctx.state.messages[channel]?.find((m) => m.ts === ts);
}

const postMessage = defineMethod(ContentSchema.extend({ channel: z.string().optional() }), (args, ctx) => {
  const target = channelFor(ctx, args.channel);
  if (!target.ok) return target.result;
  const checked = checkContent(args);
  if (!checked.ok) return checked.result;
  const message = postBotMessage(ctx, target.channel.id, checked.content, { thread_ts: args.thread_ts, metadata: args.metadata });
  return { ok: true, channel: target.channel.id, ts: message.ts, message: wireMessage(message) };
});

const update = defineMethod(ContentSchema.extend({ channel: z.string().optional(), ts: z.string().optional() }), (args, ctx) => {
  const target = channelFor(ctx, args.channel);
  if (!target.ok) return target.result;
  const message = args.ts === undefined ? undefined : findMessage(ctx, target.channel.id, args.ts);
  if (message === undefined) return fail('message_not_found');
  if (message.bot_id !== SANDBOX_APP.botId) return fail('cant_update_message');
  const checked = checkContent(args);
  if (!checked.ok) return checked.result;
  // Slack keeps the previous blocks when chat.update sends none; an empty array removes them.
  editMessage(ctx, message, checked.content, true);
  return { ok: true, channel: target.channel.id, ts: message.ts, text: message.text, message: wireMessage(message) };
});

const postEphemeral = defineMethod(ContentSchema.extend({ channel: z.string().optional(), user: z.string().optional() }), (args, ctx) => {
  const target = channelFor(ctx, args.channel);
  if (!target.ok) return target.result;
  if (args.user === undefined || ctx.world.users[args.user] === undefined) return fail('user_not_found');
  if (!target.channel.members.includes(args.user)) return fail('user_not_in_channel');
  const checked = checkContent(args);
  if (!checked.ok) return checked.result;
  const ts = nextTs(ctx.state, ctx.now());
  ctx.state.ephemerals.push({ channel: target.channel.id, user: args.user, ts, ...checked.content, ...(args.thread_ts === undefined ? {} : { thread_ts: args.thread_ts }) });
  return { ok: true, message_ts: ts };
});

const deleteMessage = defineMethod(z.looseObject({ channel: z.string().optional(), ts: z.string().optional() }), (args, ctx) => {
  const target = channelFor(ctx, args.channel);
  if (!target.ok) return target.result;
  const list = ctx.state.messages[target.channel.id] ?? [];
  const index = list.findIndex((m) => m.ts === args.ts);
  const message = list[index];
  if (message === undefined) return fail('message_not_found');
  if (message.bot_id !== SANDBOX_APP.botId) return fail('cant_delete_message');
  list.splice(index, 1);
  return { ok: true, channel: target.channel.id, ts: message.ts };
});

const getPermalink = defineMethod(z.looseObject({ channel: z.string().optional(), message_ts: z.string().optional() }), (args, ctx) => {
  const target = channelFor(ctx, args.channel);
  if (!target.ok) return target.result;
  const message = args.message_ts === undefined ? undefined : findMessage(ctx, target.channel.id, args.message_ts);
  if (message === undefined) return fail('message_not_found');
  const permalink = `https://${ctx.world.team.domain}.slack.com/archives/${target.channel.id}/p${message.ts.replace('.', '')}`;
  return { ok: true, channel: target.channel.id, permalink };
});

/** `chat.*` methods. */
export const chatMethods: Record<string, MethodHandler> = {
  'chat.postMessage': postMessage,
  'chat.update': update,
  'chat.postEphemeral': postEphemeral,
  'chat.delete': deleteMessage,
  'chat.getPermalink': getPermalink,
};
