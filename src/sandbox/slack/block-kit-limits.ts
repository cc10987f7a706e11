import * as z from 'zod';

/**
 * The Block Kit limits Slack enforces on messages and views, checked the way the Web API reports them:
 * `invalid_blocks` / `invalid_arguments` with `response_metadata.messages` such as
 * `[ERROR] must be less than 3001 characters [json-pointer:/blocks/0/text/text]`. Only the limits a
 * bot is likely to hit are checked; a payload passing here can still be refused by Slack.
 */

export const MAX_MESSAGE_BLOCKS = 50;
export const MAX_VIEW_BLOCKS = 100;

const KNOWN_BLOCK_TYPES = new Set([
  'actions', 'context', 'divider', 'file', 'header', 'image', 'input', 'markdown', 'rich_text', 'section', 'table', 'video', 'context_actions',
]);

const BlockSchema = z.looseObject({ type: z.string(), block_id: z.string().optional() });

/** An object with the given string field, as blocks carry text and ids. */
function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

function textOf(value: unknown): string | undefined {
  const text = field(value, 'text');
  return typeof text === 'string' ? text : undefined;
}

function tooLong(errors: string[], value: string | undefined, max: number, pointer: string): void {
  if (value !== undefined && value.length > max) errors.push(`[ERROR] must be less than ${max + 1} characters [json-pointer:${pointer}]`);
}

function checkElement(element: unknown, pointer: string, errors: string[], actionIds: Set<string>): void {
  const actionId = field(element, 'action_id');
  if (typeof actionId === 'string') {
    tooLong(errors, actionId, 255, `${pointer}/action_id`);
    if (actionIds.has(actionId)) errors.push(`[ERROR] action_id must be unique within a block [json-pointer:${pointer}/action_id]`);
    actionIds.add(actionId);
  }
  if (field(element, 'type') === 'button') {
    if (textOf(field(element, 'text')) === undefined) errors.push(`[ERROR] missing required field: text [json-pointer:${pointer}]`);
    tooLong(errors, textOf(field(element, 'text')), 75, `${pointer}/text/text`);
    const value = field(element, 'value');
    tooLong(errors, typeof value === 'string' ? value : undefined, 2000, `${pointer}/value`);
    const url = field(element, 'url');
    tooLong(errors, typeof url === 'string' ? url : undefined, 3000, `${pointer}/url`);
  }
}

function checkBlock(block: z.infer<typeof BlockSchema>, pointer: string, errors: string[]): void {
  if (!KNOWN_BLOCK_TYPES.has(block.type)) errors.push(`[ERROR] unsupported type: ${block.type} [json-pointer:${pointer}/type]`);
  tooLong(errors, block.block_id, 255, `${pointer}/block_id`);
  const actionIds = new Set<string>();
  switch (block.type) {
    case 'section': {
      const fields = field(block, 'fields');
      if (textOf(block.text) === undefined && !Array.isArray(fields)) errors.push(`[ERROR] must provide either text or fields [json-pointer:${pointer}]`);
      tooLong(errors, textOf(block.text), 3000, `${pointer}/text/text`);
      if (Array.isArray(fields)) {
        if (fields.length > 10) errors.push(`[ERROR] must provide an array of no more than 10 items [json-pointer:${pointer}/fields]`);
        fields.forEach((f: unknown, i) => {
          tooLong(errors, textOf(f), 2000, `${pointer}/fields/${i}/text`);
        });
      }
      if (block.accessory !== undefined) checkElement(block.accessory, `${pointer}/accessory`, errors, actionIds);
      break;
    }
    case 'header':
      if (field(block.text, 'type') !== 'plain_text') errors.push(`[ERROR] must be a plain_text text object [json-pointer:${pointer}/text]`);
      tooLong(errors, textOf(block.text), 150, `${pointer}/text/text`);
      break;
    case 'actions':
    case 'context': {
      const elements = field(block, 'elements');
      const max = block.type === 'actions' ? 25 : 10;
      if (!Array.isArray(elements) || elements.length === 0) errors.push(`[ERROR] missing required field: elements [json-pointer:${pointer}]`);
      else {
        if (elements.length > max) errors.push(`[ERROR] must provide an array of no more than ${max} items [json-pointer:${pointer}/elements]`);
        elements.forEach((e: unknown, i) => {
          checkElement(e, `${pointer}/elements/${i}`, errors, actionIds);
        });
      }
      break;
    }
    case 'input':
      if (field(block, 'label') === undefined) errors.push(`[ERROR] missing required field: label [json-pointer:${pointer}]`);
      tooLong(errors, textOf(block.label), 2000, `${pointer}/label/text`);
      if (field(block, 'element') === undefined) errors.push(`[ERROR] missing required field: element [json-pointer:${pointer}]`);
      else checkElement(block.element, `${pointer}/element`, errors, actionIds);
      break;
    default:
      break;
  }
}

/** Check a list of blocks (messages: at most 50, views: at most 100); the Web API's error messages, empty when valid. */
export function checkBlocks(blocks: unknown, max: number, pointer = '/blocks'): string[] {
  if (!Array.isArray(blocks)) return [`[ERROR] must be an array [json-pointer:${pointer}]`];
  const errors: string[] = [];
  if (blocks.length > max) errors.push(`[ERROR] must provide an array of no more than ${max} items [json-pointer:${pointer}]`);
  const blockIds = new Set<string>();
  blocks.forEach((raw: unknown, i) => {
    const parsed = BlockSchema.safeParse(raw);
    if (!parsed.success) {
      errors.push(`[ERROR] must be an object with a string type [json-pointer:${pointer}/${i}]`);
      return;
    }
    const blockId = parsed.data.block_id;
    if (blockId !== undefined) {
      if (blockIds.has(blockId)) errors.push(`[ERROR] block_id must be unique [json-pointer:${pointer}/${i}/block_id]`);
      blockIds.add(blockId);
    }
    checkBlock(parsed.data, `${pointer}/${i}`, errors);
  });
  return errors;
}

const PlainText = z.looseObject({ type: z.literal('plain_text'), text: z.string().min(1).max(24) });

/** A view as the bot sends it to `views.open|push|update|publish`. */
export const ViewInputSchema = z.looseObject({
  type: z.enum(['modal', 'home']),
  blocks: z.array(z.unknown()),
  title: PlainText.optional(),
  submit: PlainText.optional(),
  close: PlainText.optional(),
  callback_id: z.string().max(255).optional(),
  private_metadata: z.string().max(3000).optional(),
  external_id: z.string().max(255).optional(),
  clear_on_close: z.boolean().optional(),
  notify_on_close: z.boolean().optional(),
  submit_disabled: z.boolean().optional(),
});

export type ViewInput = z.infer<typeof ViewInputSchema>;

/** Check a view: its shape, a modal's title (and submit when it has inputs), its blocks. */
export function checkView(view: unknown): { ok: true; view: ViewInput } | { ok: false; messages: string[] } {
  const parsed = ViewInputSchema.safeParse(view);
  if (!parsed.success) {
    return { ok: false, messages: parsed.error.issues.map((i) => `[ERROR] ${i.message} [json-pointer:/view/${i.path.map(String).join('/')}]`) };
  }
  const v = parsed.data;
  const messages = checkBlocks(v.blocks, MAX_VIEW_BLOCKS, '/view/blocks');
  if (v.type === 'modal') {
    if (v.title === undefined) messages.push('[ERROR] missing required field: title [json-pointer:/view]');
    const hasInput = v.blocks.some((b) => field(b, 'type') === 'input');
    if (hasInput && v.submit === undefined) messages.push('[ERROR] submit is required when an input block is present [json-pointer:/view]');
  }
  return messages.length === 0 ? { ok: true, view: v } : { ok: false, messages };
}
