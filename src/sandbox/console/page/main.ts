/// <reference lib="dom" />
import type { ConsoleValues } from '../console-bodies';
import type { ConsoleState } from '../console-types';
import { followState, postJson, type RouteAnswer } from './api';
import type { ElementEvent } from './blocks';
import { askConfirm } from './dialogs';
import { h, Kept, reconcile } from './dom';
import { MeshPane } from './mesh-pane';
import { ModalLayer } from './modal';
import type { MentionNames } from './mrkdwn';
import { compareTs, dmChannelOf, SlackPane, type ActionTarget, type Place } from './slack-pane';
import { Tour } from './tour';

const FIRST_PERSONA = 'U0PRODUCER';
const PRODUCTS_CHANNEL = 'C0PRODUCTS';

/** The console page: a persona switcher, the sandbox's Slack on the left, the mesh on the right, a tour. */
class ConsoleApp {
  private state: ConsoleState | undefined;
  private user = FIRST_PERSONA;
  private place: Place = { kind: 'channel', id: PRODUCTS_CHANNEL };
  /** Per person, the newest DM timestamp they have seen (for the unread badges). */
  private readonly seen = new Map<string, string>();
  private readonly names: MentionNames = {
    user: (id) => this.state?.slack.people.find((p) => p.id === id)?.realName ?? (id === this.state?.slack.botUserId ? 'Meshbot' : id),
    channel: (id) => this.state?.slack.channels.find((c) => c.id === id)?.name ?? id,
  };
  private readonly personaButtons = new Kept<HTMLButtonElement>();
  private readonly personas = h('div', { class: 'personas', attrs: { role: 'group', 'aria-label': 'Play as' } });
  private readonly live = h('span', { class: 'live', attrs: { role: 'status' } }, 'connecting…');
  private readonly toasts = h('div', { class: 'toasts', attrs: { id: 'toasts', role: 'status', 'aria-live': 'polite' } });
  private readonly resetButton: HTMLButtonElement;
  private readonly slack: SlackPane;
  private readonly mesh: MeshPane;
  private readonly tour: Tour;
  private readonly modal: ModalLayer;

  constructor(private readonly root: HTMLElement) {
    this.slack = new SlackPane(
      {
        go: (place) => {
          this.go(this.user, place);
        },
        command: (text, channel) => this.command(text, channel),
        act: (target, event) => void this.act(target, event),
      },
      this.names,
    );
    this.mesh = new MeshPane(this.names);
    this.tour = new Tour({
      go: (user, place, command) => {
        this.go(user, place);
        // Keyboard users land where the step happens: the composer, or the conversation to tab through.
        if (command !== undefined) this.slack.prefill(command);
        else document.getElementById(place.kind === 'home' ? 'home' : 'messages')?.focus();
      },
    });
    const people = (): ConsoleState['slack']['people'] => this.state?.slack.people ?? [];
    this.modal = new ModalLayer({
      render: {
        names: this.names,
        get people() {
          return people();
        },
      },
      act: (user, viewId, event, values) => void this.act({ viewId }, event, values, user),
      submit: (user, viewId, values) => this.submit(user, viewId, values),
      close: (user, viewId) => this.closeModal(user, viewId),
    });
    this.resetButton = h('button', { class: 'bk-button danger', attrs: { type: 'button', id: 'reset' }, on: { click: () => void this.reset() } }, 'Reset sandbox');
  }

  /** Draw the frame once; the state fills it in. */
  mount(): void {
    reconcile(this.root, [
      h(
        'header',
        { class: 'topbar' },
        h('h1', {}, 'Meshbot sandbox'),
        h('span', { class: 'muted' }, 'Play as'),
        this.personas,
        h('div', { class: 'topbar-end' }, this.live, this.resetButton),
      ),
      this.tour.element,
      h('main', { class: 'panes' }, this.slack.element, this.mesh.element),
      this.toasts,
    ]);
    this.root.removeAttribute('aria-busy');
    followState(
      (state) => {
        this.receive(state);
      },
      (live) => {
        this.live.textContent = live ? '● live' : '○ reconnecting…';
        this.live.classList.toggle('on', live);
      },
    );
  }

  private receive(state: ConsoleState): void {
    const first = this.state === undefined;
    this.state = state;
    if (first) for (const person of state.slack.people) this.seen.set(person.id, this.latestDm(person.id));
    if (!state.slack.people.some((p) => p.id === this.user)) this.user = state.slack.people[0]?.id ?? FIRST_PERSONA;
    this.render();
    // For the page-load benchmark: the moment the first state is on screen.
    if (first) performance.mark('console-ready');
  }

  private latestDm(user: string): string {
    const list = this.state?.slack.messages[dmChannelOf(user)] ?? [];
    return list.reduce((latest, m) => (compareTs(m.ts, latest) > 0 ? m.ts : latest), '0.0');
  }

  private render(): void {
    const state = this.state;
    if (state === undefined) return;
    if (this.place.kind === 'dm') this.seen.set(this.user, this.latestDm(this.user));
    this.drawPersonas(state);
    this.slack.update(state, this.user, this.place);
    this.mesh.update(state);
    this.tour.update(state);
    this.modal.show(this.user, state.slack.modals[this.user]?.at(-1));
  }

  private drawPersonas(state: ConsoleState): void {
    reconcile(
      this.personas,
      state.slack.people.map((person) => {
        const unread = (state.slack.messages[dmChannelOf(person.id)] ?? []).filter((m) => compareTs(m.ts, this.seen.get(person.id) ?? '0.0') > 0).length;
        const button = this.personaButtons.get(person.id, () =>
          h('button', { class: 'persona', attrs: { type: 'button', 'data-user': person.id }, on: { click: () => { this.go(person.id, this.place); } } }),
        );
        button.setAttribute('aria-pressed', String(person.id === this.user));
        button.title = person.roles.join(', ') || 'not mapped to an account yet';
        reconcile(button, [
          h('span', { class: 'persona-name' }, person.realName),
          h('span', { class: 'persona-role' }, person.roles[0] ?? 'not mapped'),
          ...(unread > 0 ? [h('span', { class: 'badge', attrs: { 'aria-label': `${unread} new direct messages` } }, String(unread))] : []),
        ]);
        return button;
      }),
    );
  }

  /** Switch persona and place; opening the Home tab tells the bot, as Slack does. */
  private go(user: string, place: Place): void {
    const changed = user !== this.user || JSON.stringify(place) !== JSON.stringify(this.place);
    this.user = user;
    this.place = place;
    this.render();
    if (changed && place.kind === 'home') void this.report(postJson('/_console/home', { user }));
  }

  private toast(text: string, kind: 'error' | 'info' = 'error'): void {
    const node = h('div', { class: `toast ${kind}` }, text);
    this.toasts.appendChild(node);
    window.setTimeout(() => {
      node.remove();
    }, 8000);
  }

  /** Show what went wrong with a request to the console or the bot; true when the bot acknowledged it. */
  private async report(answer: Promise<RouteAnswer>): Promise<boolean> {
    const result = await answer;
    if (!result.ok) {
      this.toast(result.error ?? 'The console could not do that.');
      return false;
    }
    if (result.botStatus !== undefined && result.botStatus !== 0 && result.botStatus !== 200) {
      this.toast(`Meshbot did not acknowledge the request (HTTP ${result.botStatus}).`);
      return false;
    }
    return true;
  }

  private async command(text: string, channel: string): Promise<boolean> {
    const match = /^\/(\S+)\s*([\s\S]*)$/.exec(text);
    if (match === null) {
      this.toast('Meshbot listens to /mesh commands: type /mesh help.', 'info');
      return false;
    }
    if (match[1] !== 'mesh') {
      this.toast(`/${match[1] ?? ''} is not a command of this workspace; Meshbot's is /mesh.`, 'info');
      return false;
    }
    return this.report(postJson('/_console/command', { user: this.user, text: match[2] ?? '', channel }));
  }

  private async act(target: ActionTarget, event: ElementEvent, values?: ConsoleValues, user = this.user): Promise<void> {
    if (event.confirm !== undefined && !(await askConfirm(event.confirm))) return;
    const source = event.source;
    source.setAttribute('aria-busy', 'true');
    if (source instanceof HTMLButtonElement) source.disabled = true;
    try {
      await this.report(
        postJson('/_console/action', {
          user,
          actionId: event.actionId,
          on: target,
          ...(event.value !== undefined && { value: event.value }),
          ...(event.selected !== undefined && { selected: event.selected }),
          ...(values !== undefined && { values }),
        }),
      );
    } finally {
      source.removeAttribute('aria-busy');
      if (source instanceof HTMLButtonElement) source.disabled = false;
    }
  }

  private async submit(user: string, viewId: string, values: ConsoleValues): Promise<void> {
    await this.report(postJson('/_console/submit', { user, viewId, values }));
  }

  private async closeModal(user: string, viewId: string): Promise<void> {
    await this.report(postJson('/_console/close', { user, viewId }));
  }

  private async reset(): Promise<void> {
    const sure = await askConfirm({
      title: 'Reset the sandbox?',
      text: 'Slack, the AWS accounts and the mesh go back to how npm start left them: everything done since is forgotten.',
      confirm: 'Reset',
      deny: 'Keep it',
      danger: true,
    });
    if (!sure) return;
    this.resetButton.disabled = true;
    this.resetButton.textContent = 'Resetting…';
    try {
      if (await this.report(postJson('/_console/reset', {}))) {
        this.seen.clear();
        this.place = { kind: 'channel', id: PRODUCTS_CHANNEL };
        this.user = FIRST_PERSONA;
        this.render();
        this.toast('The sandbox is back to its seed.', 'info');
      }
    } finally {
      this.resetButton.disabled = false;
      this.resetButton.textContent = 'Reset sandbox';
    }
  }
}

const root = document.getElementById('app');
if (root !== null) new ConsoleApp(root).mount();
