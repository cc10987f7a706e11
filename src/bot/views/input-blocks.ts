import type { types } from '@slack/bolt';
import { option, plain } from '../blocks/block-kit';
import { truncate } from '../blocks/mrkdwn';
import { SLACK_LIMITS as L } from '../blocks/slack-limits';
import type { InputBlock, PlainTextOption } from '../blocks/slack-types';
import type { ColumnFilter } from '../../mesh/domain/subscription';

// Input blocks of the modals, cut to Slack's limits like the message blocks.

type InputElement = types.InputBlockElement;

export interface InputSpec {
  blockId: string;
  label: string;
  element: InputElement;
  optional?: boolean;
  hint?: string;
  /** Send `block_actions` when the element changes (the approve modal's preview). */
  dispatch?: boolean;
}

/** An input block with its label (≤ 2,000) and hint cut to Slack's limits. */
export function input(spec: InputSpec): InputBlock {
  const block: InputBlock = { type: 'input', block_id: spec.blockId, label: plain(spec.label, L.inputLabel), element: spec.element };
  if (spec.optional === true) block.optional = true;
  if (spec.hint !== undefined) block.hint = plain(spec.hint, L.inputHint);
  if (spec.dispatch === true) block.dispatch_action = true;
  return block;
}

/** A checkbox group (≤ 10 options); initial options must be among the options, or Slack refuses the view. */
export function checkboxes(actionId: string, options: readonly PlainTextOption[], initial: readonly string[] = []): InputElement {
  const opts = options.slice(0, L.checkboxOptions);
  const wanted = new Set(initial);
  const chosen = opts.filter((o) => o.value !== undefined && wanted.has(o.value));
  return { type: 'checkboxes', action_id: actionId, options: opts, ...(chosen.length > 0 ? { initial_options: chosen } : {}) };
}

/** A radio group (≤ 10 options). */
export function radios(actionId: string, options: readonly PlainTextOption[], initial?: string): InputElement {
  const opts = options.slice(0, L.radioOptions);
  const chosen = opts.find((o) => o.value === initial);
  return { type: 'radio_buttons', action_id: actionId, options: opts, ...(chosen ? { initial_option: chosen } : {}) };
}

/** A plain-text input; `max` is at most Slack's 3,000 and the initial value is cut to fit it. */
export function textInput(spec: {
  actionId: string;
  placeholder: string;
  multiline?: boolean;
  max?: number;
  initial?: string;
  dispatchOnEnter?: boolean;
}): InputElement {
  const max = Math.min(spec.max ?? L.plainTextInputMax, L.plainTextInputMax);
  return {
    type: 'plain_text_input',
    action_id: spec.actionId,
    placeholder: plain(spec.placeholder, L.placeholder),
    max_length: max,
    ...(spec.multiline === true ? { multiline: true } : {}),
    ...(spec.initial !== undefined && spec.initial.length > 0 ? { initial_value: truncate(spec.initial, max) } : {}),
    ...(spec.dispatchOnEnter === true ? { dispatch_action_config: { trigger_actions_on: ['on_enter_pressed'] } } : {}),
  };
}

/** The include / exclude choice that goes with a column list. */
export const COLUMN_MODE_OPTIONS: PlainTextOption[] = [
  option('Only these columns', 'include'),
  option('All columns except these', 'exclude'),
];

/** The column list as the text input shows it: `a, b, c`. */
export function columnsInitialText(columns: ColumnFilter | undefined): string {
  return columns ? columns.names.join(', ') : '';
}
