import { context, header, message, section } from './block-kit';
import { toMrkdwn, type Mrkdwn } from './mrkdwn';
import type { KnownBlock, SlackMessage } from './slack-types';

/**
 * Help: the usage text the command grammar renders, split into sections at line breaks. The text may use
 * mrkdwn styling (`*bold*`, `` `code` ``) but `&`, `<` and `>` are escaped, so `<product>` shows as typed.
 */
export function buildHelpMessage(usage: string | Mrkdwn): SlackMessage {
  const blocks: KnownBlock[] = [header('Meshbot — /mesh commands')];
  let chunk = '';
  for (const line of toMrkdwn(usage).split('\n')) {
    if (chunk.length + line.length + 1 > 2900 && chunk.length > 0) {
      blocks.push(section(chunk));
      chunk = '';
    }
    chunk += (chunk.length > 0 ? '\n' : '') + line;
  }
  if (chunk.trim().length > 0) blocks.push(section(chunk));
  blocks.push(context('Tip: open the App Home tab to see what waits for you.'));
  return message('Meshbot help: /mesh commands', blocks);
}
