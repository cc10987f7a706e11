import { createHash } from 'node:crypto';

/**
 * What the fake Slack API remembers between calls: messages, ephemeral messages, open modals, App
 * Homes, minted trigger ids and response URLs. Plain JSON, so `GET /_sandbox/slack/state` shows it as is.
 */

/** A message as `conversations.history` would show it. */
export interface SlackMessage {
  type: 'message';
  ts: string;
  channel: string;
  user: string;
  bot_id?: string;
  app_id?: string;
  team: string;
  text: string;
  blocks?: unknown[];
  attachments?: unknown[];
  metadata?: unknown;
  thread_ts?: string;
  edited?: { user: string; ts: string };
}

/** An ephemeral message: seen by one user in one channel, never stored by Slack. */
export interface SlackEphemeral {
  channel: string;
  user: string;
  ts: string;
  text: string;
  blocks?: unknown[];
  thread_ts?: string;
  /** Set when a `response_url` post replaced it. */
  replaced?: boolean;
}

/** A view as the Web API returns it (`views.open` … `views.publish`). */
export interface SlackView {
  id: string;
  team_id: string;
  type: 'modal' | 'home';
  title?: unknown;
  submit?: unknown;
  close?: unknown;
  blocks: unknown[];
  private_metadata: string;
  callback_id: string;
  external_id: string;
  state: { values: Record<string, Record<string, unknown>> };
  hash: string;
  clear_on_close: boolean;
  notify_on_close: boolean;
  previous_view_id: string | null;
  root_view_id: string;
  app_id: string;
  app_installed_team_id: string;
  bot_id: string;
}

/** An open modal and whose screen it is on. */
export interface OpenView {
  user: string;
  view: SlackView;
  /** Errors shown on input blocks after a submission answered `response_action: errors`. */
  errors?: Record<string, string>;
}

/** Where a response URL's posts go: the channel and user of the interaction, and the message it came from. */
export interface ResponseTarget {
  channel: string;
  user: string;
  /** The message whose button was clicked (replace_original / delete_original act on it). */
  messageTs?: string;
  isEphemeral?: boolean;
}

/** One post to a response URL (Bolt's `respond()`). */
export interface RecordedResponse {
  at: string;
  id: string;
  channel: string;
  user: string;
  replace_original?: boolean;
  delete_original?: boolean;
  response_type?: 'ephemeral' | 'in_channel';
  text?: string;
  blocks?: unknown[];
  thread_ts?: string;
}

export interface SlackState {
  messages: Record<string, SlackMessage[]>;
  ephemerals: SlackEphemeral[];
  views: Record<string, OpenView>;
  /** Modal stacks per user, root first (at most 3 views). */
  stacks: Record<string, string[]>;
  homes: Record<string, SlackView>;
  triggers: Record<string, { user: string; mintedAt: number; used: boolean }>;
  responseUrls: Record<string, ResponseTarget & { mintedAt: number; uses: number }>;
  responses: RecordedResponse[];
  /** Counters behind the minted ids, so ids are deterministic for a given sequence of calls. */
  counters: { micros: number; view: number; trigger: number; response: number; hash: number };
}

/** An empty state. */
export function createSlackState(): SlackState {
  return {
    messages: {},
    ephemerals: [],
    views: {},
    stacks: {},
    homes: {},
    triggers: {},
    responseUrls: {},
    responses: [],
    counters: { micros: 0, view: 0, trigger: 0, response: 0, hash: 0 },
  };
}

/** A message timestamp from the clock, strictly increasing (`1767225600.000001`), as Slack's are unique per channel. */
export function nextTs(state: SlackState, nowMs: number): string {
  const micros = Math.max(Math.floor(nowMs) * 1000, state.counters.micros + 1);
  state.counters.micros = micros;
  return `${Math.floor(micros / 1_000_000)}.${String(micros % 1_000_000).padStart(6, '0')}`;
}

function shortHash(input: string, length: number): string {
  return createHash('sha256').update(input).digest('hex').slice(0, length);
}

/** A view id: `V` + a counter in base 36 (`V00000001`). */
export function nextViewId(state: SlackState): string {
  state.counters.view += 1;
  return `V${state.counters.view.toString(36).toUpperCase().padStart(8, '0')}`;
}

/** A view hash like Slack's (`1767225600.3f2a9c1b`); it changes with every write of the view. */
export function nextViewHash(state: SlackState, nowMs: number): string {
  state.counters.hash += 1;
  return `${Math.floor(nowMs / 1000)}.${shortHash(`hash:${state.counters.hash}`, 8)}`;
}

/** A trigger id in Slack's `<n>.<n>.<hex>` format, valid for 3 s and one exchange. */
export function mintTrigger(state: SlackState, user: string, nowMs: number): string {
  state.counters.trigger += 1;
  const id = `${Math.floor(nowMs / 1000)}.${state.counters.trigger}.${shortHash(`trigger:${state.counters.trigger}`, 32)}`;
  state.triggers[id] = { user, mintedAt: nowMs, used: false };
  return id;
}

/** A response URL id for an interaction (the path segment after `/_sandbox/slack/respond/`). */
export function mintResponseId(state: SlackState, target: ResponseTarget, nowMs: number): string {
  state.counters.response += 1;
  const id = `R${state.counters.response.toString(36).toUpperCase().padStart(6, '0')}${shortHash(`response:${state.counters.response}`, 12)}`;
  state.responseUrls[id] = { ...target, mintedAt: nowMs, uses: 0 };
  return id;
}
