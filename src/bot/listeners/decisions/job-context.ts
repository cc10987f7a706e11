import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import { slackUserKey } from '../../../mesh/domain/slack-user';
import type { Subscription } from '../../../mesh/domain/subscription';
import type { RequestContext } from '../../../mesh/service/request-context';
import type { SlackMessage } from '../../blocks/slack-types';
import type { BotDeps } from '../../bot-deps';
import { postDirect } from '../../notify/slack-dm';
import { replyError } from '../reply-error';

/** Where a job answers the person it acts for: the channel they asked from (ephemeral), else their DM. */
export interface ReplyTarget {
  channel: string;
  user: string;
}

/**
 * The context of work the bot does on its own (refreshes, the sweep): it reads as a mesh admin when
 * one is configured (they may see every product), else as the people of the subscription.
 */
export function systemContext(deps: BotDeps, requestId: string, subscription: Subscription): RequestContext {
  const admin = deps.mesh.deps.config.meshAdmins[0];
  // An admin configured without a workspace acts in the subscription's.
  const user = admin ? { teamId: admin.teamId ?? subscription.requester.teamId, userId: admin.userId } : (subscription.decidedBy ?? subscription.requester);
  return { user, requestId };
}

/** A job's logger with the user it acts for added (the job runner already set the job, request and subscription). */
export function jobLogger(logger: Logger, ctx: RequestContext): Logger {
  return logger.child({ user: slackUserKey(ctx.user) });
}

/**
 * Tell the person a job acted for that it did not happen, through `replyError` (refusals as they are,
 * anything unexpected with a reference): ephemerally where they asked, else by DM.
 */
export async function tellJobFailure(deps: BotDeps, client: webApi.WebClient, ctx: RequestContext, error: unknown, log: Logger, replyTo?: ReplyTarget): Promise<void> {
  const dm = (message: SlackMessage): Promise<unknown> => postDirect(client, ctx.user.userId, message);
  const reply = async (message: SlackMessage): Promise<unknown> => {
    if (replyTo === undefined) return dm(message);
    try {
      return await client.chat.postEphemeral({ channel: replyTo.channel, user: replyTo.user, text: message.text, blocks: message.blocks });
    } catch {
      return dm(message);
    }
  };
  await replyError(error, reply, log, deps.newId());
}
