import { expect } from 'vitest';
import { SLACK_LIMITS as L } from '../../../src/bot/blocks/slack-limits';

/** What is being checked: a message (`{ text, blocks }`), a modal or the Home tab. */
export type SurfaceKind = 'message' | 'modal' | 'home';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const textOf = (v: unknown): string => (isObject(v) ? str(v.text) : '');
const list = (v: unknown): unknown[] => (Array.isArray(v) ? (v as unknown[]) : []);

// The only `<…>` tokens a builder writes on purpose: user mentions and dates. Anything else in mrkdwn
// (`<!channel>`, `<https://…>`, `<#C1>`) would be user text that escaped escaping.
const ALLOWED_TOKEN = /^<(@[UW][A-Z0-9]+|!date\^\d+\^[^|<>]+\|[^<>]*)>/;
const ENTITY = /^&(amp|lt|gt);/;

/** Problems of one mrkdwn string: a live token that is not ours, a `>` or `&` left unescaped. */
export function mrkdwnViolations(text: string, where: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === '<') {
      const token = ALLOWED_TOKEN.exec(text.slice(i));
      if (!token) out.push(`${where}: live token ${JSON.stringify(text.slice(i, i + 30))}`);
      else i += token[0].length - 1;
    } else if (c === '&' && !ENTITY.test(text.slice(i))) {
      out.push(`${where}: unescaped & at ${i}`);
    }
  }
  // `>` is legal as a blockquote marker at a line start; elsewhere it must have been escaped.
  const stripped = text.replace(/<(@[UW][A-Z0-9]+|!date\^[^>]*)>/g, '').replace(/^>/gm, '');
  if (stripped.includes('>')) out.push(`${where}: unescaped >`);
  return out;
}

function checkText(v: unknown, max: number, where: string, out: string[]): void {
  if (!isObject(v)) return;
  const text = str(v.text);
  if (text.length > max) out.push(`${where}: text ${text.length} > ${max}`);
  if (text.trim().length === 0) out.push(`${where}: empty text`);
  if (v.type === 'mrkdwn') out.push(...mrkdwnViolations(text, where));
}

function checkOptions(options: unknown[], max: number, where: string, out: string[]): void {
  if (options.length > max) out.push(`${where}: ${options.length} options > ${max}`);
  const values = new Set<string>();
  options.forEach((o, i) => {
    if (!isObject(o)) return;
    checkText(o.text, L.optionText, `${where}.options[${i}]`, out);
    if (o.description !== undefined) checkText(o.description, L.optionDescription, `${where}.options[${i}].description`, out);
    const value = str(o.value);
    if (value.length > L.optionValue) out.push(`${where}.options[${i}]: value ${value.length} > ${L.optionValue}`);
    if (values.has(value)) out.push(`${where}: duplicate option value ${value}`);
    values.add(value);
  });
}

function checkElement(e: unknown, where: string, out: string[], actionIds: string[]): void {
  if (!isObject(e)) return;
  if (typeof e.action_id === 'string') {
    if (e.action_id.length > L.actionId) out.push(`${where}: action_id too long`);
    actionIds.push(e.action_id);
  }
  if (e.placeholder !== undefined) checkText(e.placeholder, L.placeholder, `${where}.placeholder`, out);
  if (isObject(e.confirm)) {
    checkText(e.confirm.title, L.confirmTitle, `${where}.confirm.title`, out);
    checkText(e.confirm.text, L.confirmText, `${where}.confirm.text`, out);
    checkText(e.confirm.confirm, L.confirmButton, `${where}.confirm.confirm`, out);
    checkText(e.confirm.deny, L.confirmButton, `${where}.confirm.deny`, out);
  }
  switch (e.type) {
    case 'button':
      checkText(e.text, L.buttonText, `${where}.text`, out);
      if (str(e.value).length > L.buttonValue) out.push(`${where}: value ${str(e.value).length} > ${L.buttonValue}`);
      if (str(e.accessibility_label).length > L.buttonText) out.push(`${where}: accessibility_label too long`);
      break;
    case 'checkboxes':
      checkOptions(list(e.options), L.checkboxOptions, where, out);
      break;
    case 'radio_buttons':
      checkOptions(list(e.options), L.radioOptions, where, out);
      break;
    case 'static_select':
    case 'multi_static_select':
      checkOptions(list(e.options), L.staticOptions, where, out);
      break;
    case 'multi_external_select':
      checkOptions(list(e.initial_options), L.staticOptions, `${where}.initial_options`, out);
      break;
    case 'plain_text_input': {
      const max = typeof e.max_length === 'number' ? e.max_length : L.plainTextInputMax;
      if (max > L.plainTextInputMax || max < 1) out.push(`${where}: max_length ${max} outside 1…3000`);
      if (str(e.initial_value).length > max) out.push(`${where}: initial_value longer than max_length`);
      break;
    }
    default:
      break;
  }
  // Initial options must be among the options, or Slack refuses the whole view.
  const options = list(e.options).filter(isObject);
  const initial = [...list(e.initial_options), ...(e.initial_option !== undefined ? [e.initial_option] : [])].filter(isObject);
  if (options.length > 0) {
    for (const o of initial) if (!options.some((x) => x.value === o.value && textOf(x.text) === textOf(o.text))) out.push(`${where}: initial option ${str(o.value)} not among options`);
  }
}

function checkBlock(b: unknown, where: string, out: string[], actionIds: string[], blockIds: string[]): void {
  if (!isObject(b)) {
    out.push(`${where}: not an object`);
    return;
  }
  if (typeof b.block_id === 'string') {
    if (b.block_id.length > L.blockId) out.push(`${where}: block_id too long`);
    blockIds.push(b.block_id);
  }
  switch (b.type) {
    case 'header':
      checkText(b.text, L.headerText, `${where}.text`, out);
      if (!isObject(b.text) || b.text.type !== 'plain_text') out.push(`${where}: header text must be plain_text`);
      break;
    case 'section': {
      const fields = list(b.fields);
      if (b.text === undefined && fields.length === 0) out.push(`${where}: section without text or fields`);
      checkText(b.text, L.sectionText, `${where}.text`, out);
      if (fields.length > L.sectionFields) out.push(`${where}: ${fields.length} fields > ${L.sectionFields}`);
      fields.forEach((f, i) => { checkText(f, L.fieldText, `${where}.fields[${i}]`, out); });
      if (b.accessory !== undefined) checkElement(b.accessory, `${where}.accessory`, out, actionIds);
      break;
    }
    case 'context': {
      const elements = list(b.elements);
      if (elements.length > L.contextElements || elements.length === 0) out.push(`${where}: ${elements.length} context elements`);
      elements.forEach((e, i) => { checkText(e, L.contextText, `${where}.elements[${i}]`, out); });
      break;
    }
    case 'actions': {
      const elements = list(b.elements);
      if (elements.length > L.actionsElements || elements.length === 0) out.push(`${where}: ${elements.length} action elements`);
      elements.forEach((e, i) => { checkElement(e, `${where}.elements[${i}]`, out, actionIds); });
      break;
    }
    case 'input':
      checkText(b.label, L.inputLabel, `${where}.label`, out);
      if (b.hint !== undefined) checkText(b.hint, L.inputHint, `${where}.hint`, out);
      checkElement(b.element, `${where}.element`, out, actionIds);
      break;
    case 'divider':
      break;
    default:
      out.push(`${where}: unexpected block type ${String(b.type)}`);
  }
}

/** Every Slack limit a built message or view breaks, as readable lines (empty when all is well). */
export function slackLimitViolations(surface: unknown, kind: SurfaceKind): string[] {
  const out: string[] = [];
  if (!isObject(surface)) return ['not an object'];
  const blocks = list(surface.blocks);
  const maxBlocks = kind === 'message' ? L.messageBlocks : L.viewBlocks;
  if (blocks.length > maxBlocks) out.push(`${blocks.length} blocks > ${maxBlocks}`);
  if (blocks.length === 0) out.push('no blocks');
  if (kind === 'message') {
    const text = str(surface.text);
    if (text.length === 0 || text.length > L.messageText) out.push(`message text length ${text.length}`);
    out.push(...mrkdwnViolations(text, 'text'));
  } else {
    if (surface.type !== kind) out.push(`type ${String(surface.type)} is not ${kind}`);
    if (str(surface.private_metadata).length > L.privateMetadata) out.push('private_metadata too long');
    if (str(surface.callback_id).length > L.callbackId) out.push('callback_id too long');
    if (kind === 'modal') {
      checkText(surface.title, L.viewTitle, 'title', out);
      if (surface.submit !== undefined) checkText(surface.submit, L.viewButton, 'submit', out);
      if (surface.close !== undefined) checkText(surface.close, L.viewButton, 'close', out);
      const hasInput = blocks.some((b) => isObject(b) && b.type === 'input');
      if (hasInput && surface.submit === undefined) out.push('input blocks without a submit button');
    }
  }
  const actionIds: string[] = [];
  const blockIds: string[] = [];
  blocks.forEach((b, i) => { checkBlock(b, `blocks[${i}]`, out, actionIds, blockIds); });
  const dup = (ids: string[]): string[] => ids.filter((id, i) => ids.indexOf(id) !== i);
  for (const id of new Set(dup(actionIds))) out.push(`duplicate action_id ${id}`);
  for (const id of new Set(dup(blockIds))) out.push(`duplicate block_id ${id}`);
  return out;
}

/** Asserts a built message or view is within every Slack limit (and leaks no live token). */
export function expectWithinSlackLimits(surface: unknown, kind: SurfaceKind): void {
  expect(slackLimitViolations(surface, kind)).toEqual([]);
}
