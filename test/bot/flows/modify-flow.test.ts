import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS, VIEWS } from '../../../src/bot/interaction-ids';
import { MODIFY_BLOCKS } from '../../../src/bot/views/modify-modal';
import { REQUEST_BLOCKS } from '../../../src/bot/views/request-modal';
import type { Subscription } from '../../../src/mesh/domain/subscription';
import type { SlackEphemeral, SlackMessage } from '../../../src/sandbox/slack/slack-state';
import { startBotWorld, type BotWorld } from '../../support/bot-world';
import { command, textOf } from '../commands-flow/command-flow';
import {
  answersFor,
  clickForModal,
  current,
  eventually,
  expectedFrom,
  grantedToConsumer,
  messageWith,
  PEOPLE,
  offerInsertToo,
  postProductCard,
  PRODUCTS_CHANNEL,
  requestThroughModal,
  settled,
  shown,
} from './flow-support';

/**
 * Issue 15, modify: it takes a reason and confirms first. `/mesh modify` answers with what the change
 * adds and removes and [Confirm] [Cancel]; [Confirm] checks everything again (a stale one is refused);
 * an active subscription's message has [Modify], whose modal previews the mesh's plan and checks the
 * columns against the catalog. All through the real Bolt receiver.
 */

let world: BotWorld;
let card: SlackMessage;

beforeAll(async () => {
  world = await startBotWorld();
  await offerInsertToo(world);
  card = await postProductCard(world);
});
afterAll(async () => {
  await world.close();
});

const KPIS = 'usecase1_cell_kpis';

/** Casey's request for SELECT, INSERT and DESCRIBE on the KPIs, approved by Pat and granted. */
async function activeSubscription(): Promise<Subscription> {
  const request = await requestThroughModal(world, card, { [REQUEST_BLOCKS.tables]: [KPIS], [REQUEST_BLOCKS.permissions]: ['SELECT', 'INSERT', 'DESCRIBE'], [REQUEST_BLOCKS.reason]: 'Capacity planning' });
  const message = messageWith(world, PEOPLE.pat, request.id, ACTIONS.approve);
  await world.post({ kind: 'block_actions', user: PEOPLE.pat, actionId: ACTIONS.approve, on: { channel: message.channel, ts: message.ts }, value: request.id });
  return settled(world, request.id, ['ACTIVE']);
}

/** The confirmation `/mesh modify` showed Pat (the newest ephemeral with a [Confirm]). */
async function modifyCommand(text: string): Promise<{ answer: string; confirmation: SlackEphemeral | undefined }> {
  const { text: answer } = await command(world, PEOPLE.pat, text, PRODUCTS_CHANNEL);
  const confirmation = world.slack.ephemerals(PEOPLE.pat, PRODUCTS_CHANNEL).findLast((e) => JSON.stringify(e.blocks ?? []).includes(ACTIONS.modifyConfirm));
  return { answer, confirmation };
}

/** Click a button of an ephemeral and wait until the bot replaced it. */
async function clickEphemeral(actionId: string, ephemeral: SlackEphemeral): Promise<string> {
  await world.post({ kind: 'block_actions', user: PEOPLE.pat, actionId, on: { channel: PRODUCTS_CHANNEL, ts: ephemeral.ts, ephemeral: true } });
  const replaced = await eventually(() => {
    const now = world.slack.ephemerals(PEOPLE.pat, PRODUCTS_CHANNEL).find((e) => e.ts === ephemeral.ts && e.replaced === true && !JSON.stringify(e.blocks ?? []).includes(ACTIONS.modifyConfirm));
    if (now === undefined) throw new Error('not replaced yet');
    return now;
  });
  await world.jobs.idle();
  return textOf(replaced.blocks ?? replaced.text);
}

describe('/mesh modify <id> <permissions> <reason…>', () => {
  it('changes nothing yet: answers with what the change removes and adds in Lake Formation, the reason, and [Confirm] [Cancel]', async () => {
    const active = await activeSubscription();
    const { answer, confirmation } = await modifyCommand(`modify ${active.id} select Read only from now on`);

    expect(answer).toContain('What changes in Lake Formation');
    expect(answer).toContain(`➖ table \`${KPIS}\`: INSERT, DESCRIBE`);
    expect(answer).toContain('SELECT, INSERT, DESCRIBE · all columns → *SELECT · all columns*');
    expect(answer).toContain('Read only from now on');
    expect(confirmation).toBeDefined();
    expect(await current(world, active.id)).toMatchObject({ status: 'ACTIVE', version: active.version, grantedPermissions: ['SELECT', 'INSERT', 'DESCRIBE'] });

    // [Confirm]: the modify job runs; the grants are exactly the new plan; the reason is in the history.
    const said = await clickEphemeral(ACTIONS.modifyConfirm, confirmation!);
    expect(said).toContain('Modifying subscription');
    const modified = await settled(world, active.id, ['ACTIVE']);
    expect(modified).toMatchObject({ grantedPermissions: ['SELECT'], decisionNotes: 'Read only from now on' });
    expect(modified.history.findLast((h) => h.event === 'modify')).toMatchObject({ actor: { userId: PEOPLE.pat }, note: 'Read only from now on' });
    const lakeFormation = await grantedToConsumer(world);
    for (const [key, permissions] of Object.entries(expectedFrom(modified.plan))) expect(lakeFormation[key]).toEqual(permissions);
    expect(JSON.stringify(lakeFormation)).not.toContain('INSERT');
  });

  it('refuses a stale [Confirm] (the subscription changed since it was shown), and changes nothing more', async () => {
    const active = await activeSubscription();
    const first = (await modifyCommand(`modify ${active.id} select Read only`)).confirmation!;
    const second = (await modifyCommand(`modify ${active.id} select,describe Definitions too`)).confirmation!;

    await clickEphemeral(ACTIONS.modifyConfirm, second);
    const afterSecond = await settled(world, active.id, ['ACTIVE']);
    expect(afterSecond.grantedPermissions).toEqual(['SELECT', 'DESCRIBE']);

    const refused = await clickEphemeral(ACTIONS.modifyConfirm, first);
    expect(refused).toContain('changed');
    expect(await current(world, active.id)).toMatchObject({ version: afterSecond.version, grantedPermissions: ['SELECT', 'DESCRIBE'] });
  });

  it('[Cancel] drops the confirmation and changes nothing', async () => {
    const active = await activeSubscription();
    const { confirmation } = await modifyCommand(`modify ${active.id} describe Definitions only`);
    const said = await clickEphemeral(ACTIONS.modifyCancel, confirmation!);
    expect(said).toContain('cancelled: nothing changed');
    expect(await current(world, active.id)).toMatchObject({ version: active.version });
  });

  it('refuses at once what the modify would refuse: a permission the product does not offer, a missing reason, the requester themself', async () => {
    const active = await activeSubscription();
    const beyond = await command(world, PEOPLE.pat, `modify ${active.id} select,delete More rights`, PRODUCTS_CHANNEL);
    expect(beyond.text).toContain('DELETE is not offered by product telco-111111111111');
    const noReason = await command(world, PEOPLE.pat, `modify ${active.id} select`, PRODUCTS_CHANNEL);
    expect(noReason.text).toContain('missing the reason');
    const own = await command(world, PEOPLE.casey, `modify ${active.id} select Less for me`, PRODUCTS_CHANNEL);
    expect(own.text).toContain('you cannot decide on your own request');
    expect(await current(world, active.id)).toMatchObject({ version: active.version });
  });
});

describe('[Modify] on an active subscription', () => {
  it('opens a modal with the plan preview; unknown columns are refused under their field; a valid change with its reason is made', async () => {
    const active = await activeSubscription();
    const message = await eventually(() => messageWith(world, PEOPLE.pat, active.id, ACTIONS.modify));
    const modal = await clickForModal(world, PEOPLE.pat, ACTIONS.modify, { channel: message.channel, ts: message.ts }, VIEWS.modify, active.id);
    const text = shown({ text: '', blocks: modal.blocks });
    expect(text).toContain('(unchanged)');
    expect(text).toContain('gets every permission with the grant option');

    const unknown = await world.post({
      kind: 'view_submission',
      viewId: modal.id,
      values: answersFor(modal, { [MODIFY_BLOCKS.permissions]: ['SELECT'], [MODIFY_BLOCKS.columns]: 'cell_id, no_such_col', [MODIFY_BLOCKS.reason]: 'Two columns' }),
    });
    const errors = (unknown.json as { errors?: Record<string, string> }).errors ?? {};
    expect(Object.keys(errors)).toEqual([MODIFY_BLOCKS.columns]);
    expect(errors[MODIFY_BLOCKS.columns]).toContain(`table ${KPIS} has no column no_such_col`);
    const noReason = await world.post({ kind: 'view_submission', viewId: modal.id, values: answersFor(modal, { [MODIFY_BLOCKS.reason]: '' }) });
    expect((noReason.json as { errors?: Record<string, string> }).errors).toEqual({ [MODIFY_BLOCKS.reason]: 'Say why the access changes — the requester will read it.' });
    expect(await current(world, active.id)).toMatchObject({ version: active.version });

    // The preview follows the choices: the columns entry is replaced.
    const narrowed = answersFor(modal, { [MODIFY_BLOCKS.permissions]: ['SELECT'], [MODIFY_BLOCKS.columns]: 'cell_id, hour', [MODIFY_BLOCKS.reason]: 'The dashboard needs two columns' });
    await world.post({ kind: 'block_actions', user: PEOPLE.pat, actionId: `${ACTIONS.modifyPreview}:permissions`, on: { viewId: modal.id }, selected: ['SELECT'], values: narrowed });
    await eventually(() => {
      const preview = shown({ text: '', blocks: world.slack.view(modal.id)?.blocks });
      expect(preview).toContain(`➕ table \`${KPIS}\`, only columns \`cell_id\`, \`hour\`: SELECT`);
      expect(preview).toContain(`➖ table \`${KPIS}\`, all columns: SELECT`);
    });

    const ok = await world.post({ kind: 'view_submission', viewId: modal.id, values: narrowed });
    expect(ok.body).toBe('');
    await eventually(async () => {
      expect((await current(world, active.id)).version).toBeGreaterThan(active.version);
    });
    const modified = await settled(world, active.id, ['ACTIVE']);
    expect(modified).toMatchObject({ grantedPermissions: ['SELECT'], columns: { kind: 'include', names: ['cell_id', 'hour'] } });
    expect(modified.history.findLast((h) => h.event === 'modify')).toMatchObject({ note: 'The dashboard needs two columns' });
  });
});
