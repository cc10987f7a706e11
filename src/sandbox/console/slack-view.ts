import type { SlackStateSnapshot } from '../slack/fake-slack-api';
import type { OpenView, SlackEphemeral, SlackMessage, SlackView } from '../slack/slack-state';
import { SANDBOX_APP } from '../slack/slack-world';
import type { ConsoleMessage, ConsoleSlack, ConsoleView } from './console-types';

function posted(message: SlackMessage): ConsoleMessage {
  return {
    ts: message.ts,
    channel: message.channel,
    user: message.user,
    text: message.text,
    blocks: message.blocks ?? [],
    edited: message.edited !== undefined,
    ephemeral: false,
  };
}

function ephemeral(message: SlackEphemeral): ConsoleMessage {
  return {
    ts: message.ts,
    channel: message.channel,
    user: SANDBOX_APP.botUserId,
    text: message.text,
    blocks: message.blocks ?? [],
    edited: message.replaced === true,
    ephemeral: true,
  };
}

/** A modal or App Home as the page renders it. */
export function consoleView(view: SlackView, errors: Record<string, string> = {}): ConsoleView {
  return {
    id: view.id,
    type: view.type,
    hash: view.hash,
    callbackId: view.callback_id,
    title: view.title,
    submit: view.submit,
    close: view.close,
    blocks: view.blocks,
    errors,
  };
}

function groupBy<T, R>(items: readonly T[], key: (item: T) => string, map: (item: T) => R): Record<string, R[]> {
  const out: Record<string, R[]> = {};
  for (const item of items) (out[key(item)] ??= []).push(map(item));
  return out;
}

/**
 * The Slack side of the console from the fake Slack API's state: people (with the roles the mesh
 * gives them), channels, messages, each person's ephemeral messages, open modals and App Home.
 */
export function consoleSlack(state: SlackStateSnapshot, rolesOf: (userId: string) => string[]): ConsoleSlack {
  const people = state.users
    .filter((u) => !u.isBot)
    .map((u) => ({ id: u.id, name: u.name, realName: u.realName, roles: rolesOf(u.id) }));
  const channels = Object.values(state.channels).map((c) => ({ id: c.id, name: c.name, kind: c.kind, ...(c.user !== undefined && { user: c.user }) }));
  const messages = Object.fromEntries(Object.entries(state.messages).map(([channel, list]) => [channel, list.map(posted)]));
  const ephemerals = groupBy(state.ephemerals, (e) => e.user, ephemeral);
  const modals = groupBy(state.views, (v: OpenView) => v.user, (v: OpenView) => consoleView(v.view, v.errors));
  const homes = Object.fromEntries(Object.entries(state.homes).map(([user, view]) => [user, consoleView(view)]));
  return { team: { id: state.team.id, name: state.team.name }, botUserId: SANDBOX_APP.botUserId, people, channels, messages, ephemerals, modals, homes };
}
