import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotWorld, type BotWorld } from '../../support/bot-world';
import { as, publishAs, textOf } from './command-flow';

// Owners decide every grant of their product, so who owns it is itself a decision: another producer of
// the account could once re-publish with `--owners @self`, take the product over and approve grants.

const PRODUCT = 'telco-111111111111';
let world: BotWorld;

beforeAll(async () => {
  world = await startBotWorld();
  world.slack.addUser({ id: 'U0DANA', name: 'dana', realName: 'Dana' });
  // Dana is a producer of the same account as Pat and Sam, but not an owner of the telco product.
  await world.deps.mesh.mapUser(as('U0ADMIN'), { user: { teamId: 'T0SANDBOX', userId: 'U0DANA' }, accountId: '111111111111', kind: 'producer' });
});
afterAll(async () => {
  await world.close();
});

const owners = async (): Promise<string[]> => (await world.deps.mesh.getProduct(as('U0CONSUMER'), { productId: PRODUCT })).owners.map((o) => o.userId);

describe('changing who owns a product', () => {
  it('is refused to a producer of the account who is not an owner, and changes nothing', async () => {
    const before = await world.deps.mesh.getProduct(as('U0CONSUMER'), { productId: PRODUCT });

    const { told } = await publishAs(world, 'U0DANA', 'publish telco usecase* --owners <@U0DANA|dana>');

    expect(told).toContain(`only the owners of product ${PRODUCT} or a mesh admin may change its owners`);
    const after = await world.deps.mesh.getProduct(as('U0CONSUMER'), { productId: PRODUCT });
    expect(after).toEqual(before);
  });

  it('still lets that producer re-publish it unchanged (a sync), keeping its owners', async () => {
    const { told } = await publishAs(world, 'U0DANA', 'publish telco usecase*');

    expect(told).toContain('is up to date');
    expect(await owners()).toEqual(['U0PRODUCER', 'U0OWNER2']);
  });

  it('is an owner’s decision: recorded in the product’s history, and every owner before and after is told', async () => {
    const dmsBefore = { sam: world.slack.messages('U0OWNER2').length, dana: world.slack.messages('U0DANA').length, pat: world.slack.messages('U0PRODUCER').length };

    const { told } = await publishAs(world, 'U0PRODUCER', 'publish telco usecase* --owners <@U0PRODUCER|pat> <@U0DANA|dana>');

    expect(await owners()).toEqual(['U0PRODUCER', 'U0DANA']);
    expect(told).toContain('Settings changed');
    expect(told).toContain('*owners*: U0PRODUCER, U0OWNER2 → U0PRODUCER, U0DANA');
    const product = await world.deps.mesh.getProduct(as('U0CONSUMER'), { productId: PRODUCT });
    expect(product.history.at(-1)).toMatchObject({ actor: { userId: 'U0PRODUCER' }, event: 'changed', changes: [{ setting: 'owners', before: 'U0PRODUCER, U0OWNER2', after: 'U0PRODUCER, U0DANA' }] });
    // Sam lost the product and Dana gained it: both are told; Pat made the change and is not.
    const samsNews = world.slack.messages('U0OWNER2').slice(dmsBefore.sam).map((m) => textOf(m.blocks));
    expect(samsNews).toEqual([expect.stringContaining('<@U0PRODUCER> changed the owners of')]);
    expect(samsNews[0]).toContain('*Now:* <@U0PRODUCER>, <@U0DANA>\n*Before:* <@U0PRODUCER>, <@U0OWNER2>');
    expect(world.slack.messages('U0DANA').slice(dmsBefore.dana)).toHaveLength(1);
    expect(world.slack.messages('U0PRODUCER').slice(dmsBefore.pat)).toHaveLength(0);
  });

  it('refuses a former owner, and lets a mesh admin change the owners back', async () => {
    const refused = await publishAs(world, 'U0OWNER2', 'publish telco usecase* --owners <@U0OWNER2|sam>');
    expect(refused.told).toContain('may change its owners');
    expect(await owners()).toEqual(['U0PRODUCER', 'U0DANA']);

    // The command publishes for the account one is mapped to; Ada is not an owner, but a mesh admin.
    await world.deps.mesh.mapUser(as('U0ADMIN'), { user: { teamId: 'T0SANDBOX', userId: 'U0ADMIN' }, accountId: '111111111111', kind: 'producer' });
    await publishAs(world, 'U0ADMIN', 'publish telco usecase* --owners <@U0PRODUCER|pat> <@U0OWNER2|sam>');
    expect(await owners()).toEqual(['U0PRODUCER', 'U0OWNER2']);
  });

  it('covers its other settings too: a non-owner cannot hide it or rewrite its description', async () => {
    const before = await world.deps.mesh.getProduct(as('U0CONSUMER'), { productId: PRODUCT });

    const hidden = await publishAs(world, 'U0DANA', 'publish telco usecase* --no-public');
    const described = await publishAs(world, 'U0DANA', 'publish telco usecase* --description "Not yours"');

    expect(hidden.told).toContain('may change its publicMetadata');
    expect(described.told).toContain('may change its description');
    expect(await world.deps.mesh.getProduct(as('U0CONSUMER'), { productId: PRODUCT })).toEqual(before);
  });
});
