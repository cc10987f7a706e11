import { plain } from '../../blocks/block-kit';
import { SLACK_LIMITS as L } from '../../blocks/slack-limits';
import type { ModalView, SlackMessage } from '../../blocks/slack-types';

/**
 * A modal that only shows a message (a refusal, "already decided"): what a submission's ack shows
 * instead of the form, with one button to close it (or, pushed over a form, to go back to it).
 */
export function messageModal(title: string, message: SlackMessage, close = 'Close'): ModalView {
  return { type: 'modal', title: plain(title, L.viewTitle), close: plain(close, L.viewButton), blocks: message.blocks };
}
