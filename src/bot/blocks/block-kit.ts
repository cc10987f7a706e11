import { truncate, truncateMrkdwn } from './mrkdwn';
import { SLACK_LIMITS as L } from './slack-limits';
import type {
  ActionsBlock,
  Button,
  ConfirmationDialog,
  ContextBlock,
  DividerBlock,
  HeaderBlock,
  KnownBlock,
  MrkdwnElement,
  PlainTextElement,
  PlainTextOption,
  SectionBlock,
  SlackMessage,
} from './slack-types';

// The few Block Kit shapes the builders use, each cut to Slack's limits so no builder can exceed them.
// Every mrkdwn object is `verbatim`: Slack then turns no bare URL, channel name or @word into a link
// or mention, so only tokens the builders wrote on purpose (`<@U…>`, `<!date^…>`) are live.

// Slack refuses empty text objects; blank user text (a name of spaces) shows as a dash instead.
const orDash = (text: string): string => (text.trim().length > 0 ? text : '—');

/** A plain-text object (no mrkdwn, no mentions), cut to `max`. */
export function plain(text: string, max: number = L.sectionText): PlainTextElement {
  return { type: 'plain_text', text: truncate(orDash(text), max), emoji: true };
}

/** A verbatim mrkdwn object from already-escaped text, cut to `max`. */
export function mrkdwn(text: string, max: number = L.sectionText): MrkdwnElement {
  return { type: 'mrkdwn', text: truncateMrkdwn(orDash(text), max), verbatim: true };
}

/** A header block (plain text, ≤ 150). */
export function header(text: string): HeaderBlock {
  return { type: 'header', text: plain(text, L.headerText) };
}

/** A section of escaped mrkdwn, with an optional accessory button. */
export function section(text: string, accessory?: Button): SectionBlock {
  return accessory ? { type: 'section', text: mrkdwn(text), accessory } : { type: 'section', text: mrkdwn(text) };
}

/** A section of up to 10 two-column fields (escaped mrkdwn, ≤ 2,000 each). */
export function fields(items: readonly string[]): SectionBlock {
  return { type: 'section', fields: items.slice(0, L.sectionFields).map((item) => mrkdwn(item, L.fieldText)) };
}

/** A context block of escaped mrkdwn lines (≤ 10 elements). */
export function context(...items: readonly string[]): ContextBlock {
  return { type: 'context', elements: items.slice(0, L.contextElements).map((item) => mrkdwn(item, L.contextText)) };
}

/** A divider. */
export function divider(): DividerBlock {
  return { type: 'divider' };
}

/** An actions block; `blockId` lets the listener tell the row apart when a list repeats buttons. */
export function actions(elements: readonly Button[], blockId?: string): ActionsBlock {
  const block: ActionsBlock = { type: 'actions', elements: elements.slice(0, L.actionsElements) };
  if (blockId !== undefined) block.block_id = truncate(blockId, L.blockId);
  return block;
}

export interface ButtonSpec {
  text: string;
  actionId: string;
  value: string;
  style?: 'primary' | 'danger';
  confirm?: ConfirmationDialog;
  accessibilityLabel?: string;
}

/** A button with its text (≤ 75) and value (≤ 2,000) cut to Slack's limits. */
export function button(spec: ButtonSpec): Button {
  const out: Button = {
    type: 'button',
    text: plain(spec.text, L.buttonText),
    action_id: truncate(spec.actionId, L.actionId),
    value: truncate(spec.value, L.buttonValue),
  };
  if (spec.style) out.style = spec.style;
  if (spec.confirm) out.confirm = spec.confirm;
  if (spec.accessibilityLabel) out.accessibility_label = truncate(spec.accessibilityLabel, L.buttonText);
  return out;
}

/** A confirmation dialog (title ≤ 100, text ≤ 300, buttons ≤ 30). */
export function confirmDialog(spec: {
  title: string;
  text: string;
  confirm: string;
  deny?: string;
  style?: 'primary' | 'danger';
}): ConfirmationDialog {
  const out: ConfirmationDialog = {
    title: plain(spec.title, L.confirmTitle),
    text: plain(spec.text, L.confirmText),
    confirm: plain(spec.confirm, L.confirmButton),
    deny: plain(spec.deny ?? 'Cancel', L.confirmButton),
  };
  if (spec.style) out.style = spec.style;
  return out;
}

/** A plain-text option (text and description ≤ 75, value ≤ 150). */
export function option(text: string, value: string, description?: string): PlainTextOption {
  const out: PlainTextOption = { text: plain(text, L.optionText), value: truncate(value, L.optionValue) };
  if (description !== undefined) out.description = plain(description, L.optionDescription);
  return out;
}

/**
 * A message: `text` (the notification, escaped mrkdwn) and blocks capped at 50; when a builder would
 * exceed, the last blocks give way to a context line saying how many were left out.
 */
export function message(text: string, blocks: readonly KnownBlock[], maxBlocks: number = L.messageBlocks): SlackMessage {
  return { text: truncateMrkdwn(text.trim().length > 0 ? text : 'Meshbot', L.messageText), blocks: capBlocks(blocks, maxBlocks) };
}

/** Blocks capped at `max`, the overflow replaced by a context line. */
export function capBlocks(blocks: readonly KnownBlock[], max: number): KnownBlock[] {
  if (blocks.length <= max) return [...blocks];
  const kept = blocks.slice(0, max - 1);
  return [...kept, context(`_${blocks.length - kept.length} more blocks not shown._`)];
}
