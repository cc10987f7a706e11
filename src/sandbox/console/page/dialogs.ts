/// <reference lib="dom" />
import { h, uid } from './dom';

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Keep Tab and Shift+Tab inside `dialog`, and call `onEscape` on Escape. */
export function trapFocus(dialog: HTMLElement, onEscape: () => void): void {
  dialog.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onEscape();
      return;
    }
    if (event.key !== 'Tab') return;
    const items = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((e) => e.offsetParent !== null);
    const first = items[0];
    const last = items[items.length - 1];
    if (first === undefined || last === undefined) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  });
}

/** The first field of a dialog worth focusing: an input, else its primary button, else anything. */
export function firstFocus(dialog: HTMLElement): HTMLElement | null {
  return dialog.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea') ?? dialog.querySelector<HTMLElement>('.primary, .danger') ?? dialog.querySelector<HTMLElement>(FOCUSABLE);
}

/** What a confirmation asks. */
export interface ConfirmQuestion {
  title: string;
  text: string;
  confirm: string;
  deny: string;
  danger: boolean;
}

/** Ask a yes/no question in a dialog (a button's `confirm`); resolves true on confirm, false on deny or Escape. */
export function askConfirm(question: ConfirmQuestion): Promise<boolean> {
  const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  return new Promise((resolve) => {
    const titleId = uid('confirm-title');
    const done = (answer: boolean): void => {
      overlay.remove();
      previous?.focus();
      resolve(answer);
    };
    const dialog = h(
      'div',
      { class: 'dialog confirm', attrs: { role: 'alertdialog', 'aria-modal': 'true', 'aria-labelledby': titleId } },
      h('h2', { attrs: { id: titleId } }, question.title),
      question.text !== '' ? h('p', {}, question.text) : null,
      h(
        'div',
        { class: 'dialog-buttons' },
        h('button', { class: 'bk-button', attrs: { type: 'button' }, on: { click: () => { done(false); } } }, question.deny),
        h('button', { class: `bk-button ${question.danger ? 'danger' : 'primary'}`, attrs: { type: 'button' }, on: { click: () => { done(true); } } }, question.confirm),
      ),
    );
    const overlay = h('div', { class: 'overlay confirm-overlay' }, dialog);
    trapFocus(dialog, () => { done(false); });
    document.body.appendChild(overlay);
    firstFocus(dialog)?.focus();
  });
}
