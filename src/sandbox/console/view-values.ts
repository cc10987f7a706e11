import * as z from 'zod';
import { type BlockOption, CHOICE_FIELDS, optionsIn } from '../slack/block-options';
import type { ViewStateValues } from '../slack/slack-payloads';
import type { ConsoleValues } from './console-bodies';

const ElementSchema = z.looseObject({
  type: z.string(),
  action_id: z.string().optional(),
  ...CHOICE_FIELDS,
});
const BlockSchema = z.looseObject({ block_id: z.string().optional(), element: z.unknown().optional(), elements: z.array(z.unknown()).optional(), accessory: z.unknown().optional() });

type Element = z.infer<typeof ElementSchema>;

/** A submitted value the view cannot hold: which block and action, and why. */
export class ViewValuesError extends Error {
  override readonly name = 'ViewValuesError';
}

function findElement(blocks: readonly unknown[], blockId: string, actionId: string): Element | undefined {
  for (const raw of blocks) {
    const block = BlockSchema.safeParse(raw);
    if (!block.success || block.data.block_id !== blockId) continue;
    for (const candidate of [block.data.element, block.data.accessory, ...(block.data.elements ?? [])]) {
      const element = ElementSchema.safeParse(candidate);
      if (element.success && element.data.action_id === actionId) return element.data;
    }
  }
  return undefined;
}

function optionOf(element: Element, value: string, where: string): BlockOption {
  // External selects carry no options in the view: the bot served them, so the value is its own label.
  if (element.type.includes('external')) return { text: { type: 'plain_text', text: value }, value };
  const found = optionsIn(element).find((o) => o.value === value);
  if (found === undefined) throw new ViewValuesError(`${where} has no option ${JSON.stringify(value)}.`);
  return found;
}

const asList = (value: string | string[] | null): string[] => (value === null ? [] : Array.isArray(value) ? value : [value]);
const asText = (value: string | string[] | null, where: string): string | null => {
  if (Array.isArray(value)) throw new ViewValuesError(`${where} takes one text, not a list.`);
  return value === '' ? null : value;
};

/**
 * The `view.state.values` Slack would send for a modal whose inputs hold `values`: each element's
 * state by its type, with the chosen options copied from the view (text and value) as Slack does.
 * Throws ViewValuesError for an input the view does not have or an option it does not offer.
 */
export function viewStateValues(blocks: readonly unknown[], values: ConsoleValues): ViewStateValues {
  const out: ViewStateValues = {};
  for (const [blockId, actions] of Object.entries(values)) {
    for (const [actionId, value] of Object.entries(actions)) {
      const where = `Input ${blockId}/${actionId}`;
      const element = findElement(blocks, blockId, actionId);
      if (element === undefined) throw new ViewValuesError(`${where} is not in the view.`);
      const block = (out[blockId] ??= {});
      switch (element.type) {
        case 'plain_text_input':
        case 'email_text_input':
        case 'url_text_input':
        case 'number_input':
          block[actionId] = { type: element.type, value: asText(value, where) };
          break;
        case 'static_select':
        case 'external_select':
        case 'radio_buttons': {
          const chosen = asList(value)[0];
          block[actionId] = { type: element.type, selected_option: chosen === undefined ? null : optionOf(element, chosen, where) };
          break;
        }
        case 'multi_static_select':
        case 'multi_external_select':
        case 'checkboxes':
          block[actionId] = { type: element.type, selected_options: asList(value).map((v) => optionOf(element, v, where)) };
          break;
        case 'users_select':
          block[actionId] = { type: element.type, selected_user: asList(value)[0] ?? null };
          break;
        case 'datepicker':
          block[actionId] = { type: element.type, selected_date: asText(value, where) };
          break;
        default:
          throw new ViewValuesError(`${where} is a ${element.type}, which the console does not fill in yet.`);
      }
    }
  }
  return out;
}
