import type { ModalView } from '../../../src/bot/blocks/slack-types';

type StateValue = Record<string, unknown>;

/**
 * The `view.state.values` Slack would send for a modal submitted as built, with `answers` by block id:
 * a string for a text input or a single choice, a list for checkboxes and multi-selects.
 */
export function submittedState(view: ModalView, answers: Record<string, string | string[] | undefined>): Record<string, Record<string, StateValue>> {
  const values: Record<string, Record<string, StateValue>> = {};
  for (const block of view.blocks) {
    if (block.type !== 'input' || block.block_id === undefined) continue;
    const element = block.element;
    const actionId = element.action_id ?? 'x';
    const answer = block.block_id in answers ? answers[block.block_id] : initialOf(element);
    let state: StateValue;
    switch (element.type) {
      case 'plain_text_input':
        state = { type: element.type, value: typeof answer === 'string' && answer.length > 0 ? answer : null };
        break;
      case 'checkboxes':
      case 'multi_static_select':
      case 'multi_external_select':
        state = { type: element.type, selected_options: (Array.isArray(answer) ? answer : []).map((value) => ({ text: { type: 'plain_text', text: value }, value })) };
        break;
      case 'radio_buttons':
      case 'static_select':
        state = { type: element.type, selected_option: typeof answer === 'string' ? { text: { type: 'plain_text', text: answer }, value: answer } : null };
        break;
      default:
        state = { type: element.type };
    }
    values[block.block_id] = { [actionId]: state };
  }
  return values;
}

function initialOf(element: object): string | string[] | undefined {
  if ('initial_value' in element && typeof element.initial_value === 'string') return element.initial_value;
  if ('initial_options' in element && Array.isArray(element.initial_options)) return (element.initial_options as { value: string }[]).map((o) => o.value);
  if ('initial_option' in element) return (element.initial_option as { value: string } | undefined)?.value;
  return undefined;
}
