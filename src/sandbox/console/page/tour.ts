/// <reference lib="dom" />
import type { ConsoleState } from '../console-types';
import { h, reconcile } from './dom';
import { list, obj, str } from './json';
import type { Place } from './slack-pane';

/** One step of the workshop: who does what where, and how the page knows it is done. */
interface TourStep {
  id: string;
  user: string;
  place: Place;
  text: string;
  /** Text the step types into the composer for you (you still press Enter). */
  command?: string;
  done(state: ConsoleState): boolean;
}

/** Where the tour sends the page. */
export interface TourHost {
  go(user: string, place: Place, command?: string): void;
}

const PAT = 'U0PRODUCER';
const CASEY = 'U0CONSUMER';
const PRODUCTS = 'C0PRODUCTS';

/** Whether a message's blocks hold an element with this action id. */
function hasAction(blocks: readonly unknown[], actionId: string): boolean {
  return blocks.some((b) => {
    const block = obj(b);
    return [block?.accessory, ...list(block?.elements)].some((e) => str(obj(e)?.action_id)?.startsWith(actionId) === true);
  });
}

const STEPS: readonly TourStep[] = [
  {
    id: 'publish',
    user: PAT,
    place: { kind: 'channel', id: PRODUCTS },
    text: 'Pat publishes the telco tables: /mesh publish telco usecase*',
    command: '/mesh publish telco usecase*',
    done: (s) => (s.slack.messages[PRODUCTS] ?? []).some((m) => hasAction(m.blocks, 'mesh_request_access')),
  },
  {
    id: 'request',
    user: CASEY,
    place: { kind: 'channel', id: PRODUCTS },
    text: 'Casey clicks [Request access] on the card and sends the request.',
    done: (s) => s.mesh.subscriptions.some((sub) => sub.requester === CASEY),
  },
  {
    id: 'approve',
    user: PAT,
    place: { kind: 'dm' },
    text: 'Pat approves the request in his DM with Meshbot.',
    done: (s) => s.mesh.subscriptions.some((sub) => sub.requester === CASEY && ['GRANTING', 'ACTIVE', 'FAILED', 'REVOKING', 'REVOKED'].includes(sub.status)),
  },
  {
    id: 'names',
    user: CASEY,
    place: { kind: 'dm' },
    text: 'Casey gets the names to query; grants and links appear on the right.',
    done: (s) => s.mesh.subscriptions.some((sub) => sub.requester === CASEY && sub.status === 'ACTIVE' && sub.links.length > 0),
  },
];

/** The guided tour of the workshop: four steps, each checked off as the sandbox shows it happened. */
export class Tour {
  readonly element: HTMLElement;
  private readonly steps = h('ol', { class: 'tour-steps' });
  private readonly toggle: HTMLButtonElement;
  private open = true;

  constructor(private readonly host: TourHost) {
    this.toggle = h('button', { class: 'link-button', attrs: { type: 'button', 'aria-expanded': 'true', 'aria-controls': 'tour-steps' }, on: { click: () => { this.flip(); } } }, 'Hide');
    this.steps.id = 'tour-steps';
    this.element = h('section', { class: 'tour', attrs: { 'aria-label': 'Guided tour', id: 'tour' } }, h('div', { class: 'tour-head' }, h('strong', {}, 'Workshop tour'), this.toggle), this.steps);
  }

  private flip(): void {
    this.open = !this.open;
    this.steps.hidden = !this.open;
    this.toggle.textContent = this.open ? 'Hide' : 'Show';
    this.toggle.setAttribute('aria-expanded', String(this.open));
  }

  /** Check off what the state shows done; the first step not done is the current one. */
  update(state: ConsoleState): void {
    let current = false;
    reconcile(
      this.steps,
      STEPS.map((step) => {
        const done = step.done(state);
        const isCurrent = !done && !current;
        if (isCurrent) current = true;
        return h(
          'li',
          { class: `tour-step${done ? ' done' : ''}${isCurrent ? ' current' : ''}`, attrs: { 'data-step': step.id, 'aria-current': isCurrent ? 'step' : undefined } },
          h('span', { class: 'tour-mark', attrs: { 'aria-hidden': 'true' } }, done ? '✓' : '•'),
          h('span', { class: 'tour-text' }, step.text),
          done ? null : h('button', { class: 'link-button', attrs: { type: 'button' }, on: { click: () => { this.host.go(step.user, step.place, step.command); } } }, 'Go'),
        );
      }),
    );
  }
}
