import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS } from '../../../src/bot/interaction-ids';
import { REQUEST_BLOCKS } from '../../../src/bot/views/request-modal';
import type { SlackMessage } from '../../../src/sandbox/slack/slack-state';
import { startBotWorld, type BotWorld } from '../../support/bot-world';
import { messageWith, PEOPLE, postProductCard, requestThroughModal, settled } from './flow-support';

/** One logger tree: the bot's lines and the mesh's lines about one approval carry the same fields. */

const lines: Record<string, unknown>[] = [];
let world: BotWorld;
let card: SlackMessage;

beforeAll(async () => {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim() !== '') lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  world = await startBotWorld({ logger: pino({ level: 'info' }, sink) });
  card = await postProductCard(world);
});
afterAll(async () => {
  await world.close();
});

describe('the log of one approval', () => {
  it('names the request, workspace, user and what was done the same way in the bot and the mesh', async () => {
    const request = await requestThroughModal(world, card, { [REQUEST_BLOCKS.tables]: ['usecase1_cell_kpis'], [REQUEST_BLOCKS.permissions]: ['SELECT'], [REQUEST_BLOCKS.reason]: 'Capacity planning' });
    const message = messageWith(world, PEOPLE.pat, request.id, ACTIONS.approve);
    await world.post({ kind: 'block_actions', user: PEOPLE.pat, actionId: ACTIONS.approve, on: { channel: message.channel, ts: message.ts }, value: request.id });
    await settled(world, request.id, ['ACTIVE']);
    await world.idle();

    const about = lines.filter((line) => line.subscriptionId === request.id);
    const byMessage = (msg: string) => about.find((line) => line.msg === msg);
    // The click's lines: the bot's, then the mesh's decision.
    expect(byMessage('approved; grant job queued')).toMatchObject({ team: 'T0SANDBOX', user: PEOPLE.pat, action: ACTIONS.approve });
    expect(byMessage('request approved')).toMatchObject({ team: 'T0SANDBOX', user: PEOPLE.pat, action: ACTIONS.approve });
    // The grant job's lines, the job's and the mesh's, under the click's request id.
    const clickRequest = byMessage('request approved')?.requestId;
    expect(byMessage('grant job done')).toMatchObject({ requestId: clickRequest, team: 'T0SANDBOX', user: PEOPLE.pat, job: 'grant' });
    expect(byMessage('grants done')).toMatchObject({ requestId: clickRequest, team: 'T0SANDBOX', user: PEOPLE.pat, job: 'grant' });
    // A user is always a bare Slack id beside its workspace, never `T#U`.
    for (const line of about.filter((l) => 'user' in l)) {
      expect(line.user).toMatch(/^[UW][A-Z0-9]+$/);
      expect(line.team).toBe('T0SANDBOX');
    }
  });
});
