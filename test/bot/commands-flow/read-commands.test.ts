import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS } from '../../../src/bot/interaction-ids';
import { startBotWorld, type BotWorld } from '../../support/bot-world';
import { actionIdsOf, as, command } from './command-flow';

let world: BotWorld;

beforeAll(async () => {
  world = await startBotWorld();
  world.slack.addUser({ id: 'U0DANA', name: 'dana', realName: 'Dana' });
});
afterAll(async () => {
  await world.close();
});

describe('/mesh help', () => {
  it('lists every command, ephemerally, with placeholders shown as typed', async () => {
    const { answer, text, status } = await command(world, 'U0CONSUMER', 'help');

    expect(status).toBe(200);
    expect(answer.response_type).toBe('ephemeral');
    expect(text).toContain('Meshbot — /mesh commands');
    expect(text).toContain('/mesh request &lt;product&gt;');
    expect(text).not.toContain('&amp;lt;');
    expect(text).toContain('/mesh admin map');
  });

  it('shows the details and examples of one command', async () => {
    const { text } = await command(world, 'U0CONSUMER', 'help request');

    expect(text).toContain('Examples:');
    expect(text).toContain('/mesh request telco-111111111111 usecase1_cell_kpis select');
    expect(text).not.toContain('/mesh publish');
  });
});

describe('a usage error', () => {
  it('says exactly what was wrong and the usage, and changes nothing', async () => {
    world.slack.clear();
    const { answer, text } = await command(world, 'U0CONSUMER', 'request telco-111111111111 all SELEC because');

    expect(answer.response_type).toBe('ephemeral');
    expect(text).toContain('SELEC');
    expect(text).toContain('Usage');
    expect(text).toContain('/mesh request &lt;product&gt;');
    const mine = await world.deps.mesh.listSubscriptions(as('U0CONSUMER'), { kind: 'mine' });
    expect(mine.items).toEqual([]);
    expect(world.slack.calls({ method: 'chat.postMessage' })).toEqual([]);
  });

  it('names an unknown command and suggests the close one', async () => {
    const { text } = await command(world, 'U0CONSUMER', 'prodcts');

    expect(text).toContain('unknown command');
    expect(text).toContain('products');
  });
});

describe('/mesh products and /mesh product', () => {
  it('lists the catalog with a [Request access] button per product', async () => {
    const { answer, text } = await command(world, 'U0CONSUMER', 'products');

    expect(answer.response_type).toBe('ephemeral');
    expect(text).toContain('telco-111111111111');
    expect(actionIdsOf(answer.blocks)).toContain(`${ACTIONS.requestAccess}:0`);
    expect(actionIdsOf(answer.blocks)).not.toContain(ACTIONS.nextPage);
  });

  it('searches by table, domain or description, and says when nothing matches', async () => {
    const found = await command(world, 'U0CONSUMER', 'products churn');
    const none = await command(world, 'U0CONSUMER', 'products zebra crossings');

    expect(found.text).toContain('telco-111111111111');
    expect(none.text).toContain('No product matches');
  });

  it('shows one product: its card, and every table’s columns from the mesh catalog', async () => {
    const { answer, text } = await command(world, 'U0CONSUMER', 'product telco-111111111111');

    expect(actionIdsOf(answer.blocks)).toContain(ACTIONS.requestAccess);
    expect(text).toContain('usecase1_cell_kpis');
    expect(text).toContain('`prb_utilization` double');
    expect(text).toContain('Partitioned by');
    expect(text).toContain('/mesh subscriptions product telco-111111111111');
  });

  it('refuses an unknown product by name, with what to do instead', async () => {
    const { text } = await command(world, 'U0CONSUMER', 'product nothing-here-111111111111');

    expect(text).toContain('Not found');
    expect(text).toContain('nothing-here-111111111111');
    expect(text).toContain('/mesh products');
  });
});

describe('/mesh whoami', () => {
  it('shows a mapped user the accounts they act for', async () => {
    const { text } = await command(world, 'U0CONSUMER', 'whoami');

    expect(text).toContain('*Consumer* for `999999999999`');
  });

  it('shows a mesh admin as such', async () => {
    const { text } = await command(world, 'U0ADMIN', 'whoami');

    expect(text).toContain('mesh admin');
  });

  it('tells an unmapped user they act for no account, and who can map them', async () => {
    const { text } = await command(world, 'U0DANA', 'whoami');

    expect(text).toContain('You act for no account yet');
    expect(text).toContain('Mesh admins: <@U0ADMIN>');
  });

  it('lets an unmapped user browse', async () => {
    const { text } = await command(world, 'U0DANA', 'products');

    expect(text).toContain('telco-111111111111');
  });
});

describe('/mesh admin accounts', () => {
  it('lists the enabled accounts and their roles', async () => {
    const { text } = await command(world, 'U0ADMIN', 'admin accounts');

    expect(text).toContain('`111111111111` · *producer*');
    expect(text).toContain('`999999999999` · *consumer*');
  });
});

describe('a failure in AWS', () => {
  it('reaches the user as one sentence with what to do, never a stack trace', async () => {
    const fault = world.emulator.controls.faults.add({ service: 'glue', operation: 'GetTables', error: 'InternalServiceException' });
    try {
      const { text } = await command(world, 'U0CONSUMER', 'product telco-111111111111');

      expect(text).toContain('AWS refused: AWS was busy and did not list the tables of telco-111111111111');
      expect(text).toContain('try again');
      expect(text).not.toMatch(/\n\s+at /);
    } finally {
      world.emulator.controls.faults.remove(fault);
    }
  });
});
