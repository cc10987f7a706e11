import type { Logger } from 'pino';
import type { RequestContext } from '../../../mesh/service/request-context';
import { isRetryableFailure } from '../../../mesh/service/retryable-failure';
import { buildErrorMessage } from '../../blocks/error-message';
import { withMentions } from '../../blocks/mrkdwn';
import type { SlackMessage } from '../../blocks/slack-types';
import { toUserMessage } from '../../error-message';
import type { JobDeps } from '../job-deps';
import type { JobDelivery } from '../queue/job-queue';
import { postDirect } from '../../notify/slack-dm';
import { replyError } from '../../listeners/reply-error';
import { postEphemeralOrDirect, type ReplyTarget } from './job-context';

/** Where a job answers: a reply target (ephemeral where they asked, else DM), or a way of its own (e.g. replacing a progress message). */
export type JobAnswer = ReplyTarget | ((message: SlackMessage) => Promise<unknown>);

/** What the person a job acts for reads when it failed in a way a later delivery may mend. */
export function buildJobRetryingMessage(error: unknown, reference: string): SlackMessage {
  const told = toUserMessage(error, reference);
  const why = told.expected ? `${told.title}: ${told.text}` : told.title;
  return buildErrorMessage({
    message: withMentions(`${why}. It is tried again by itself, from where it stopped.`),
    hint: 'if it keeps failing, an operator is alerted: give them the reference',
    reference,
  });
}

/**
 * End a job that failed. A mesh refusal is the job's answer: the person it acts for is told (on
 * whichever delivery it came) and the job ends. Anything else may pass on a later delivery (an
 * outage of DynamoDB or STS, AWS busy): they are told on the first delivery only that it is tried
 * again, and it is rethrown so the queue delivers it again, and finally dead-letters it (whose alarm
 * calls an operator).
 */
export async function failJob(deps: JobDeps, ctx: RequestContext, error: unknown, log: Logger, delivery: JobDelivery, answer?: JobAnswer): Promise<void> {
  const reply =
    typeof answer === 'function'
      ? answer
      : (message: SlackMessage): Promise<unknown> => (answer === undefined ? postDirect(deps.client, ctx.user.userId, message) : postEphemeralOrDirect(deps.client, answer, message, log));
  if (!isRetryableFailure(error)) {
    await replyError(error, reply, log, deps.newId());
    return;
  }
  const reference = deps.newId();
  log.error({ err: error, reference, attempt: delivery.attempt }, 'job failed; the queue delivers it again');
  if (delivery.attempt === 1) {
    const message = buildJobRetryingMessage(error, reference);
    try {
      await reply(message);
    } catch (tellFailure) {
      log.error({ err: tellFailure, reference }, 'could not tell the user that the job is tried again');
    }
  }
  throw error;
}
