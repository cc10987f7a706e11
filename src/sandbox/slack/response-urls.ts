import * as z from 'zod';
import { checkContent, editMessage, postBotMessage } from './chat-methods';
import { nextTs, type RecordedResponse, type ResponseTarget } from './slack-state';
import type { MethodContext } from './web-api-method';

/** Slack's limits on a response URL: 30 minutes, 5 posts. */
export const RESPONSE_URL_TTL_MS = 30 * 60 * 1000;
export const RESPONSE_URL_MAX_USES = 5;

/** What Bolt's `respond()` posts (JSON), or a form with `payload=<json>`. */
export const ResponseBodySchema = z.looseObject({
  text: z.string().optional(),
  blocks: z.unknown().optional(),
  attachments: z.unknown().optional(),
  replace_original: z.boolean().optional(),
  delete_original: z.boolean().optional(),
  response_type: z.enum(['ephemeral', 'in_channel']).optional(),
  thread_ts: z.string().optional(),
});

/** The HTTP answer to a response URL post. */
export interface ResponseAnswer {
  status: number;
  body: { ok: boolean; error?: string };
}

/**
 * A slash command's response URL acts on the message the command produced: the first one posted
 * through it (its ack's text or a later post) is the original a `replace_original` replaces.
 * Sources: https://docs.slack.dev/interactivity/handling-user-interaction#message_responses
 */
function rememberOriginal(target: ResponseTarget, ts: string, isEphemeral: boolean): void {
  if (target.messageTs !== undefined) return;
  target.messageTs = ts;
  target.isEphemeral = isEphemeral;
}

/**
 * Apply a post to a response URL as Slack does: delete or replace the original message (ephemeral
 * or not), or add a message — visible to everyone (`in_channel`) or only to the user (default).
 */
export function postToResponseUrl(ctx: MethodContext, id: string, raw: unknown): ResponseAnswer {
  const target = ctx.state.responseUrls[id];
  const now = ctx.now();
  if (target === undefined || now - target.mintedAt > RESPONSE_URL_TTL_MS) return { status: 404, body: { ok: false, error: 'expired_url' } };
  if (target.uses >= RESPONSE_URL_MAX_USES) return { status: 404, body: { ok: false, error: 'used_url' } };
  const parsed = ResponseBodySchema.safeParse(raw);
  if (!parsed.success) return { status: 400, body: { ok: false, error: 'invalid_payload' } };
  const body = parsed.data;
  target.uses += 1;
  const recorded: RecordedResponse = { at: new Date(now).toISOString(), id, channel: target.channel, user: target.user };
  for (const key of ['replace_original', 'delete_original', 'response_type', 'text', 'thread_ts'] as const) {
    if (body[key] !== undefined) Object.assign(recorded, { [key]: body[key] });
  }
  if (Array.isArray(body.blocks)) recorded.blocks = body.blocks;

  if (body.delete_original === true) {
    if (target.messageTs !== undefined) {
      if (target.isEphemeral === true) ctx.state.ephemerals = ctx.state.ephemerals.filter((e) => !(e.user === target.user && e.ts === target.messageTs));
      else ctx.state.messages[target.channel] = (ctx.state.messages[target.channel] ?? []).filter((m) => m.ts !== target.messageTs);
    }
    ctx.state.responses.push(recorded);
    return { status: 200, body: { ok: true } };
  }
  const checked = checkContent(body);
  if (!checked.ok) return { status: 400, body: { ok: false, error: checked.result.ok ? 'invalid_payload' : checked.result.error } };
  ctx.state.responses.push(recorded);
  if (body.replace_original === true && target.messageTs !== undefined) {
    if (target.isEphemeral === true) {
      const ephemeral = ctx.state.ephemerals.find((e) => e.user === target.user && e.ts === target.messageTs);
      if (ephemeral !== undefined) {
        ephemeral.text = checked.content.text;
        if (checked.content.blocks !== undefined) ephemeral.blocks = checked.content.blocks;
        else delete ephemeral.blocks;
        ephemeral.replaced = true;
      }
    } else {
      const message = ctx.state.messages[target.channel]?.find((m) => m.ts === target.messageTs);
      // replace_original replaces the whole message: blocks not sent are gone.
      if (message !== undefined) editMessage(ctx, message, checked.content, false);
    }
    return { status: 200, body: { ok: true } };
  }
  if (body.response_type === 'in_channel') {
    const posted = postBotMessage(ctx, target.channel, checked.content, { thread_ts: body.thread_ts });
    rememberOriginal(target, posted.ts, false);
  } else {
    const ts = nextTs(ctx.state, now);
    ctx.state.ephemerals.push({ channel: target.channel, user: target.user, ts, ...checked.content, ...(body.thread_ts === undefined ? {} : { thread_ts: body.thread_ts }) });
    rememberOriginal(target, ts, true);
  }
  return { status: 200, body: { ok: true } };
}
