import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS, VIEWS } from '../../../src/bot/interaction-ids';
import { APPROVE_BLOCKS } from '../../../src/bot/views/approve-modal';
import { DENY_BLOCKS } from '../../../src/bot/views/deny-modal';
import { REQUEST_BLOCKS } from '../../../src/bot/views/request-modal';
import { REVOKE_BLOCKS } from '../../../src/bot/views/revoke-modal';
import type { SlackMessage } from '../../../src/sandbox/slack/slack-state';
import { viewOutput } from '../../../src/sandbox/slack/slack-payloads';
import { startBotWorld, type BotWorld } from '../../support/bot-world';
import {
  answersFor,
  as,
  current,
  dmsAbout,
  eventually,
  expectedFrom,
  grantedToConsumer,
  messageWith,
  clickForModal,
  openModal,
  settled,
  PEOPLE,
  offerInsertToo,
  postProductCard,
  requestsOf,
  requestThroughModal,
  shown,
} from './flow-support';

/**
 * The request flow through the real Bolt receiver, as people click it: the card, the modal, the
 * owners' DMs, and each decision with what Slack shows, what the mesh stores and what Lake Formation
 * grants in the emulator.
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
const CHURN = 'usecase2_customer_churn';

describe('[Request access] → modal → submission', () => {
  it('opens a loading modal at once, fills it with the tables, permissions and account, and refuses a missing reason in the modal', async () => {
    const click = await world.post({ kind: 'block_actions', user: PEOPLE.casey, actionId: ACTIONS.requestAccess, on: { channel: card.channel, ts: card.ts } });
    expect(click.status).toBe(200);
    const view = await openModal(world, PEOPLE.casey, VIEWS.request);
    const [open, update] = world.slack.calls({ method: 'views.open' }).concat(world.slack.calls({ method: 'views.update' }));
    expect(open).toMatchObject({ ok: true });
    expect(JSON.stringify(open?.args)).toContain('Loading telco-111111111111');
    expect(update).toMatchObject({ ok: true });
    expect(shown({ text: '', blocks: view.blocks })).toContain(KPIS);
    expect(JSON.parse(view.private_metadata)).toMatchObject({ productId: 'telco-111111111111', consumerAccountId: '999999999999' });

    const before = await requestsOf(world, PEOPLE.casey);
    const refused = await world.post({ kind: 'view_submission', viewId: view.id, values: answersFor(view, { [REQUEST_BLOCKS.tables]: [KPIS], [REQUEST_BLOCKS.reason]: '' }) });

    expect(refused.json).toEqual({ response_action: 'errors', errors: { [REQUEST_BLOCKS.reason]: 'Tell the owners why you need this data.' } });
    expect(world.slack.views(PEOPLE.casey)).toMatchObject([{ view: { id: view.id }, errors: { [REQUEST_BLOCKS.reason]: 'Tell the owners why you need this data.' } }]);
    expect(await requestsOf(world, PEOPLE.casey)).toEqual(before);
  });

  it('records a valid request as PENDING, DMs both owners the request with its buttons and the requester that it was sent', async () => {
    const request = await requestThroughModal(world, card, { [REQUEST_BLOCKS.tables]: [KPIS], [REQUEST_BLOCKS.permissions]: ['SELECT'], [REQUEST_BLOCKS.reason]: 'Churn model for Q4' });

    expect(request).toMatchObject({ status: 'PENDING', tables: [KPIS], requestedPermissions: ['SELECT'], justification: 'Churn model for Q4', consumerAccountId: '999999999999' });
    expect(world.slack.views(PEOPLE.casey)).toEqual([]);
    for (const owner of [PEOPLE.pat, PEOPLE.sam]) {
      const message = await eventually(() => messageWith(world, owner, request.id, ACTIONS.approve));
      expect(shown(message)).toContain(ACTIONS.approveWithChanges);
      expect(shown(message)).toContain(ACTIONS.deny);
      expect(shown(message)).toContain('Churn model for Q4');
    }
    expect(shown(messageWith(world, PEOPLE.casey, request.id, ACTIONS.cancel))).toContain('Request sent');
  });
});

describe('refusals of the mesh in the request modal', () => {
  it('shows an unoffered permission under the permissions, and nothing is stored', async () => {
    const view = await clickForModal(world, PEOPLE.casey, ACTIONS.requestAccess, { channel: card.channel, ts: card.ts }, VIEWS.request);
    const before = await requestsOf(world, PEOPLE.casey);

    // A client that sends a permission the modal did not offer (the product offers SELECT, DESCRIBE, INSERT).
    const refused = await world.post({ kind: 'view_submission', viewId: view.id, values: answersFor(view, { [REQUEST_BLOCKS.tables]: [KPIS], [REQUEST_BLOCKS.permissions]: ['ALL'], [REQUEST_BLOCKS.reason]: 'Everything' }) });

    expect(refused.json).toMatchObject({ response_action: 'errors', errors: { [REQUEST_BLOCKS.permissions]: expect.stringContaining('does not offer ALL') as unknown } });
    expect(await requestsOf(world, PEOPLE.casey)).toEqual(before);
  });

  it('shows a role the account has not named under "Who will query", with the roles it has', async () => {
    const view = await clickForModal(world, PEOPLE.casey, ACTIONS.requestAccess, { channel: card.channel, ts: card.ts }, VIEWS.request);
    const before = await requestsOf(world, PEOPLE.casey);

    const refused = await world.post({
      kind: 'view_submission',
      viewId: view.id,
      values: answersFor(view, { [REQUEST_BLOCKS.tables]: [KPIS], [REQUEST_BLOCKS.permissions]: ['SELECT'], [REQUEST_BLOCKS.reason]: 'Interns', [REQUEST_BLOCKS.queryRoles]: 'Intern' }),
    });

    expect(refused.json).toEqual({ response_action: 'errors', errors: { [REQUEST_BLOCKS.queryRoles]: 'Intern is not a query role of account 999999999999 — its query roles are Analyst' } });
    expect(await requestsOf(world, PEOPLE.casey)).toEqual(before);
  });

  it('shows a column filter without SELECT under the columns', async () => {
    const view = await clickForModal(world, PEOPLE.casey, ACTIONS.requestAccess, { channel: card.channel, ts: card.ts }, VIEWS.request);
    const before = await requestsOf(world, PEOPLE.casey);

    const refused = await world.post({
      kind: 'view_submission',
      viewId: view.id,
      values: answersFor(view, { [REQUEST_BLOCKS.tables]: [KPIS], [REQUEST_BLOCKS.permissions]: ['INSERT'], [REQUEST_BLOCKS.reason]: 'Loading', [REQUEST_BLOCKS.columns]: 'cell_id' }),
    });

    expect(refused.json).toEqual({ response_action: 'errors', errors: { [REQUEST_BLOCKS.columns]: 'a column filter limits SELECT, but SELECT is not requested — add SELECT, or drop the column filter' } });
    expect(await requestsOf(world, PEOPLE.casey)).toEqual(before);
  });

  it('pushes a refusal that concerns no field over the form (closing it goes back to the input), and stores nothing', async () => {
    const view = await clickForModal(world, PEOPLE.casey, ACTIONS.requestAccess, { channel: card.channel, ts: card.ts }, VIEWS.request);
    const casey = as(PEOPLE.casey).user;
    await world.deps.mesh.unmapUser(as(PEOPLE.ada), { user: casey, accountId: '999999999999' });
    try {
      const refused = await world.post({ kind: 'view_submission', viewId: view.id, values: answersFor(view, { [REQUEST_BLOCKS.tables]: [KPIS], [REQUEST_BLOCKS.reason]: 'After being unmapped' }) });

      expect(refused.json).toMatchObject({ response_action: 'push' });
      const stack = world.slack.views(PEOPLE.casey);
      expect(stack.map((v) => v.view.id)[0]).toBe(view.id);
      expect(shown({ text: '', blocks: stack[1]?.view.blocks })).toContain('you are not mapped as a consumer of account 999999999999');
    } finally {
      await world.deps.mesh.mapUser(as(PEOPLE.ada), { user: casey, accountId: '999999999999', kind: 'consumer' });
    }
    expect((await requestsOf(world, PEOPLE.casey)).some((s) => s.justification === 'After being unmapped')).toBe(false);
  });

  it('answers the tables search of the modal with the matching tables of the product', async () => {
    const view = await clickForModal(world, PEOPLE.casey, ACTIONS.requestAccess, { channel: card.channel, ts: card.ts }, VIEWS.request);
    const payload = {
      type: 'block_suggestion',
      block_id: REQUEST_BLOCKS.tables,
      action_id: ACTIONS.requestTablesSearch,
      value: 'churn',
      api_app_id: 'A0MESHBOT',
      team: { id: 'T0SANDBOX', domain: 'sandbox' },
      user: { id: PEOPLE.casey, name: 'casey', team_id: 'T0SANDBOX' },
      token: 'sandbox-verification-token',
      container: { type: 'view', view_id: view.id },
      view: viewOutput(view),
    };

    const answer = await world.post({ kind: 'raw', request: { contentType: 'application/x-www-form-urlencoded', body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), payload } });

    expect(answer.json).toEqual({ options: [{ text: { type: 'plain_text', text: CHURN, emoji: true }, value: CHURN }] });
  });
});

describe('decisions', () => {
  it('[Approve]: every copy says Granting at once; the grant job grants in Lake Formation, shows ACTIVE with the names and DMs them to the requester', async () => {
    const request = await requestThroughModal(world, card, { [REQUEST_BLOCKS.tables]: [KPIS, CHURN], [REQUEST_BLOCKS.permissions]: ['SELECT'], [REQUEST_BLOCKS.reason]: 'Network dashboards' });
    const patMessage = messageWith(world, PEOPLE.pat, request.id, ACTIONS.approve);
    const samMessage = messageWith(world, PEOPLE.sam, request.id, ACTIONS.approve);

    const click = await world.post({ kind: 'block_actions', user: PEOPLE.pat, actionId: ACTIONS.approve, on: { channel: patMessage.channel, ts: patMessage.ts }, value: request.id });
    expect(click.status).toBe(200);
    expect(click.durationMs).toBeLessThan(3000);
    await eventually(() => {
      for (const [owner, ts] of [[PEOPLE.pat, patMessage.ts], [PEOPLE.sam, samMessage.ts]] as const) {
        const text = shown(world.slack.message(owner, ts));
        expect(text).toMatch(/Granting…|Active/);
        expect(text).not.toContain(`"action_id":"${ACTIONS.approve}"`);
      }
    });

    const granted = await settled(world, request.id, ['ACTIVE', 'FAILED']);
    expect(granted).toMatchObject({ status: 'ACTIVE', decidedBy: { userId: PEOPLE.pat } });
    expect(await grantedToConsumer(world)).toEqual(expectedFrom(granted.plan));
    for (const owner of [PEOPLE.pat, PEOPLE.sam]) {
      const text = shown(world.slack.message(owner, owner === PEOPLE.pat ? patMessage.ts : samMessage.ts));
      expect(text).toContain('"telco-111111111111"."usecase1_cell_kpis"');
      expect(text).toContain(`"action_id":"${ACTIONS.revoke}"`);
    }
    // The "request sent" message now says Active in one line; the new DM carries the outcome.
    const casey = dmsAbout(world, PEOPLE.casey, request.id);
    expect(casey.filter((m) => shown(m).includes('Access granted'))).toHaveLength(1);
    const told = casey.find((m) => shown(m).includes('Access granted'));
    expect(shown(told)).toContain('"telco-111111111111"."usecase2_customer_churn"');
  });

  it('[Revoke] on the ACTIVE message asks why, then revokes: REVOKED everywhere, the grants gone, the requester told why', async () => {
    const active = (await requestsOf(world, PEOPLE.casey)).find((s) => s.status === 'ACTIVE')!;
    const message = messageWith(world, PEOPLE.sam, active.id, ACTIONS.revoke);

    const modal = await clickForModal(world, PEOPLE.sam, ACTIONS.revoke, { channel: message.channel, ts: message.ts }, VIEWS.revoke, active.id);
    const missing = await world.post({ kind: 'view_submission', viewId: modal.id, values: answersFor(modal, { [REVOKE_BLOCKS.reason]: '' }) });
    expect(missing.json).toMatchObject({ response_action: 'errors', errors: { [REVOKE_BLOCKS.reason]: 'Say why access is revoked — the requester will read it.' } });
    await world.post({ kind: 'view_submission', viewId: modal.id, values: answersFor(modal, { [REVOKE_BLOCKS.reason]: 'The dashboard project ended' }) });

    await settled(world, active.id, ['REVOKED']);
    expect(await grantedToConsumer(world)).toEqual({});
    expect(shown(world.slack.message(PEOPLE.sam, message.ts))).toContain('Revoked');
    const told = dmsAbout(world, PEOPLE.casey, active.id).at(-1);
    expect(shown(told)).toContain('revoked');
    expect(shown(told)).toContain('The dashboard project ended');
  });

  it('[Approve with changes]: the preview follows the choices, and exactly what the form says is granted', async () => {
    const request = await requestThroughModal(world, card, { [REQUEST_BLOCKS.tables]: [KPIS], [REQUEST_BLOCKS.permissions]: ['SELECT', 'INSERT'], [REQUEST_BLOCKS.reason]: 'Capacity planning' });
    const message = messageWith(world, PEOPLE.sam, request.id, ACTIONS.approveWithChanges);

    const modal = await clickForModal(world, PEOPLE.sam, ACTIONS.approveWithChanges, { channel: message.channel, ts: message.ts }, VIEWS.approveWithChanges, request.id);
    // The preview is the mesh's plan, entry by entry, with the grant option an account really gets.
    expect(shown({ text: '', blocks: modal.blocks })).toContain('• table `usecase1_cell_kpis`: INSERT · with grant option');
    expect(shown({ text: '', blocks: modal.blocks })).toContain('• table `usecase1_cell_kpis`, all columns: SELECT · with grant option');

    // Untick INSERT: Slack sends the change; the preview is rebuilt from the modal's state.
    const narrowed = { [APPROVE_BLOCKS.permissions]: ['SELECT'], [APPROVE_BLOCKS.columns]: 'cell_id, hour', [APPROVE_BLOCKS.notes]: 'Read only, two columns' };
    await world.post({ kind: 'block_actions', user: PEOPLE.sam, actionId: `${ACTIONS.approvePreview}:permissions`, on: { viewId: modal.id }, selected: ['SELECT'], values: answersFor(modal, narrowed) });
    await eventually(() => {
      const preview = shown({ text: '', blocks: world.slack.view(modal.id)?.blocks });
      expect(preview).toContain('Not granted, though requested: INSERT');
      expect(preview).toContain('• table `usecase1_cell_kpis`, only columns `cell_id`, `hour`: SELECT · with grant option');
    });

    const updated = world.slack.view(modal.id)!;
    await world.post({ kind: 'view_submission', viewId: modal.id, values: answersFor(updated, narrowed) });
    const granted = await settled(world, request.id, ['ACTIVE', 'FAILED']);
    expect(granted).toMatchObject({ status: 'ACTIVE', grantedPermissions: ['SELECT'], columns: { kind: 'include', names: ['cell_id', 'hour'] }, decisionNotes: 'Read only, two columns' });
    const lakeFormation = await grantedToConsumer(world);
    expect(lakeFormation).toEqual(expectedFrom(granted.plan));
    expect(JSON.stringify(lakeFormation)).not.toContain('INSERT');
    expect(Object.keys(lakeFormation).some((key) => key.includes('cell_id') && key.includes('hour'))).toBe(true);
  });

  it('[Approve with changes]: a refusal of the mesh is shown under the field its path names, and nothing is decided', async () => {
    const request = await requestThroughModal(world, card, { [REQUEST_BLOCKS.tables]: [KPIS], [REQUEST_BLOCKS.permissions]: ['SELECT', 'INSERT'], [REQUEST_BLOCKS.reason]: 'Field checks' });
    const message = messageWith(world, PEOPLE.sam, request.id, ACTIONS.approveWithChanges);
    const modal = await clickForModal(world, PEOPLE.sam, ACTIONS.approveWithChanges, { channel: message.channel, ts: message.ts }, VIEWS.approveWithChanges, request.id);

    // A client that sends a permission the request did not ask for.
    const unrequested = await world.post({ kind: 'view_submission', viewId: modal.id, values: answersFor(modal, { [APPROVE_BLOCKS.permissions]: ['DELETE'] }) });
    expect(unrequested.json).toEqual({ response_action: 'errors', errors: { [APPROVE_BLOCKS.permissions]: 'DELETE is not requested — choose among SELECT, INSERT' } });

    const columnsWithoutSelect = await world.post({ kind: 'view_submission', viewId: modal.id, values: answersFor(modal, { [APPROVE_BLOCKS.permissions]: ['INSERT'], [APPROVE_BLOCKS.columns]: 'cell_id' }) });
    expect(columnsWithoutSelect.json).toEqual({
      response_action: 'errors',
      errors: { [APPROVE_BLOCKS.columns]: 'a column filter limits SELECT, but SELECT is not requested — add SELECT, or drop the column filter' },
    });
    expect(await current(world, request.id)).toMatchObject({ status: 'PENDING', version: 1 });
  });

  it('[Deny] asks for the reason; the requester is DM’d it and every copy says Denied', async () => {
    const request = await requestThroughModal(world, card, { [REQUEST_BLOCKS.tables]: [CHURN], [REQUEST_BLOCKS.permissions]: ['SELECT'], [REQUEST_BLOCKS.reason]: 'Curiosity' });
    const message = messageWith(world, PEOPLE.pat, request.id, ACTIONS.deny);
    const other = messageWith(world, PEOPLE.sam, request.id, ACTIONS.deny);

    const modal = await clickForModal(world, PEOPLE.pat, ACTIONS.deny, { channel: message.channel, ts: message.ts }, VIEWS.deny, request.id);
    const ack = await world.post({ kind: 'view_submission', viewId: modal.id, values: answersFor(modal, { [DENY_BLOCKS.reason]: 'Use the aggregated churn product instead' }) });
    expect(ack.body).toBe('');

    await eventually(() => {
      const told = dmsAbout(world, PEOPLE.casey, request.id).find((m) => shown(m).includes('denied'));
      expect(shown(told)).toContain('Use the aggregated churn product instead');
    });
    expect(await current(world, request.id)).toMatchObject({ status: 'DENIED', decisionNotes: 'Use the aggregated churn product instead' });
    for (const [owner, ts] of [[PEOPLE.pat, message.ts], [PEOPLE.sam, other.ts]] as const) {
      const text = shown(world.slack.message(owner, ts));
      expect(text).toContain('Denied');
      expect(text).not.toContain(`"action_id":"${ACTIONS.approve}"`);
    }
    await world.jobs.idle();
  });
});
