import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS } from '../../../src/bot/interaction-ids';
import { startBotWorld, type BotWorld } from '../../support/bot-world';
import { actionIdsOf, as, command, eventually, publishAs, textOf, type PublishAnswer } from './command-flow';

let world: BotWorld;
const PRODUCTS = 'C0PRODUCTS';

const publish = (user: string, text: string): Promise<PublishAnswer> => publishAs(world, user, text);

beforeAll(async () => {
  world = await startBotWorld();
  world.slack.addUser({ id: 'U0DANA', name: 'dana', realName: 'Dana' });
});
afterAll(async () => {
  await world.close();
});

describe('/mesh publish', () => {
  it('shows “Publishing…” once its checks pass, posts the product card with [Request access] to #data-products, and replaces “Publishing…” with what it did', async () => {
    const responsesBefore = world.slack.responses().length;
    const { ackBody, told, shown } = await publish('U0PRODUCER', 'publish telco cell_towers --mesh-db towers-111111111111 --name "Cell towers" --domain network');

    expect(ackBody).toBe('');
    expect(world.slack.responses().slice(responsesBefore).map((r) => textOf(r.blocks ?? r.text))[0]).toContain('Publishing `telco`…');
    // One message for the publisher: "Publishing…", replaced by the outcome.
    expect(shown).toHaveLength(1);
    expect(shown[0]?.replaced).toBe(true);
    expect(told).not.toContain('Publishing `telco`…');
    const cards = world.slack.messages(PRODUCTS);
    expect(cards).toHaveLength(1);
    expect(textOf(cards[0]?.blocks)).toContain('Cell towers');
    expect(actionIdsOf(cards[0]?.blocks)).toEqual([ACTIONS.requestAccess]);
    expect(told).toContain('Published *Cell towers* `towers-111111111111`');
    expect(told).toContain('*Created (1)*\n`cell_towers`');
    expect(told).toContain('cell_towers_link');
    expect(told).toContain('/archives/C0PRODUCTS/');
    const product = await world.deps.mesh.getProduct(as('U0CONSUMER'), { productId: 'towers-111111111111' });
    expect(product).toMatchObject({ tables: ['cell_towers'], owners: [{ userId: 'U0PRODUCER' }], version: 1 });
    expect(await world.deps.notices.list('towers-111111111111')).toEqual([{ channel: PRODUCTS, ts: cards[0]?.ts }]);
  });

  it('is idempotent: publishing again changes nothing, saves no new version, says so, and refreshes the one card instead of posting another', async () => {
    world.slack.clear();
    const { told } = await publish('U0PRODUCER', 'publish telco cell_towers --mesh-db towers-111111111111');

    expect(told).toContain('is up to date (still version 1): nothing changed');
    const product = await world.deps.mesh.getProduct(as('U0CONSUMER'), { productId: 'towers-111111111111' });
    expect(product).toMatchObject({ version: 1 });
    expect(product.history).toHaveLength(1);
    expect(told).toContain('*Created (0)*');
    expect(world.slack.messages(PRODUCTS)).toHaveLength(1);
    expect(world.slack.calls({ method: 'chat.update', ok: true })).toHaveLength(1);
    expect(world.slack.calls({ method: 'chat.postMessage' })).toEqual([]);
  });

  it('publishes a product the sandbox seeded without a card: the first command posts it', async () => {
    const { told } = await publish('U0PRODUCER', 'publish telco usecase*');

    expect(told).toContain('telco-111111111111');
    expect(world.slack.messages(PRODUCTS).map((m) => textOf(m.blocks))).toEqual([expect.stringContaining('Cell towers'), expect.stringContaining('telco-111111111111')]);
  });

  it('with --no-public, posts no card and says so', async () => {
    const cards = world.slack.messages(PRODUCTS).length;
    const { told } = await publish('U0PRODUCER', 'publish telco usecase2_customer_churn --mesh-db churn-111111111111 --no-public');

    expect(told).toContain('Not announced');
    expect(world.slack.messages(PRODUCTS)).toHaveLength(cards);
  });

  it('posts the card again when the one in the channel is gone, and remembers the new one', async () => {
    world.slack.faults.add({ method: 'chat.update', error: 'message_not_found', count: 1 });
    const before = world.slack.messages(PRODUCTS).length;
    await publish('U0PRODUCER', 'publish telco cell_towers --mesh-db towers-111111111111');

    expect(world.slack.messages(PRODUCTS)).toHaveLength(before + 1);
    expect(await world.deps.notices.list('towers-111111111111')).toHaveLength(2);
  });

  it('tells the publisher by DM when “Publishing…” can no longer be replaced and the channel refuses an ephemeral', async () => {
    world.slack.faults.add({ method: 'response_url.replace', error: 'expired_url', count: 1 });
    world.slack.faults.add({ method: 'chat.postEphemeral', error: 'channel_not_found', count: 1 });
    const before = world.slack.messages('U0PRODUCER').length;
    await world.post({ kind: 'command', user: 'U0PRODUCER', text: 'publish telco cell_towers --mesh-db towers-111111111111' });
    const dm = await eventually(() => world.slack.messages('U0PRODUCER')[before]);
    await world.jobs.idle();

    expect(textOf(dm.blocks)).toContain('`towers-111111111111` is up to date');
  });

  it('tells the publisher at once, before any “Publishing…”, that the account has no such database', async () => {
    const { told, shown } = await publish('U0PRODUCER', 'publish nosuchdb');

    expect(shown.map((m) => m.replaced)).toEqual([false]);
    expect(told).toContain('Not found');
    expect(told).toContain('nosuchdb');
    expect(told).not.toContain('Publishing');
  });

  it('tells the publisher at once, before any “Publishing…”, that the pattern selects no table', async () => {
    const { told, shown } = await publish('U0PRODUCER', 'publish telco nosuch*');

    expect(shown.map((m) => m.replaced)).toEqual([false]);
    expect(told).toContain('usecase1_cell_kpis');
    expect(told).not.toContain('Publishing');
  });

  it('refuses a consumer at once, before any job and without saying “Publishing…”', async () => {
    const before = world.slack.responses().length;
    const { text, ackBody } = await command(world, 'U0CONSUMER', 'publish telco');

    expect(ackBody).toBe('');
    expect(world.slack.responses().slice(before).map((r) => textOf(r.blocks ?? r.text))).toEqual([text]);
    expect(text).toContain('not mapped as a producer of any account');
    expect(text).toContain('<@U0ADMIN>');
  });

  it('tells an unmapped user who can map them', async () => {
    const { text } = await command(world, 'U0DANA', 'publish telco');

    expect(text).toContain('you act for no account in the mesh yet, so you cannot publish');
    expect(text).toContain('/mesh admin map @you &lt;account&gt; producer');
  });
});

/** The value of the button `actionId` in blocks. */
function buttonValueIn(blocks: unknown, actionId: string): string {
  let found: string | undefined;
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (typeof value === 'object' && value !== null) {
      const record = value as Record<string, unknown>;
      if (record.type === 'button' && record.action_id === actionId && typeof record.value === 'string') found = record.value;
      Object.values(record).forEach(walk);
    }
  };
  walk(blocks);
  if (found === undefined) throw new Error(`no ${actionId} button`);
  return found;
}

/** Click a button of the publisher's newest ephemeral in #data-products and wait for all it leads to. */
async function clickOnLastEphemeral(user: string, actionId: string): Promise<string> {
  const last = world.slack.ephemerals(user, PRODUCTS).at(-1);
  if (last === undefined) throw new Error('no ephemeral');
  await world.post({ kind: 'block_actions', user, actionId, on: { channel: PRODUCTS, ts: last.ts, ephemeral: true }, value: buttonValueIn(last.blocks, actionId) });
  await world.idle();
  const now = world.slack.ephemerals(user, PRODUCTS).at(-1);
  return textOf(now?.blocks ?? now?.text);
}

describe('/mesh publish over a product with subscribers (issue 15)', () => {
  const SEEDED = 'telco-111111111111';
  const seeded = () => world.deps.mesh.getProduct(as('U0PRODUCER'), { productId: SEEDED });

  it('--name on the database of a published product makes a second product instead of renaming and rewriting the first', async () => {
    const before = await seeded();
    const { told } = await publish('U0PRODUCER', 'publish telco cell_towers --name "Cell towers"');

    expect(told).toContain('Published *Cell towers* `telco-111111111111/cell-towers`');
    expect(told).not.toContain('No longer');
    expect(await world.deps.mesh.getProduct(as('U0CONSUMER'), { productId: 'telco-111111111111/cell-towers' })).toMatchObject({ name: 'Cell towers', meshDatabase: SEEDED, tables: ['cell_towers'], version: 1 });
    expect(await seeded()).toEqual(before);
  });

  it('asks before a publish that would take tables away from subscribers, showing each subscription’s loss, and changes nothing until confirmed', async () => {
    const kpis = await world.deps.mesh.requestAccess(as('U0CONSUMER'), { productId: SEEDED, tables: ['usecase1_cell_kpis'], permissions: ['SELECT'], justification: 'Cell KPI dashboard' });
    const churn = await world.deps.mesh.requestAccess(as('U0CONSUMER'), { productId: SEEDED, tables: ['usecase2_customer_churn'], permissions: ['SELECT'], justification: 'Churn model' });
    const before = await seeded();

    const { told, shown } = await publish('U0PRODUCER', 'publish telco usecase2*');

    expect(shown).toHaveLength(1);
    expect(shown[0]?.replaced).toBe(true);
    expect(told).toContain('This publish would change `telco-111111111111`, which has 2 live subscriptions. Nothing has been changed yet.');
    expect(told).toContain('*Tables leaving the product:* `usecase1_cell_kpis`');
    expect(told).toContain(`\`${kpis.subscription.id}\` · account \`999999999999\` · <@U0CONSUMER> · PENDING: *loses* \`usecase1_cell_kpis\``);
    expect(told).toContain(`\`${churn.subscription.id}\` · account \`999999999999\` · <@U0CONSUMER> · PENDING: keeps its tables`);
    expect(actionIdsOf(shown[0]?.blocks)).toEqual([ACTIONS.publishConfirm, ACTIONS.publishCancel]);
    expect(await seeded()).toEqual(before);
  });

  it('[Cancel] publishes nothing and says so in place of the question', async () => {
    const before = await seeded();
    const answer = await clickOnLastEphemeral('U0PRODUCER', ACTIONS.publishCancel);

    expect(answer).toContain('Publish cancelled: nothing was changed');
    expect(await seeded()).toEqual(before);
  });

  it('refuses a [Publish anyway] whose effect changed since it was shown, and changes nothing', async () => {
    await publish('U0PRODUCER', 'publish telco usecase2*');
    // Meanwhile another consumer request arrives: the question shown no longer tells the whole effect.
    await world.deps.mesh.requestAccess(as('U0CONSUMER'), { productId: SEEDED, tables: ['usecase1_cell_kpis'], permissions: ['DESCRIBE'], justification: 'Schema browsing' });
    const before = await seeded();

    const answer = await clickOnLastEphemeral('U0PRODUCER', ACTIONS.publishConfirm);

    expect(answer).toContain('changed since this publish was shown to you, so it was not applied');
    expect(await seeded()).toEqual(before);
  });

  it('[Publish anyway] on the current question applies it, and says the dropped table is no longer selected (it is still in the source)', async () => {
    await publish('U0PRODUCER', 'publish telco usecase2*');
    const answer = await clickOnLastEphemeral('U0PRODUCER', ACTIONS.publishConfirm);

    expect(answer).toContain('Published `telco-111111111111` again');
    expect(answer).toContain('No longer selected by the pattern (still in the source and the mesh, taken out of the product): `usecase1_cell_kpis`');
    expect(answer).not.toContain('No longer in the source');
    expect(await seeded()).toMatchObject({ tablePattern: 'usecase2*', tables: ['usecase2_customer_churn'] });
  });

  it('lets a publish choose the offered permissions with --offer', async () => {
    await publish('U0PRODUCER', 'publish telco cell_towers --mesh-db offered-111111111111 --offer select');

    expect(await world.deps.mesh.getProduct(as('U0CONSUMER'), { productId: 'offered-111111111111' })).toMatchObject({ offeredPermissions: ['SELECT'] });
  });
});
