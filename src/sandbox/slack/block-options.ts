import * as z from 'zod';

/**
 * The options of Block Kit choice elements (selects, radio buttons, checkboxes, overflow menus), as
 * the fake Slack API reads them from stored blocks to fill in what a person chose.
 * @example { "text": { "type": "plain_text", "text": "SELECT" }, "value": "SELECT" }
 */

export const PlainTextSchema = z.object({ type: z.literal('plain_text'), text: z.string(), emoji: z.boolean().optional() });

export const OptionSchema = z.object({ text: PlainTextSchema, value: z.string() });

export type BlockOption = z.infer<typeof OptionSchema>;

/** The fields of a choice element that hold its options (spread into an element schema). */
export const CHOICE_FIELDS = {
  options: z.array(OptionSchema).optional(),
  option_groups: z.array(z.object({ options: z.array(OptionSchema) })).optional(),
};

/** Every option an element offers, its groups' included, in order. */
export function optionsIn(element: { options?: BlockOption[]; option_groups?: { options: BlockOption[] }[] }): BlockOption[] {
  return [...(element.options ?? []), ...(element.option_groups ?? []).flatMap((g) => g.options)];
}
