/// <reference lib="dom" />
import type { ConsoleView } from '../console-types';
import { FormInputs, plainOf, renderBlocks, type ElementEvent, type RenderHost } from './blocks';
import { h, uid } from './dom';
import { firstFocus, trapFocus } from './dialogs';

/** What the modal layer does with what the person does in a modal. */
export interface ModalHost {
  render: Pick<RenderHost, 'names' | 'people'>;
  /** A click or a dispatching choice inside the modal, with the inputs as they are. */
  act(user: string, viewId: string, event: ElementEvent, values: ReturnType<FormInputs['values']>): void;
  submit(user: string, viewId: string, values: ReturnType<FormInputs['values']>): Promise<void>;
  close(user: string, viewId: string): Promise<void>;
}

interface Shown {
  key: string;
  viewId: string;
  form: FormInputs;
  overlay: HTMLElement;
  dialog: HTMLFormElement;
  submit: HTMLButtonElement | null;
}

/** Where the focus is inside `dialog`: its input block, action and (for a checkbox or radio) option value. */
interface FocusedInput {
  blockId: string;
  actionId: string;
  value: string | undefined;
}

function focusedInput(dialog: HTMLElement): FocusedInput | undefined {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || !dialog.contains(active)) return undefined;
  const blockId = active.closest<HTMLElement>('.bk-input-block')?.dataset.blockId;
  const actionId = active.closest<HTMLElement>('[data-action-id]')?.dataset.actionId;
  const value = active instanceof HTMLInputElement && (active.type === 'checkbox' || active.type === 'radio') ? active.value : undefined;
  return blockId === undefined || actionId === undefined ? undefined : { blockId, actionId, value };
}

/** The focusable element of `dialog` that stands where `at` was: same input block, action and option. */
function sameInput(dialog: HTMLElement, at: FocusedInput): HTMLElement | undefined {
  for (const block of dialog.querySelectorAll<HTMLElement>('.bk-input-block')) {
    if (block.dataset.blockId !== at.blockId) continue;
    for (const node of block.querySelectorAll<HTMLElement>('[data-action-id]')) {
      if (node.dataset.actionId !== at.actionId) continue;
      if (node.matches('input, textarea, select, button')) return node;
      const options = [...node.querySelectorAll<HTMLInputElement>('input')];
      return options.find((o) => o.value === at.value) ?? options[0];
    }
  }
  return undefined;
}

function errorsKey(view: ConsoleView): string {
  return JSON.stringify(view.errors);
}

/**
 * The open modal of the current persona, as an overlay. The same view (same id and hash) is kept as
 * it is — typed text and focus survive updates — and only its errors are refreshed; a new view is
 * drawn afresh, and an updated one (same id, new hash) keeps what was entered in its inputs.
 */
export class ModalLayer {
  private shown: Shown | undefined;
  private shownErrors = '';
  private returnFocus: HTMLElement | null = null;

  constructor(private readonly host: ModalHost) {}

  /** Show `view` (the top of the person's modal stack), or nothing. */
  show(user: string, view: ConsoleView | undefined): void {
    if (view === undefined) {
      this.remove();
      return;
    }
    const key = `${user}:${view.id}:${view.hash}`;
    if (this.shown?.key === key) {
      if (errorsKey(view) !== this.shownErrors) this.updateErrors(view);
      return;
    }
    const wasOpen = this.shown !== undefined;
    // views.update keeps what the person entered in inputs whose block_id and action_id stay the same; a different view starts empty.
    // Sources: https://docs.slack.dev/reference/methods/views.update ("Preserving input entry").
    const updated = this.shown?.key.startsWith(`${user}:`) === true && this.shown.viewId === view.id ? this.shown : undefined;
    const entered = updated?.form.values();
    const focused = updated === undefined ? undefined : focusedInput(updated.dialog);
    this.remove(wasOpen);
    if (!wasOpen) this.returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    this.shown = this.draw(user, view, key);
    if (entered !== undefined) this.shown.form.keep(entered);
    this.shownErrors = errorsKey(view);
    document.body.appendChild(this.shown.overlay);
    const again = focused === undefined ? undefined : sameInput(this.shown.dialog, focused);
    (again ?? firstFocus(this.shown.dialog))?.focus();
  }

  private remove(keepFocusTarget = false): void {
    if (this.shown === undefined) return;
    this.shown.overlay.remove();
    this.shown = undefined;
    if (!keepFocusTarget) {
      if (this.returnFocus?.isConnected === true) this.returnFocus.focus();
      this.returnFocus = null;
    }
  }

  private updateErrors(view: ConsoleView): void {
    const dialog = this.shown?.dialog;
    if (dialog === undefined) return;
    this.shownErrors = errorsKey(view);
    for (const block of dialog.querySelectorAll<HTMLElement>('.bk-input-block')) {
      const blockId = block.dataset.blockId ?? '';
      block.querySelector('.bk-error')?.remove();
      const message = view.errors[blockId];
      block.classList.toggle('invalid', message !== undefined);
      if (message !== undefined) block.appendChild(h('div', { class: 'bk-error', attrs: { role: 'alert' } }, message));
    }
    dialog.querySelector('.modal-error')?.remove();
    const general = view.errors[''];
    if (general !== undefined) dialog.querySelector('.modal-body')?.prepend(h('div', { class: 'modal-error bk-error', attrs: { role: 'alert' } }, general));
    this.shown?.submit?.removeAttribute('disabled');
    dialog.querySelector<HTMLElement>('.invalid input, .invalid textarea, .invalid select')?.focus();
  }

  private draw(user: string, view: ConsoleView, key: string): Shown {
    const form = new FormInputs();
    const titleId = uid('modal-title');
    const host: RenderHost = {
      ...this.host.render,
      form,
      errors: view.errors,
      act: (event) => {
        this.host.act(user, view.id, event, form.values());
      },
    };
    const close = (): void => void this.host.close(user, view.id);
    const submitLabel = plainOf(view.submit);
    const submit = submitLabel === '' ? null : h('button', { class: 'bk-button primary', attrs: { type: 'submit' } }, submitLabel);
    const general = view.errors[''];
    const dialog: HTMLFormElement = h(
      'form',
      {
        class: 'dialog modal',
        attrs: { role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': titleId, 'data-view-id': view.id, 'data-callback-id': view.callbackId, novalidate: true },
        on: {
          submit: (event) => {
            event.preventDefault();
            if (submit === null || submit.disabled) return;
            submit.disabled = true;
            void this.host.submit(user, view.id, form.values()).finally(() => {
              if (submit.isConnected) submit.disabled = false;
            });
          },
        },
      },
      h(
        'header',
        { class: 'modal-header' },
        h('h2', { attrs: { id: titleId } }, plainOf(view.title, 'Meshbot')),
        h('button', { class: 'modal-x', attrs: { type: 'button', 'aria-label': 'Close' }, on: { click: close } }, '×'),
      ),
      h('div', { class: 'modal-body' }, general !== undefined ? h('div', { class: 'modal-error bk-error', attrs: { role: 'alert' } }, general) : null, renderBlocks(view.blocks, host)),
      h('footer', { class: 'modal-footer' }, h('button', { class: 'bk-button', attrs: { type: 'button' }, on: { click: close } }, plainOf(view.close, 'Cancel')), submit),
    );
    trapFocus(dialog, close);
    const overlay = h('div', { class: 'overlay' }, dialog);
    return { key, viewId: view.id, form, overlay, dialog, submit };
  }
}
