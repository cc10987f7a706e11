import { context, message, section } from './block-kit';
import { toMrkdwn, type Mrkdwn } from './mrkdwn';
import type { SlackMessage } from './slack-types';

/** An ephemeral "done" notice, e.g. `:white_check_mark: Request 01J… cancelled.`; strings are escaped. */
export function buildConfirmationMessage(text: string | Mrkdwn, detail?: string | Mrkdwn): SlackMessage {
  const body = toMrkdwn(text);
  const blocks = [section(`:white_check_mark: ${body}`), ...(detail !== undefined ? [context(toMrkdwn(detail))] : [])];
  return message(body, blocks);
}
