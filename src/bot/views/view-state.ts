import * as z from 'zod';
import type { ColumnFilter } from '../../mesh/domain/subscription';
import { truncate } from '../blocks/mrkdwn';
import { SLACK_LIMITS } from '../blocks/slack-limits';

/**
 * One element's state in `view.state.values[block_id][action_id]`, e.g.
 * `{ type: 'plain_text_input', value: 'Churn model' }` or
 * `{ type: 'checkboxes', selected_options: [{ text: {…}, value: 'SELECT' }] }`.
 */
export const ViewStateValueSchema = z.looseObject({
  type: z.string(),
  value: z.string().nullish(),
  selected_option: z.looseObject({ value: z.string() }).nullish(),
  selected_options: z.array(z.looseObject({ value: z.string() })).nullish(),
});

/** `view.state.values`: block id → action id → element state. */
export const ViewStateValuesSchema = z.record(z.string(), z.record(z.string(), ViewStateValueSchema));

export type ViewStateValue = z.infer<typeof ViewStateValueSchema>;
export type ViewStateValues = z.infer<typeof ViewStateValuesSchema>;

/** Per-block errors as Slack's `response_action: 'errors'` wants them: `{ [block_id]: message }`. */
export type BlockErrors = Record<string, string>;

/** A parsed modal submission: the typed input, or the errors to show next to the blocks. */
export type ModalParseResult<T> = { ok: true; value: T } | { ok: false; errors: BlockErrors };

/** The state of the first element of a block (each of our input blocks holds one element). */
function blockState(values: ViewStateValues, blockId: string): ViewStateValue | undefined {
  const block = values[blockId];
  return block ? Object.values(block)[0] : undefined;
}

/** A text input's value, `''` when empty or absent. */
export function textValue(values: ViewStateValues, blockId: string): string {
  return blockState(values, blockId)?.value ?? '';
}

/** The values of a checkbox group or multi-select, `[]` when none. */
export function selectedValues(values: ViewStateValues, blockId: string): string[] {
  return (blockState(values, blockId)?.selected_options ?? []).map((o) => o.value);
}

/** The value of a radio group or single select. */
export function selectedValue(values: ViewStateValues, blockId: string): string | undefined {
  return blockState(values, blockId)?.selected_option?.value ?? undefined;
}

/** `private_metadata` as JSON, refusing what Slack would not store (> 3,000 characters). */
export function encodeMetadata(metadata: Record<string, unknown>): string {
  const json = JSON.stringify(metadata);
  if (json.length > SLACK_LIMITS.privateMetadata) throw new RangeError(`private_metadata of ${json.length} characters exceeds 3000`);
  return json;
}

/** Parses `private_metadata` JSON with `schema`; undefined when it is not what the modal wrote. */
export function decodeMetadata<T>(schema: z.ZodType<T>, privateMetadata: string | undefined): T | undefined {
  if (privateMetadata === undefined) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(privateMetadata));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** A zod error as one block error, cut to what Slack shows; paths are dropped (the block says where). */
export function issueText(error: z.ZodError): string {
  return truncate([...new Set(error.issues.map((issue) => issue.message))].join('; '), 300);
}

/** What a form whose metadata was tampered with or is from an older version says. */
export const STALE_FORM = 'This form is out of date. Close it and start again.';

/**
 * Splits `a, b ,c` into column names; returns an error sentence for a name Glue would not accept
 * (spaces, quotes, commas inside).
 */
function parseColumnNames(text: string): { names: string[] } | { error: string } {
  const names = text
    .split(/[,\n]/)
    .map((n) => n.trim())
    .filter((n) => n.length > 0);
  for (const name of names) {
    if (name.length > 255 || !/^[^\s"'`;]+$/.test(name)) return { error: `“${truncate(name, 60)}” is not a column name` };
  }
  return { names: [...new Set(names)] };
}

/** Column names and include/exclude as a filter; empty text means every column. */
export function columnFilter(text: string, mode: string | undefined): { filter: ColumnFilter | undefined } | { error: string } {
  const parsed = parseColumnNames(text);
  if ('error' in parsed) return parsed;
  if (parsed.names.length === 0) return { filter: undefined };
  return { filter: { kind: mode === 'exclude' ? 'exclude' : 'include', names: parsed.names } };
}
