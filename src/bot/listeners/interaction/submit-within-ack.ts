import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { RequestContext } from '../../../mesh/service/request-context';
import { truncate } from '../../blocks/mrkdwn';
import type { ModalView, SlackMessage } from '../../blocks/slack-types';
import type { BotDeps } from '../../bot-deps';
import { toUserMessage } from '../../error-message';
import { postDirect } from '../../notify/slack-dm';
import { answerAlreadyDecided, answerRefusal } from './answer-refusal';
import { messageModal } from './message-modal';
import { ACK_BUDGET_MS, settleWithin } from './settle-within';

/** What a `view_submission` ack may say (the subset the bot uses). */
export type SubmissionAck =
  | undefined
  | { response_action: 'errors'; errors: Record<string, string> }
  | { response_action: 'update' | 'push'; view: ModalView };

export interface SubmitWithinAckInput<T> {
  deps: BotDeps;
  client: webApi.WebClient;
  ack: (answer?: SubmissionAck) => Promise<void>;
  ctx: RequestContext;
  log: Logger;
  /** The modal's title, reused for what replaces it. */
  title: string;
  /** The mesh operation the submission asks for. */
  work: Promise<T>;
  /** The input block a refusal concerns, to show it there; undefined: not about one field. */
  fieldOf?: (error: unknown) => string | undefined;
  /** What follows success, after the modal closed (messages, jobs). */
  then: (value: T) => Promise<void>;
}

/** A refusal as one line under an input block (plain text, short). */
function blockErrorText(error: unknown): string {
  const message = toUserMessage(error, '');
  return truncate(message.hint ? `${message.text} — ${message.hint}` : message.text, 300);
}

/**
 * Run a submission's operation inside Slack's 3-second window so its answer lands in the modal: a
 * refusal about a field is shown under it, "already decided" replaces the form, anything else is
 * pushed over it (closing that view goes back to the form, input kept); success closes the modal.
 * When the operation is slower than the budget, the modal closes at once and the answer goes by DM.
 */
export async function submitWithinAck<T>(input: SubmitWithinAckInput<T>): Promise<void> {
  const { deps, client, ack, ctx, log, title, work, fieldOf } = input;
  const { outcome, later } = await settleWithin(work, ACK_BUDGET_MS);
  if (outcome === undefined) {
    await ack();
    log.info('slower than the ack budget; answering by DM');
    const late = await later;
    if (late.ok) await input.then(late.value);
    else await answerRefusal(deps, late.error, (message: SlackMessage) => postDirect(client, ctx.user.userId, message), ctx, log);
    return;
  }
  if (outcome.ok) {
    await ack();
    await input.then(outcome.value);
    return;
  }
  const error = outcome.error;
  if (await answerAlreadyDecided(deps, error, (message) => ack({ response_action: 'update', view: messageModal(title, message) }), ctx, log)) return;
  const field = fieldOf?.(error);
  if (field !== undefined) {
    log.info({ field }, 'refused; shown in the modal');
    await ack({ response_action: 'errors', errors: { [field]: blockErrorText(error) } });
    return;
  }
  await answerRefusal(deps, error, (message) => ack({ response_action: 'push', view: messageModal(title, message, 'Back') }), ctx, log);
}
