import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS, VIEWS } from '../../../src/bot/interaction-ids';
import { APPROVE_BLOCKS } from '../../../src/bot/views/approve-modal';
import { REQUEST_BLOCKS } from '../../../src/bot/views/request-modal';
import { REVOKE_BLOCKS } from '../../../src/bot/views/revoke-modal';
import type { SlackMessage } from '../../../src/sandbox/slack/slack-state';
import { startBotWorld, type BotWorld } from '../../support/bot-world';
import { command } from '../commands-flow/command-flow';
import { answersFor, clickForModal, current, dmsAbout, eventually, messageWith, PEOPLE, postProductCard, PRODUCTS_CHANNEL, requestThroughModal, settled, shown } from './flow-support';

/**
 * The requester is told exactly how their access differs from what they asked, and how it changes
 * afterwards: an approval with changes, a modify and a revoke, each through signed requests into the
 * real receiver, each read in the requester's DMs and in the subscription's history.
 */

let world: BotWorld;
let card: SlackMessage;

beforeAll(async () => {
  world = await startBotWorld();
  card = await postProductCard(world);
});
afterAll(async () => {
  await world.close();
});

const KPIS = 'usecase1_cell_kpis';
const granted = (id: string): SlackMessage[] => dmsAbout(world, PEOPLE.casey, id).filter((m) => shown(m).includes('Access granted'));

describe('a subscription whose access differs from the request, then changes, then goes', () => {
  let id = '';

  it('[Approve with changes]: the granted DM names what was not granted though requested, the columns narrowed and the approver’s notes', async () => {
    const request = await requestThroughModal(world, card, {
      [REQUEST_BLOCKS.tables]: [KPIS],
      [REQUEST_BLOCKS.permissions]: ['SELECT', 'DESCRIBE'],
      [REQUEST_BLOCKS.columns]: 'cell_id, hour, region',
      [REQUEST_BLOCKS.reason]: 'Cell dashboards',
    });
    id = request.id;
    const message = messageWith(world, PEOPLE.pat, id, ACTIONS.approveWithChanges);
    const modal = await clickForModal(world, PEOPLE.pat, ACTIONS.approveWithChanges, { channel: message.channel, ts: message.ts }, VIEWS.approveWithChanges, id);

    await world.post({
      kind: 'view_submission',
      viewId: modal.id,
      values: answersFor(modal, { [APPROVE_BLOCKS.permissions]: ['SELECT'], [APPROVE_BLOCKS.columns]: 'cell_id, hour', [APPROVE_BLOCKS.notes]: 'Region is not needed for dashboards' }),
    });
    const active = await settled(world, id, ['ACTIVE', 'FAILED']);

    expect(active).toMatchObject({ status: 'ACTIVE', grantedPermissions: ['SELECT'] });
    expect(active.history.find((h) => h.event === 'approve')?.delta).toEqual({
      permissions: { added: [], removed: ['DESCRIBE'] },
      columns: { before: { kind: 'include', names: ['cell_id', 'hour', 'region'] }, after: { kind: 'include', names: ['cell_id', 'hour'] }, added: [], removed: ['region'] },
    });
    const [told] = granted(id);
    expect(shown(told)).toContain('Not granted, though requested: DESCRIBE');
    expect(shown(told)).toContain('Columns: requested only `cell_id`, `hour`, `region`, granted only `cell_id`, `hour`');
    expect(shown(told)).toContain('Region is not needed for dashboards');
    expect(shown(told)).toContain('approved by <@U0PRODUCER>');
  });

  it('/mesh modify: when the modify completes the requester is told who changed what — and no second "Access granted"', async () => {
    const before = dmsAbout(world, PEOPLE.casey, id).length;

    // The command shows the change first; Pat confirms it.
    await command(world, PEOPLE.pat, `modify ${id} select,describe The definitions are needed after all`, PRODUCTS_CHANNEL);
    const confirmation = world.slack.ephemerals(PEOPLE.pat, PRODUCTS_CHANNEL).findLast((e) => JSON.stringify(e.blocks ?? []).includes(ACTIONS.modifyConfirm));
    expect(confirmation).toBeDefined();
    expect(dmsAbout(world, PEOPLE.casey, id)).toHaveLength(before);
    await world.post({ kind: 'block_actions', user: PEOPLE.pat, actionId: ACTIONS.modifyConfirm, on: { channel: PRODUCTS_CHANNEL, ts: confirmation!.ts, ephemeral: true } });
    const modified = await eventually(async () => {
      const now = await current(world, id);
      if (now.history.at(-1)?.event !== 'modify-succeeded') throw new Error('not modified yet');
      return now;
    });
    await world.jobs.idle();

    expect(modified.history.slice(-2)).toMatchObject([
      { event: 'modify', actor: { userId: PEOPLE.pat }, delta: { permissions: { added: ['DESCRIBE'], removed: [] }, grantOption: { added: ['DESCRIBE'], removed: [] } } },
      { event: 'modify-succeeded' },
    ]);
    const news = dmsAbout(world, PEOPLE.casey, id).slice(before);
    expect(news).toHaveLength(1);
    const told = shown(news[0]);
    expect(told).toContain('Your access to telco-111111111111 was changed');
    expect(told).toContain('was *changed* by <@U0PRODUCER>');
    expect(told).toContain('• + DESCRIBE');
    expect(told).toContain('• + grant option on DESCRIBE');
    expect(told).not.toContain('Access granted');
    expect(granted(id)).toHaveLength(1);
    // And Pat gets the notice the command promised ("You are told here when the grants are changed").
    const done = world.slack.ephemerals(PEOPLE.pat).map((e) => shown(e)).find((e) => e.includes(`Changed subscription \`${id}\``));
    expect(done).toContain('+ DESCRIBE; + grant option on DESCRIBE');
    expect(done).toContain('<@U0CONSUMER> was told');
  });

  it('[Revoke]: the requester is told what was removed, by whom and why', async () => {
    const message = messageWith(world, PEOPLE.sam, id, ACTIONS.revoke);
    const modal = await clickForModal(world, PEOPLE.sam, ACTIONS.revoke, { channel: message.channel, ts: message.ts }, VIEWS.revoke, id);
    await world.post({ kind: 'view_submission', viewId: modal.id, values: answersFor(modal, { [REVOKE_BLOCKS.reason]: 'The dashboards moved to the aggregated product' }) });
    await settled(world, id, ['REVOKED']);

    const told = shown(dmsAbout(world, PEOPLE.casey, id).at(-1));
    expect(told).toContain('was *revoked* by <@U0OWNER2>');
    expect(told).toContain('*Removed:* SELECT, DESCRIBE on 1 table: `usecase1_cell_kpis` (and the grant option on SELECT, DESCRIBE)');
    expect(told).toContain('The dashboards moved to the aggregated product');
  });

  it('/mesh subscription shows each history entry’s delta', async () => {
    const answer = await command(world, PEOPLE.casey, `subscription ${id}`);

    expect(answer.text).toContain('*Approved* by <@U0PRODUCER> (Pending → Granting): not as requested, − DESCRIBE; columns only `cell_id`, `hour`, `region` → only `cell_id`, `hour`');
    expect(answer.text).toContain('*Modified* by <@U0PRODUCER> (Active → Modifying): + DESCRIBE; + grant option on DESCRIBE — _The definitions are needed after all_');
    expect(answer.text).toContain('*Revoke requested* by <@U0OWNER2> (Active → Revoking): − SELECT, DESCRIBE; − table `usecase1_cell_kpis`; − grant option on SELECT, DESCRIBE');
    expect((await current(world, id)).status).toBe('REVOKED');
  });
});
