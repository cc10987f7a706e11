import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS, keyedActionId } from '../../../src/bot/interaction-ids';
import { REQUEST_BLOCKS } from '../../../src/bot/views/request-modal';
import type { Subscription } from '../../../src/mesh/domain/subscription';
import type { SlackMessage } from '../../../src/sandbox/slack/slack-state';
import { startBotWorld, type BotWorld } from '../../support/bot-world';
import { CONSUMER, eventually, messageWith, PEOPLE, postProductCard, PRODUCT_ID, requestThroughModal, settled, shown } from './flow-support';

/** The App Home drawn per persona: what each person opening it sees, and what they do not. */

let world: BotWorld;
let card: SlackMessage;
let active: Subscription;
let pending: Subscription;

beforeAll(async () => {
  world = await startBotWorld();
  card = await postProductCard(world);
  active = await requestThroughModal(world, card, { [REQUEST_BLOCKS.tables]: ['usecase1_cell_kpis'], [REQUEST_BLOCKS.permissions]: ['SELECT'], [REQUEST_BLOCKS.reason]: 'Cell KPIs for the dashboard' });
  const message = messageWith(world, PEOPLE.pat, active.id, ACTIONS.approve);
  await world.post({ kind: 'block_actions', user: PEOPLE.pat, actionId: ACTIONS.approve, on: { channel: message.channel, ts: message.ts }, value: active.id });
  active = await settled(world, active.id, ['ACTIVE', 'FAILED']);
  pending = await requestThroughModal(world, card, { [REQUEST_BLOCKS.tables]: ['usecase2_customer_churn'], [REQUEST_BLOCKS.permissions]: ['SELECT'], [REQUEST_BLOCKS.reason]: 'Churn model inputs' });
}, 120_000);
afterAll(async () => {
  await world.close();
});

/** Open a person's Home tab as Slack does and read what the bot published there. */
async function homeOf(userId: string): Promise<string> {
  const before = world.slack.calls({ method: 'views.publish' }).length;
  await world.post({ kind: 'app_home_opened', user: userId });
  await eventually(() => {
    expect(world.slack.calls({ method: 'views.publish' }).slice(before).some((call) => call.args.user_id === userId)).toBe(true);
  });
  return shown({ text: '', blocks: world.slack.home(userId)?.blocks });
}

describe('App Home', () => {
  it('shows a producer what waits for them with the buttons, and their products with who has access', async () => {
    expect(active.status).toBe('ACTIVE');
    const text = await homeOf(PEOPLE.pat);

    expect(text).toContain('Waiting for your approval (1)');
    expect(text).toContain('Churn model inputs');
    expect(text).toContain(keyedActionId(ACTIONS.approve, pending.id));
    expect(text).toContain('My products (1)');
    expect(text).toMatch(new RegExp(`Access \\(1 subscription\\): \`${CONSUMER}\` for <@${PEOPLE.casey}>: SELECT on \`usecase1_cell_kpis\``));
    // Not a consumer, not an admin: those sections are not drawn for Pat.
    expect(text).not.toContain('My subscriptions and requests');
    expect(text).not.toContain('Mesh accounts');
  });

  it('shows a consumer their requests and subscriptions, with names to query, and nothing of an owner', async () => {
    const text = await homeOf(PEOPLE.casey);

    expect(text).toContain('My subscriptions and requests (2)');
    expect(text).toContain('Query: ');
    expect(text).toContain(keyedActionId(ACTIONS.revoke, active.id));
    expect(text).toContain(keyedActionId(ACTIONS.cancel, pending.id));
    expect(text).not.toContain('Waiting for your approval');
    expect(text).not.toContain('My products');
    expect(text).not.toContain('Mesh accounts');
  });

  it('shows a mesh admin every pending request and the accounts with who acts for each', async () => {
    const text = await homeOf(PEOPLE.ada);

    expect(text).toContain(keyedActionId(ACTIONS.deny, pending.id));
    expect(text).toContain('Mesh accounts (2)');
    expect(text).toMatch(/`111111111111` · \*producer\*\\nacting for it: [^"]*<@U0PRODUCER> producer/);
    expect(text).toMatch(new RegExp(`\`${CONSUMER}\` · \\*consumer\\*\\\\nacting for it: [^"]*<@${PEOPLE.casey}> consumer`));
    expect(text).not.toContain('My products');
  });

  it('caps who has access on a product at five named, counting the rest, with the command that lists them all', async () => {
    // Six more active subscriptions to the product, as the store would hold them after six approvals.
    for (let i = 0; i < 6; i += 1) {
      await world.stores.subscriptions.save({ ...active, id: `${active.id.slice(0, -2)}${String(10 + i)}`, version: 1 });
    }
    const text = await homeOf(PEOPLE.pat);

    expect(text).toContain('Access (7 subscriptions): ');
    expect(text).toContain(`and 2 more — \`/mesh subscriptions product ${PRODUCT_ID}\``);
  });
});
