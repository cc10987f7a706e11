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
export type ModalView = types.ModalView;
export type HomeView = types.HomeView;

/** A message as `chat.postMessage` / `chat.update` / `respond` take it: blocks, and `text` for notifications. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}
