import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { RequestContext } from '../../../mesh/service/request-context';
import type { SlackMessage } from '../../blocks/slack-types';
import type { BotDeps } from '../../bot-deps';
import { answerRefusal } from '../interaction/answer-refusal';
import { withProductSuggestion } from './product-suggestion';

/** Where the command was typed: its channel, its user and the trigger of the interaction (valid 3 s). */
export interface CommandOrigin {
  channelId: string;
  userId: string;
  triggerId: string;
  /** When Slack signed the command (epoch ms); undefined in Socket Mode. A replay carries the same. */
  signedAtMs: number | undefined;
  /** The command's response URL (30 minutes, 5 posts), which a job can use to replace what the command showed. */
  responseUrl?: string;
}

/** What every `/mesh` handler works with, after the ack: who asks, how to answer them, the mesh and Slack. */
export interface CommandScope {
  deps: BotDeps;
  client: webApi.WebClient;
  ctx: RequestContext;
  origin: CommandOrigin;
  /** A pino child carrying the request id and the user. */
  log: Logger;
  /** Answer the user only (the command's response_url, ephemeral). */
  reply: (message: SlackMessage) => Promise<void>;
}

/**
 * Run a handler's work; anything it throws reaches the user through `answerRefusal` ("already
 * decided" as who decided and when; anything else through `replyError` with a fresh reference id),
 * never as a stack trace. A product id that names none comes back with the products it was
 * probably meant as.
 */
export async function guarded(scope: CommandScope, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    await answerRefusal(scope.deps, await withProductSuggestion(scope.deps, scope.ctx, error), scope.reply, scope.ctx, scope.log);
  }
}

/** Where a job reports back to the user of this command (the channel it was typed in). */
export function replyToOf(scope: CommandScope): { channel: string; user: string } {
  return { channel: scope.origin.channelId, user: scope.origin.userId };
}
