import { vi } from 'vitest';
import type { RecordedResponse, SlackEphemeral } from '../../../src/sandbox/slack/slack-state';
import type { RequestContext } from '../../../src/mesh/service/request-context';
import { SANDBOX_TEAM } from '../../../src/sandbox/slack/slack-world';
import type { BotWorld } from '../../support/bot-world';

/** A sandbox person as the mesh's request context. */
export function as(userId: string): RequestContext {
  return { user: { teamId: SANDBOX_TEAM.id, userId }, requestId: `test-${userId}` };
}

/** Every `text` of a Slack payload (blocks, elements, fields), joined: what a reader of the message sees. */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(textOf).join('\n');
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value)
      .filter(([key]) => key !== 'action_id' && key !== 'value' && key !== 'block_id' && key !== 'type')
      .map(([, v]) => textOf(v))
      .filter((t) => t !== '')
      .join('\n');
  }
  return '';
}

/** The action ids of the buttons in blocks. */
export function actionIdsOf(blocks: unknown): string[] {
  const ids: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (typeof value === 'object' && value !== null) {
      const record = value as Record<string, unknown>;
      if (record.type === 'button' && typeof record.action_id === 'string') ids.push(record.action_id);
      Object.values(record).forEach(walk);
    }
  };
  walk(blocks);
  return ids;
}

/** Wait for something the bot does after its ack (Slack's side sees it only when it lands). */
export function eventually<T>(probe: () => T | undefined): Promise<T> {
  return vi.waitFor(
    () => {
      const found = probe();
      if (found === undefined) throw new Error('not yet');
      return found;
    },
    { timeout: 20_000, interval: 20 },
  );
}

/** What a command led to: the ack, and the first answer to the user after it (response_url). */
export interface CommandAnswer {
  status: number;
  durationMs: number;
  ackBody: string;
  answer: RecordedResponse;
  /** The answer's visible text (blocks flattened). */
  text: string;
}

/**
 * Type `/mesh <text>` as `user` and wait for the bot's answer through the response_url (beyond an
 * ack's own text), then for the jobs it started.
 */
export async function command(world: BotWorld, user: string, text: string, channel?: string): Promise<CommandAnswer> {
  const before = world.slack.responses().length;
  const ack = await world.post({ kind: 'command', user, text, ...(channel !== undefined && { channel }) });
  const ackCount = ack.body === '' ? 0 : 1;
  const answer = await eventually(() => world.slack.responses().slice(before + ackCount).find((r) => r.user === user));
  await world.jobs.idle();
  return { status: ack.status, durationMs: ack.durationMs, ackBody: ack.body, answer, text: textOf(answer.blocks ?? answer.text) };
}

/** The newest ephemeral shown to a user in a channel. */
export function lastEphemeral(world: BotWorld, user: string, channel: string): SlackEphemeral | undefined {
  return world.slack.ephemerals(user, channel).at(-1);
}

/** What a `/mesh publish` showed its publisher. */
export interface PublishAnswer {
  ackBody: string;
  /** The text of the last message shown to the publisher in #data-products once all is done (the progress message as replaced). */
  told: string;
  /** Every message shown to the publisher for this command, as they read now (a replaced one shows its replacement). */
  shown: { text: string; replaced: boolean; blocks: unknown }[];
}

/**
 * Type `/mesh publish …` in #data-products and wait for everything it leads to: its checks' answer or
 * "Publishing…", then the job, whose outcome replaces that message (an ephemeral there).
 */
export async function publishAs(world: BotWorld, user: string, text: string): Promise<PublishAnswer> {
  const channel = 'C0PRODUCTS';
  const before = world.slack.ephemerals(user, channel).length;
  const ack = await world.post({ kind: 'command', user, text });
  await eventually(() => world.slack.ephemerals(user, channel)[before]);
  await world.idle();
  const shown = world.slack.ephemerals(user, channel).slice(before).map((e) => ({ text: textOf(e.blocks ?? e.text), replaced: e.replaced === true, blocks: e.blocks }));
  return { ackBody: ack.body, told: shown.at(-1)?.text ?? '', shown };
}
