import { plain, section } from '../blocks/block-kit';
import { escapeMrkdwn } from '../blocks/mrkdwn';
import { SLACK_LIMITS as L } from '../blocks/slack-limits';
import type { ModalView } from '../blocks/slack-types';

export interface LoadingModalInput {
  /** The title of the modal it stands in for, e.g. `Request access` (≤ 24 characters). */
  title: string;
  /** What is being loaded, e.g. `Loading the tables of telco-111111111111…`. */
  text?: string;
}

/**
 * A modal opened at once (a trigger id lasts 3 seconds), then replaced with `views.update` when the
 * data arrives; the same title keeps the swap calm.
 */
export function buildLoadingModal({ title, text = 'Loading…' }: LoadingModalInput): ModalView {
  return {
    type: 'modal',
    title: plain(title, L.viewTitle),
    close: plain('Cancel', L.viewButton),
    blocks: [section(`:hourglass_flowing_sand: ${escapeMrkdwn(text)}`)],
  };
}
