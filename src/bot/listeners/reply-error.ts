import type { Logger } from 'pino';
import { buildErrorMessage } from '../blocks/error-message';
import { withMentions } from '../blocks/mrkdwn';
import type { SlackMessage } from '../blocks/slack-types';
import { MeshError } from '../../mesh/errors';
import { toUserMessage } from '../error-message';

/**
 * Tell the user why their request did not happen, through `reply` (an ephemeral message, a
 * response_url, a DM), and log it: expected refusals at info, anything else with its stack and the
 * reference id the user is given.
 */
export async function replyError(error: unknown, reply: (message: SlackMessage) => Promise<unknown>, logger: Logger, reference: string): Promise<void> {
  const message = toUserMessage(error, reference);
  if (error instanceof MeshError) logger.info({ code: error.code, reason: error.reason, path: error.path, message: error.message }, 'refused');
  else logger.error({ err: error, reference }, 'unexpected error');
  try {
    await reply(
      buildErrorMessage({
        message: withMentions(`${message.title}: ${message.text}`),
        hint: withMentions(message.hint ?? ''),
        ...(message.reference !== undefined && { reference: message.reference }),
      }),
    );
  } catch (replyFailure) {
    logger.error({ err: replyFailure, reference }, 'could not tell the user about an error');
  }
}
