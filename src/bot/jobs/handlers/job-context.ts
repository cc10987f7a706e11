import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { RequestContext, SystemContext } from '../../../mesh/service/request-context';
import type { SlackMessage } from '../../blocks/slack-types';
import type { BotDeps } from '../../bot-deps';
import { showChange } from '../../notify/show-change';
import { postDirect } from '../../notify/slack-dm';
import { withProduct } from '../../notify/with-product';

/** Where a job answers the person it acts for: the channel they asked from (ephemeral), else their DM. */
export interface ReplyTarget {
  channel: string;
  user: string;
}

/**
 * The context of work the bot does on its own (refreshes, the sweep): the bot itself, named by its
 * task, never a person nobody asked (the mesh lets it read any product and subscription to show them).
 */
export function systemContext(task: 'refresh-job' | 'sweep-job', requestId: string): SystemContext {
  return { system: task, requestId };
}


/**
 * Post to `replyTo` ephemerally (only they see it), else — a channel the bot is not in, or a DM with
 * someone else, refuses ephemerals — to `replyTo.user`'s DM with the bot.
 */
export async function postEphemeralOrDirect(client: webApi.WebClient, replyTo: ReplyTarget, message: SlackMessage, log: Logger): Promise<unknown> {
  try {
    return await client.chat.postEphemeral({ channel: replyTo.channel, user: replyTo.user, text: message.text, blocks: message.blocks });
  } catch (error) {
    log.info({ err: error, channel: replyTo.channel }, 'ephemeral refused; answering by DM');
    return postDirect(client, replyTo.user, message);
  }
}


/** After a failed job, the messages show what the record says now (the work may have got halfway). */
export async function showCurrent(deps: BotDeps, client: webApi.WebClient, id: string, ctx: RequestContext, log: Logger, failed: string): Promise<void> {
  try {
    await showChange(deps, client, ctx, await withProduct(deps, ctx, await deps.mesh.getSubscription(ctx, { id })), log);
  } catch (error) {
    log.warn({ err: error }, `could not show the subscription after a failed ${failed}`);
  }
}
