import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS, keyedActionId, VIEWS } from '../../../src/bot/interaction-ids';
import type { Subscription } from '../../../src/mesh/domain/subscription';
import { slashCommandRequest } from '../../../src/sandbox/slack/slack-payloads';
import { startBotWorld, type BotWorld } from '../../support/bot-world';
import { as, clickForModal, current, eventually, messageWith, PEOPLE, PRODUCT_ID, settled, shown } from './flow-support';

// A subscription holds who asked for what, why, and the names to query: it is shown to the people it
// concerns, not to anyone who can type a command in the workspace.

let world: BotWorld;
let active: Subscription;
const DANA = 'U0DANA';

beforeAll(async () => {
  world = await startBotWorld();
  world.slack.addUser({ id: DANA, name: 'dana', realName: 'Dana' });
  // Requested and approved in Slack, so the owners' and Casey's DMs carry its buttons.
  await world.post({ kind: 'command', user: PEOPLE.casey, text: `request ${PRODUCT_ID} all select Churn model` });
  await world.idle();
  const [requested] = (await world.deps.mesh.listSubscriptions(as(PEOPLE.casey), { kind: 'mine' })).items;
  const approve = messageWith(world, PEOPLE.pat, requested!.id, ACTIONS.approve);
  await world.post({ kind: 'block_actions', user: PEOPLE.pat, actionId: ACTIONS.approve, on: { channel: approve.channel, ts: approve.ts }, value: requested!.id });
  active = await settled(world, requested!.id, ['ACTIVE']);
});
afterAll(async () => {
  await world.close();
});

/** Type a command as a user, from a workspace (default the sandbox's), and return the bot's answer to them. */
async function ask(user: string, text: string, team?: string): Promise<string> {
  const before = world.slack.responses().length;
  const genuine = slashCommandRequest(world.slack, { user, text });
  const payload = team === undefined ? genuine.payload : { ...genuine.payload, team_id: team };
  await world.post({ kind: 'raw', request: { contentType: genuine.contentType, body: new URLSearchParams(payload).toString(), payload } });
  const answer = await eventually(() => {
    const found = world.slack.responses().slice(before).find((r) => r.user === user && !shown({ text: r.text ?? '' }).startsWith('Working'));
    expect(found).toBeDefined();
    return found;
  });
  await world.idle();
  return shown({ text: answer?.text ?? '', blocks: answer?.blocks });
}

describe('reading subscriptions', () => {
  it('is refused to someone mapped to no account, who learns nothing of it', async () => {
    const one = await ask(DANA, `subscription ${active.id}`);
    const all = await ask(DANA, 'subscriptions status active');

    for (const answer of [one, all]) {
      expect(answer).toContain('subscriptions are shown to people mapped to an account of the mesh');
      expect(answer).not.toContain('Churn model');
      expect(answer).not.toContain('999999999999');
    }
  });

  it('is refused to the same user id of another workspace (another person)', async () => {
    const answer = await ask(PEOPLE.casey, `subscription ${active.id}`, 'T0OTHER');

    expect(answer).toContain('subscriptions are shown to people mapped');
    expect(answer).not.toContain('Churn model');
  });

  it('shows it to the people it concerns: its requester, the owners and producers, and the mesh admins', async () => {
    for (const reader of [PEOPLE.casey, PEOPLE.pat, PEOPLE.sam, PEOPLE.ada]) expect(await ask(reader, `subscription ${active.id}`)).toContain('Churn model');
  });

  it('lists only what the reader may see', async () => {
    const mapped = await world.deps.mesh.mapUser(as(PEOPLE.ada), { user: as(DANA).user, accountId: '999999999999', kind: 'consumer' });
    expect(mapped).toBeDefined();
    // A consumer of the account sees the account's subscriptions; unmapped again, nothing.
    expect((await world.deps.mesh.listSubscriptions(as(DANA), { kind: 'status', status: 'ACTIVE' })).items.map((s) => s.id)).toEqual([active.id]);
    await world.deps.mesh.unmapUser(as(PEOPLE.ada), { user: as(DANA).user, accountId: '999999999999' });
    await expect(world.deps.mesh.listSubscriptions(as(DANA), { kind: 'status', status: 'ACTIVE' })).rejects.toThrow('subscriptions are shown to people mapped');
  });
});

describe('[Revoke], clicked by someone who may not revoke', () => {
  it('opens no modal at all, and tells only why not, without the subscription’s details', async () => {
    const message = messageWith(world, PEOPLE.pat, active.id, ACTIONS.revoke);

    await world.post({ kind: 'block_actions', user: DANA, actionId: ACTIONS.revoke, on: { channel: message.channel, ts: message.ts }, value: active.id });

    const refusal = await eventually(() => {
      const told = world.slack.ephemerals(DANA).at(-1);
      expect(shown(told)).toContain('Not allowed');
      return shown(told);
    });
    await world.idle();
    expect(world.slack.views(DANA)).toEqual([]);
    expect(refusal).not.toContain('usecase1_cell_kpis');
    expect(refusal).not.toContain('Churn model');
    expect((await current(world, active.id)).status).toBe('ACTIVE');
  });

  it('opens the form for the consumer side, which may give its access up', async () => {
    // Casey's own [Revoke] is on her App Home.
    await world.post({ kind: 'app_home_opened', user: PEOPLE.casey });
    const home = await eventually(() => {
      const view = world.slack.home(PEOPLE.casey);
      expect(shown({ text: '', blocks: view?.blocks })).toContain(keyedActionId(ACTIONS.revoke, active.id));
      return view!;
    });
    const form = await clickForModal(world, PEOPLE.casey, keyedActionId(ACTIONS.revoke, active.id), { viewId: home.id }, VIEWS.revoke, active.id);

    expect(form.callback_id).toBe(VIEWS.revoke);
  });
});
