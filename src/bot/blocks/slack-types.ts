import type { types } from '@slack/bolt';

// Block Kit's types, named once, from the copy Bolt re-exports (the project depends on Bolt, not on @slack/types).
export type KnownBlock = types.KnownBlock;
export type SectionBlock = types.SectionBlock;
export type HeaderBlock = types.HeaderBlock;
export type ContextBlock = types.ContextBlock;
export type DividerBlock = types.DividerBlock;
export type ActionsBlock = types.ActionsBlock;
export type InputBlock = types.InputBlock;
export type Button = types.Button;
export type ConfirmationDialog = types.ConfirmationDialog;
export type PlainTextElement = types.PlainTextElement;
export type MrkdwnElement = types.MrkdwnElement;
export type PlainTextOption = types.PlainTextOption;
/** A modal as the builders make it: Bolt's `ModalView` with known blocks only, so callers can narrow them. */
export type ModalView = Omit<types.ModalView, 'blocks'> & { blocks: KnownBlock[] };
/** The App Home view as the builders make it (`views.publish`). */
export type HomeView = Omit<types.HomeView, 'blocks'> & { blocks: KnownBlock[] };

/** A message as `chat.postMessage` / `chat.update` / `respond` take it: blocks, and `text` for notifications. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}
