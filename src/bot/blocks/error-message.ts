import { context, message, section } from './block-kit';
import { code, toMrkdwn, type Mrkdwn } from './mrkdwn';
import type { SlackMessage } from './slack-types';

export interface ErrorMessageInput {
  /** Why it did not work; a string is escaped, `Mrkdwn` (from `md`) may carry mentions. */
  message: string | Mrkdwn;
  /** What to do instead. */
  hint: string | Mrkdwn;
  /** An id to quote when asking for help, e.g. the request id in the logs. */
  reference?: string;
}

/** A refusal or failure as the user sees it: why, what to do instead, and a reference for support. */
export function buildErrorMessage(input: ErrorMessageInput): SlackMessage {
  const why = toMrkdwn(input.message);
  const blocks = [
    section(`:warning: ${why}`),
    context(`:bulb: ${toMrkdwn(input.hint)}`),
    ...(input.reference !== undefined ? [context(`Reference ${code(input.reference)}`)] : []),
  ];
  return message(why, blocks);
}
