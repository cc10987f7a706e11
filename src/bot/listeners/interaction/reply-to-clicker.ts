import type { RespondFn, webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { SlackMessage } from '../../blocks/slack-types';
import { postDirect } from '../../notify/slack-dm';

/** What a click payload says about where it came from. */
export interface ClickOrigin {
  user: { id: string };
  /** Set for clicks on messages; empty or absent for clicks in modals and App Home. */
  response_url?: string;
}

/**
 * How to answer the person who clicked: an ephemeral message under the message they clicked (through
 * its response_url, which works in any channel or DM), else — from a modal or App Home — a DM.
 */
export function replyToClicker(client: webApi.WebClient, body: ClickOrigin, respond: RespondFn | undefined, logger: Logger): (message: SlackMessage) => Promise<unknown> {
  const dm = (message: SlackMessage): Promise<unknown> => postDirect(client, body.user.id, message);
  if (respond === undefined || body.response_url === undefined || body.response_url === '') return dm;
  return async (message) => {
    try {
      return await respond({ response_type: 'ephemeral', replace_original: false, text: message.text, blocks: message.blocks });
    } catch (error) {
      // An expired or used-up response URL: the answer still reaches them, in their DM.
      logger.warn({ err: error }, 'response_url refused; answering in a DM');
      return dm(message);
    }
  };
}
