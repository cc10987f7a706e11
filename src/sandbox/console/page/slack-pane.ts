/// <reference lib="dom" />
import type { ConsoleMessage, ConsoleState, ConsoleView } from '../console-types';
import { renderBlocks, type ElementEvent, type RenderHost } from './blocks';
import { h, Kept, reconcile } from './dom';
import { renderMrkdwn, type MentionNames } from './mrkdwn';

/** Where the persona is looking: a channel, their DM with the bot, or the bot's App Home. */
export type Place = { kind: 'channel'; id: string } | { kind: 'dm' } | { kind: 'home' };

/** Where a clicked element is, as `POST /_console/action` takes it. */
export type ActionTarget = { channel: string; ts: string; ephemeral?: boolean } | { viewId: string };

/** What the Slack pane asks of the page. */
export interface SlackPaneHost {
  go(place: Place): void;
  command(text: string, channel: string): Promise<boolean>;
  act(target: ActionTarget, event: ElementEvent): void;
}

/** The DM channel id of a person, as the sandbox's Slack names it (`U0PRODUCER` → `D0PRODUCER`). */
export function dmChannelOf(userId: string): string {
  return `D${userId.slice(1)}`;
}

/** Message timestamps in order (`1767225600.000100` < `1767225600.000200`). */
export function compareTs(a: string, b: string): number {
  const [as = '0', af = '0'] = a.split('.');
  const [bs = '0', bf = '0'] = b.split('.');
  return Number(as) - Number(bs) || Number(af.padEnd(6, '0')) - Number(bf.padEnd(6, '0'));
}

function timeOf(ts: string): string {
  const seconds = Number(ts.split('.')[0]);
  return Number.isFinite(seconds) ? new Date(seconds * 1000).toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit' }) : '';
}

/**
 * The left half of the console: the sandbox's Slack as one persona sees it — the channel, their DM
 * with Meshbot (with the ephemeral messages only they see), the App Home tab — and the composer.
 */
export class SlackPane {
  readonly element: HTMLElement;
  private readonly navList = h('ul');
  private readonly navItems = new Kept<HTMLElement>();
  private readonly nav = h('nav', { class: 'slack-nav', attrs: { 'aria-label': 'Conversations' } }, this.navList);
  private readonly title = h('h2', { class: 'conversation-title', attrs: { id: 'conversation-title' } });
  private readonly messages = h('div', { class: 'messages', attrs: { id: 'messages', role: 'log', 'aria-live': 'polite', 'aria-labelledby': 'conversation-title', tabindex: '0' } });
  private readonly home = h('div', { class: 'home', attrs: { id: 'home', hidden: true, tabindex: '-1' } });
  private readonly input: HTMLInputElement = h('input', {
    class: 'composer-input',
    attrs: { id: 'composer', type: 'text', autocomplete: 'off', spellcheck: 'false', placeholder: 'Type /mesh help and press Enter', 'aria-label': 'Message or /mesh command' },
  });
  private readonly composer: HTMLFormElement;
  private readonly rendered = new Map<string, { sig: string; node: HTMLElement }>();
  private homeKey = '';
  private history: string[] = [];
  private historyAt = 0;
  private lastCount = 0;
  private lastPlaceKey = '';
  private state: ConsoleState | undefined;
  private user = '';
  private place: Place = { kind: 'channel', id: '' };

  constructor(
    private readonly host: SlackPaneHost,
    private readonly names: MentionNames,
  ) {
    this.composer = h(
      'form',
      { class: 'composer', on: { submit: (event) => void this.send(event) } },
      this.input,
      h('button', { class: 'bk-button primary', attrs: { type: 'submit' } }, 'Send'),
    );
    this.input.addEventListener('keydown', (event) => {
      this.recall(event);
    });
    this.element = h(
      'section',
      { class: 'slack', attrs: { 'aria-label': 'Slack' } },
      this.nav,
      h('div', { class: 'conversation' }, h('header', { class: 'conversation-header' }, this.title), this.messages, this.home, this.composer),
    );
  }

  /** Put text in the composer and focus it (the tour's "type this"). */
  prefill(text: string): void {
    this.input.value = text;
    this.input.focus();
  }

  /** Draw the persona's view of Slack. */
  update(state: ConsoleState, user: string, place: Place): void {
    this.state = state;
    this.user = user;
    this.place = place;
    this.drawNav();
    const placeKey = `${user}:${JSON.stringify(place)}`;
    const moved = placeKey !== this.lastPlaceKey;
    this.lastPlaceKey = placeKey;
    if (place.kind === 'home') {
      this.title.textContent = 'Meshbot · Home';
      this.messages.hidden = true;
      this.composer.hidden = true;
      this.home.hidden = false;
      this.drawHome(state.slack.homes[user]);
      return;
    }
    this.messages.hidden = false;
    this.composer.hidden = false;
    this.home.hidden = true;
    const channel = this.channelId();
    this.title.textContent = place.kind === 'dm' ? 'Meshbot (direct message)' : `#${state.slack.channels.find((c) => c.id === channel)?.name ?? channel}`;
    this.input.placeholder = `Message ${place.kind === 'dm' ? 'Meshbot' : this.title.textContent} — type /mesh help and press Enter`;
    const list = [...(state.slack.messages[channel] ?? []), ...(state.slack.ephemerals[user] ?? []).filter((m) => m.channel === channel)].sort((a, b) => compareTs(a.ts, b.ts));
    const nodes = list.map((m) => this.messageNode(m));
    if (nodes.length === 0) nodes.push(h('p', { class: 'empty' }, place.kind === 'dm' ? 'No messages from Meshbot yet.' : 'No messages yet. Type a /mesh command below.'));
    reconcile(this.messages, nodes);
    // Follow new messages as Slack does; an update in place does not move the view.
    if (moved || list.length > this.lastCount) this.messages.scrollTop = this.messages.scrollHeight;
    this.lastCount = list.length;
  }

  private channelId(): string {
    return this.place.kind === 'channel' ? this.place.id : dmChannelOf(this.user);
  }

  private drawNav(): void {
    const state = this.state;
    if (state === undefined) return;
    const item = (label: string, place: Place, current: boolean, id: string): HTMLElement => {
      const li = this.navItems.get(id, () => h('li', {}, h('button', { class: 'nav-item', attrs: { type: 'button', id }, on: { click: () => { this.host.go(place); } } }, label)));
      const button = li.firstElementChild;
      if (current) button?.setAttribute('aria-current', 'page');
      else button?.removeAttribute('aria-current');
      return li;
    };
    const channels = state.slack.channels.filter((c) => c.kind === 'channel');
    reconcile(this.navList, [
      item('Home', { kind: 'home' }, this.place.kind === 'home', 'nav-home'),
      ...channels.map((c) => item(`# ${c.name}`, { kind: 'channel', id: c.id }, this.place.kind === 'channel' && this.place.id === c.id, `nav-${c.name}`)),
      item('Meshbot · DM', { kind: 'dm' }, this.place.kind === 'dm', 'nav-dm'),
    ]);
  }

  private renderHost(target: ActionTarget): RenderHost {
    return {
      names: this.names,
      people: this.state?.slack.people ?? [],
      act: (event) => {
        this.host.act(target, event);
      },
    };
  }

  private messageNode(message: ConsoleMessage): HTMLElement {
    const key = `${message.ephemeral ? 'e' : 'm'}:${message.channel}:${message.ts}`;
    const sig = `${this.user}|${JSON.stringify(message)}|${this.state?.slack.people.map((p) => p.realName).join(',') ?? ''}`;
    const cached = this.rendered.get(key);
    if (cached?.sig === sig) return cached.node;
    const target: ActionTarget = message.ephemeral ? { channel: message.channel, ts: message.ts, ephemeral: true } : { channel: message.channel, ts: message.ts };
    const fromBot = message.user === this.state?.slack.botUserId;
    const author = fromBot ? 'Meshbot' : this.names.user(message.user);
    const body = message.blocks.length > 0 ? renderBlocks(message.blocks, this.renderHost(target)) : [renderMrkdwn(message.text, this.names)];
    const node = h(
      'article',
      { class: `message${message.ephemeral ? ' ephemeral' : ''}`, attrs: { 'data-ts': message.ts, 'data-channel': message.channel, 'aria-label': `${author}${message.ephemeral ? ', only visible to you' : ''}` } },
      h('div', { class: `avatar${fromBot ? ' bot' : ''}`, attrs: { 'aria-hidden': 'true' } }, author.slice(0, 1)),
      h(
        'div',
        { class: 'message-body' },
        h(
          'div',
          { class: 'message-meta' },
          h('strong', {}, author),
          fromBot ? h('span', { class: 'app-tag' }, 'APP') : null,
          h('time', { attrs: { datetime: message.ts } }, timeOf(message.ts)),
          message.edited ? h('span', { class: 'edited' }, '(edited)') : null,
        ),
        message.ephemeral ? h('div', { class: 'ephemeral-note' }, 'Only visible to you') : null,
        h('div', { class: 'message-content' }, body),
      ),
    );
    this.rendered.set(key, { sig, node });
    return node;
  }

  private drawHome(view: ConsoleView | undefined): void {
    const key = view === undefined ? 'none' : `${this.user}:${view.id}:${view.hash}`;
    if (key === this.homeKey) return;
    this.homeKey = key;
    if (view === undefined) {
      reconcile(this.home, [h('p', { class: 'empty' }, 'Meshbot has not published an App Home for you yet.')]);
      return;
    }
    reconcile(this.home, [h('div', { class: 'home-view', attrs: { 'data-view-id': view.id } }, renderBlocks(view.blocks, this.renderHost({ viewId: view.id })))]);
  }

  private recall(event: KeyboardEvent): void {
    if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
    if (this.history.length === 0 || (event.key === 'ArrowUp' && this.input.value !== '' && this.historyAt === this.history.length)) return;
    event.preventDefault();
    this.historyAt = Math.max(0, Math.min(this.history.length, this.historyAt + (event.key === 'ArrowUp' ? -1 : 1)));
    this.input.value = this.history[this.historyAt] ?? '';
  }

  private async send(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const text = this.input.value.trim();
    if (text === '' || this.input.disabled) return;
    this.history = [...this.history.filter((t) => t !== text), text].slice(-50);
    this.historyAt = this.history.length;
    this.input.disabled = true;
    try {
      if (await this.host.command(text, this.channelId())) this.input.value = '';
    } finally {
      this.input.disabled = false;
      this.input.focus();
    }
  }
}
