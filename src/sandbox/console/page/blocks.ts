/// <reference lib="dom" />
import type { ConsoleValues } from '../console-bodies';
import { h, uid, type Child } from './dom';
import { emojify } from './emoji';
import { field, list, obj, str } from './json';
import { renderMrkdwn, type MentionNames } from './mrkdwn';

/** A confirmation dialog of a button, in plain words. */
export interface ConfirmSpec {
  title: string;
  text: string;
  confirm: string;
  deny: string;
  danger: boolean;
}

/** A click on a button, or a choice in a select, radio group or checkboxes. */
export interface ElementEvent {
  actionId: string;
  type: string;
  value?: string;
  selected?: string | string[];
  confirm?: ConfirmSpec;
  /** The element acted on, shown busy while the bot answers. */
  source: HTMLElement;
}

/** A modal's inputs: each registers how to read its current value. */
type InputValue = string | string[] | null;

/** An entry as a list of values: none, one, or several. */
function asList(value: InputValue): string[] {
  if (value === null) return [];
  return Array.isArray(value) ? value : [value];
}

export class FormInputs {
  private readonly readers = new Map<string, Map<string, () => InputValue>>();
  private readonly writers = new Map<string, (value: InputValue) => void>();

  /** Register the reader (and writer, to carry an entry over an update) of one element of an input block. */
  add(blockId: string, actionId: string, read: () => InputValue, write?: (value: InputValue) => void): void {
    const block = this.readers.get(blockId) ?? new Map<string, () => InputValue>();
    block.set(actionId, read);
    this.readers.set(blockId, block);
    if (write !== undefined) this.writers.set(JSON.stringify([blockId, actionId]), write);
  }

  /**
   * Put back what the person had entered before the view was updated, in every element with the same
   * block_id and action_id (Slack's views.update reference, "Preserving input entry").
   */
  keep(entered: ConsoleValues): void {
    for (const [blockId, actions] of Object.entries(entered)) {
      for (const [actionId, value] of Object.entries(actions)) this.writers.get(JSON.stringify([blockId, actionId]))?.(value);
    }
  }

  /** Every input's value, as `POST /_console/submit` takes them. */
  values(): ConsoleValues {
    const out: ConsoleValues = {};
    for (const [blockId, actions] of this.readers) {
      out[blockId] = Object.fromEntries([...actions].map(([actionId, read]) => [actionId, read()]));
    }
    return out;
  }
}

/** What rendering needs from the page: names for mentions, the people (user selects), and where clicks go. */
export interface RenderHost {
  names: MentionNames;
  people: readonly { id: string; realName: string }[];
  act(event: ElementEvent): void;
  /** In a modal: where inputs register, and the errors to show under their blocks. */
  form?: FormInputs;
  errors?: Record<string, string>;
}

/** A text object: plain text (with emoji codes) or mrkdwn. */
export function renderText(text: unknown, names: MentionNames): Child {
  const t = obj(text);
  const value = str(t?.text);
  if (value === undefined) return null;
  if (t?.type === 'mrkdwn') return renderMrkdwn(value, names);
  return h('span', { class: 'plain' }, t?.emoji === false ? value : emojify(value));
}

/** The words of a plain-text object (for labels, options, titles). */
export function plainOf(text: unknown, fallback = ''): string {
  const t = obj(text);
  const value = str(t?.text);
  if (value === undefined) return fallback;
  return t?.emoji === false ? value : emojify(value);
}

function confirmOf(raw: unknown): ConfirmSpec | undefined {
  const c = obj(raw);
  if (c === undefined) return undefined;
  return {
    title: plainOf(c.title, 'Are you sure?'),
    text: plainOf(c.text),
    confirm: plainOf(c.confirm, 'Yes'),
    deny: plainOf(c.deny, 'Cancel'),
    danger: c.style === 'danger',
  };
}

interface Option {
  label: string;
  value: string;
  description?: string;
}

function optionsOf(element: Record<string, unknown>): Option[] {
  const all = [...list(element.options), ...list(element.option_groups).flatMap((g) => list(obj(g)?.options))];
  return all.flatMap((raw) => {
    const o = obj(raw);
    const value = str(o?.value);
    if (o === undefined || value === undefined) return [];
    const description = plainOf(o.description);
    return [{ label: plainOf(o.text, value), value, ...(description !== '' && { description }) }];
  });
}

const initialValues = (element: Record<string, unknown>): Set<string> =>
  new Set([element.initial_option, ...list(element.initial_options)].flatMap((o) => (field(o, 'value') === undefined ? [] : [field(o, 'value') ?? ''])));

/** Where an element lives: its block, whether it is a modal input (and dispatches), and its label's id. */
interface Placement {
  blockId: string;
  input: boolean;
  dispatch: boolean;
  labelId?: string;
  id?: string;
}

function button(element: Record<string, unknown>, host: RenderHost): HTMLElement {
  const actionId = str(element.action_id) ?? '';
  const style = str(element.style);
  const label = str(element.accessibility_label);
  const node: HTMLButtonElement = h(
    'button',
    {
      class: `bk-button${style === 'primary' || style === 'danger' ? ` ${style}` : ''}`,
      attrs: { type: 'button', 'data-action-id': actionId, 'aria-label': label },
      on: {
        click: () => {
          const value = str(element.value);
          const confirm = confirmOf(element.confirm);
          host.act({ actionId, type: 'button', source: node, ...(value !== undefined && { value }), ...(confirm !== undefined && { confirm }) });
        },
      },
    },
    plainOf(element.text, actionId),
  );
  return node;
}

function select(element: Record<string, unknown>, host: RenderHost, at: Placement, multiple: boolean): HTMLElement {
  const actionId = str(element.action_id) ?? '';
  const type = str(element.type) ?? 'static_select';
  const options: Option[] = type === 'users_select' || type === 'multi_users_select' ? host.people.map((p) => ({ label: p.realName, value: p.id })) : optionsOf(element);
  const initial = initialValues(element);
  const initialUser = str(element.initial_user);
  if (initialUser !== undefined) initial.add(initialUser);
  const placeholder = plainOf(element.placeholder, type === 'overflow' ? '⋯' : 'Choose…');
  const node: HTMLSelectElement = h(
    'select',
    {
      class: 'bk-select',
      attrs: { id: at.id, multiple, 'data-action-id': actionId, 'aria-labelledby': at.labelId, 'aria-label': at.labelId === undefined ? placeholder : undefined, size: multiple ? String(Math.min(Math.max(options.length, 2), 6)) : undefined },
      on: {
        change: () => {
          const chosen = [...node.selectedOptions].map((o) => o.value).filter((v) => v !== '');
          if (!at.input || at.dispatch) host.act({ actionId, type, source: node, selected: multiple ? chosen : (chosen[0] ?? '') });
        },
      },
    },
    multiple ? null : h('option', { attrs: { value: '', disabled: true, selected: initial.size === 0 } }, placeholder),
    options.map((o) => h('option', { attrs: { value: o.value, selected: initial.has(o.value), title: o.description } }, o.label)),
  );
  if (at.input) {
    host.form?.add(
      at.blockId,
      actionId,
      () => {
        const chosen = [...node.selectedOptions].map((o) => o.value).filter((v) => v !== '');
        return multiple ? chosen : (chosen[0] ?? null);
      },
      (value) => {
        const chosen = new Set(asList(value));
        for (const o of node.options) o.selected = chosen.has(o.value);
      },
    );
  }
  return node;
}

function choices(element: Record<string, unknown>, host: RenderHost, at: Placement, kind: 'checkbox' | 'radio'): HTMLElement {
  const actionId = str(element.action_id) ?? '';
  const type = str(element.type) ?? '';
  const initial = initialValues(element);
  const name = uid('choice');
  const boxes: HTMLInputElement[] = [];
  const read = (): string[] => boxes.filter((b) => b.checked).map((b) => b.value);
  const group = h(
    'div',
    { class: 'bk-choices', attrs: { role: kind === 'radio' ? 'radiogroup' : 'group', 'aria-labelledby': at.labelId, 'data-action-id': actionId } },
    optionsOf(element).map((o) => {
      const box = h('input', {
        attrs: { type: kind, name, value: o.value, checked: initial.has(o.value) },
        on: {
          change: () => {
            if (!at.input || at.dispatch) host.act({ actionId, type, source: box, selected: kind === 'radio' ? (read()[0] ?? '') : read() });
          },
        },
      });
      boxes.push(box);
      return h('label', { class: 'bk-choice' }, box, h('span', {}, o.label, o.description !== undefined ? h('small', {}, o.description) : null));
    }),
  );
  if (at.input) {
    host.form?.add(
      at.blockId,
      actionId,
      () => (kind === 'radio' ? (read()[0] ?? null) : read()),
      (value) => {
        const chosen = new Set(asList(value));
        for (const box of boxes) box.checked = chosen.has(box.value);
      },
    );
  }
  return group;
}

function textInput(element: Record<string, unknown>, host: RenderHost, at: Placement): HTMLElement {
  const actionId = str(element.action_id) ?? '';
  const multiline = element.multiline === true;
  const maxLength = typeof element.max_length === 'number' ? String(element.max_length) : undefined;
  const attrs = {
    id: at.id,
    'data-action-id': actionId,
    placeholder: plainOf(element.placeholder) || undefined,
    maxlength: maxLength,
    'aria-labelledby': at.labelId,
  };
  const initial = str(element.initial_value) ?? '';
  const node = multiline ? h('textarea', { class: 'bk-input', attrs: { ...attrs, rows: '4' } }, initial) : h('input', { class: 'bk-input', attrs: { ...attrs, type: 'text', value: initial } });
  // An input that dispatches on Enter sends block_actions instead of submitting the modal, as in Slack.
  const triggers = list(obj(element.dispatch_action_config)?.trigger_actions_on);
  if (at.dispatch && !multiline && (triggers.length === 0 || triggers.includes('on_enter_pressed'))) {
    node.addEventListener('keydown', (event) => {
      if (!(event instanceof KeyboardEvent) || event.key !== 'Enter') return;
      event.preventDefault();
      host.act({ actionId, type: 'plain_text_input', value: node.value, source: node });
    });
  }
  if (at.input) {
    host.form?.add(
      at.blockId,
      actionId,
      () => (node.value === '' ? null : node.value),
      (value) => {
        node.value = asList(value).join(', ');
      },
    );
  }
  return node;
}

function externalSelect(element: Record<string, unknown>, host: RenderHost, at: Placement): HTMLElement {
  // Options of an external select come from the bot as the user types; the console takes the values typed, comma-separated.
  const actionId = str(element.action_id) ?? '';
  const multiple = str(element.type) === 'multi_external_select';
  const initial = [...initialValues(element)].join(', ');
  const node = h('input', {
    class: 'bk-input',
    attrs: { id: at.id, type: 'text', value: initial, 'data-action-id': actionId, placeholder: plainOf(element.placeholder), 'aria-labelledby': at.labelId },
  });
  if (at.input) {
    host.form?.add(
      at.blockId,
      actionId,
      () => {
        const values = node.value.split(',').map((v) => v.trim()).filter((v) => v !== '');
        return multiple ? values : (values[0] ?? null);
      },
      (value) => {
        node.value = asList(value).join(', ');
      },
    );
  }
  return node;
}

/** One element of a section accessory, an actions block, a context or an input block. */
export function renderElement(raw: unknown, host: RenderHost, at: Placement): Child {
  const element = obj(raw);
  if (element === undefined) return null;
  switch (element.type) {
    case 'button':
      return button(element, host);
    case 'static_select':
    case 'users_select':
    case 'overflow':
      return select(element, host, at, false);
    case 'multi_static_select':
    case 'multi_users_select':
      return select(element, host, at, true);
    case 'checkboxes':
      return choices(element, host, at, 'checkbox');
    case 'radio_buttons':
      return choices(element, host, at, 'radio');
    case 'plain_text_input':
    case 'email_text_input':
    case 'url_text_input':
    case 'number_input':
      return textInput(element, host, at);
    case 'external_select':
    case 'multi_external_select':
      return externalSelect(element, host, at);
    case 'image':
      return h('span', { class: 'bk-image', attrs: { role: 'img', 'aria-label': str(element.alt_text) } }, `🖼 ${str(element.alt_text) ?? 'image'}`);
    case 'plain_text':
    case 'mrkdwn':
      return renderText(element, host.names);
    default:
      return h('span', { class: 'bk-unsupported' }, `[${str(element.type) ?? 'unknown'} element]`);
  }
}

function richText(raw: unknown): string {
  // Rich text arrives from people, not from this bot; its words are enough here.
  const parts: string[] = [];
  const walk = (node: unknown): void => {
    const o = obj(node);
    if (o === undefined) return;
    const text = str(o.text);
    if (text !== undefined) parts.push(text);
    list(o.elements).forEach(walk);
  };
  walk(raw);
  return parts.join('');
}

function inputBlock(block: Record<string, unknown>, host: RenderHost, blockId: string): HTMLElement {
  const labelId = uid('label');
  const id = uid('input');
  const error = host.errors?.[blockId];
  const hint = plainOf(block.hint);
  const errorId = error === undefined ? undefined : uid('error');
  const element = renderElement(block.element, host, { blockId, input: true, dispatch: block.dispatch_action === true, labelId, id });
  // A group of checkboxes or radios is named by aria-labelledby; only a single field takes the label's `for`.
  const single = element instanceof HTMLInputElement || element instanceof HTMLSelectElement || element instanceof HTMLTextAreaElement;
  if (element instanceof HTMLElement && errorId !== undefined) {
    element.setAttribute('aria-invalid', 'true');
    element.setAttribute('aria-describedby', errorId);
  }
  return h(
    'div',
    { class: `bk-input-block${error === undefined ? '' : ' invalid'}`, attrs: { 'data-block-id': blockId } },
    h(single ? 'label' : 'div', { class: 'bk-label', attrs: { id: labelId, for: single ? id : undefined } }, plainOf(block.label), block.optional === true ? h('span', { class: 'optional' }, ' (optional)') : null),
    element,
    hint !== '' ? h('div', { class: 'bk-hint' }, hint) : null,
    error !== undefined ? h('div', { class: 'bk-error', attrs: { id: errorId, role: 'alert' } }, error) : null,
  );
}

/** One block as DOM; an unknown block says so rather than vanishing. */
export function renderBlock(raw: unknown, index: number, host: RenderHost): Child {
  const block = obj(raw);
  if (block === undefined) return null;
  const blockId = str(block.block_id) ?? `b${index}`;
  const data = { 'data-block-id': blockId };
  const at: Placement = { blockId, input: false, dispatch: false };
  switch (block.type) {
    case 'header':
      return h('div', { class: 'bk-header', attrs: { ...data, role: 'heading', 'aria-level': '3' } }, plainOf(block.text));
    case 'section': {
      const fields = list(block.fields);
      return h(
        'div',
        { class: 'bk-section', attrs: data },
        h(
          'div',
          { class: 'bk-section-main' },
          renderText(block.text, host.names),
          fields.length > 0 ? h('div', { class: 'bk-fields' }, fields.map((f) => h('div', { class: 'bk-field' }, renderText(f, host.names)))) : null,
        ),
        block.accessory !== undefined ? h('div', { class: 'bk-accessory' }, renderElement(block.accessory, host, at)) : null,
      );
    }
    case 'context':
      return h('div', { class: 'bk-context', attrs: data }, list(block.elements).map((e) => renderElement(e, host, at)));
    case 'divider':
      return h('hr', { class: 'bk-divider', attrs: data });
    case 'actions':
      return h('div', { class: 'bk-actions', attrs: data }, list(block.elements).map((e) => renderElement(e, host, at)));
    case 'input':
      return inputBlock(block, host, blockId);
    case 'image':
      return h('div', { class: 'bk-image', attrs: { ...data, role: 'img', 'aria-label': str(block.alt_text) } }, `🖼 ${str(block.alt_text) ?? 'image'}`);
    case 'rich_text':
      return h('div', { class: 'bk-section', attrs: data }, richText(block));
    default:
      return h('div', { class: 'bk-unsupported', attrs: data }, `[${str(block.type) ?? 'unknown'} block]`);
  }
}

/** Blocks as DOM nodes, in order. */
export function renderBlocks(blocks: readonly unknown[], host: RenderHost): Child[] {
  return blocks.map((block, index) => renderBlock(block, index, host));
}
