import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotWorld, type BotWorld } from '../../support/bot-world';
import { as, command, textOf } from './command-flow';

let world: BotWorld;

beforeAll(async () => {
  world = await startBotWorld();
  world.slack.addUser({ id: 'U0DANA', name: 'dana', realName: 'Dana' });
});
afterAll(async () => {
  await world.close();
});

describe('/mesh admin map and unmap', () => {
  it('refuses anyone but a mesh admin, and maps nobody', async () => {
    const { text } = await command(world, 'U0PRODUCER', 'admin map <@U0DANA|dana> 999999999999 consumer');

    expect(text).toContain('Not allowed');
    expect(text).toContain('only mesh admins can do this');
    expect((await world.deps.mesh.whoami(as('U0DANA'))).personas).toEqual([]);
  });

  it('lets Ada map a person, who is told by DM and can then request', async () => {
    const { text } = await command(world, 'U0ADMIN', 'admin map <@U0DANA|dana> 9999-9999-9999 consumer');

    expect(text).toContain('<@U0DANA> now acts as consumer of `999999999999`');
    expect((await world.deps.mesh.whoami(as('U0DANA'))).personas).toEqual([{ accountId: '999999999999', kind: 'consumer' }]);
    expect(textOf(world.slack.messages('U0DANA').at(-1)?.blocks)).toContain('<@U0ADMIN> mapped you as consumer');
    const whoami = await command(world, 'U0DANA', 'whoami');
    expect(whoami.text).toContain('*Consumer* for `999999999999`');
  });

  it('says when a mapping already exists, and changes nothing', async () => {
    const { text } = await command(world, 'U0ADMIN', 'admin map <@U0DANA|dana> 999999999999 consumer');

    expect(text).toContain('already acts as consumer');
  });

  it('refuses to map to an account not enabled for that role, saying how to enable it', async () => {
    const { text } = await command(world, 'U0ADMIN', 'admin map <@U0DANA|dana> 999999999999 producer');

    expect(text).toContain('account 999999999999 is not enabled as a producer');
    expect(text).toContain('/mesh admin enable 999999999999 producer');
  });

  it('lets Ada unmap, and Dana acts for no account again', async () => {
    const { text } = await command(world, 'U0ADMIN', 'admin unmap <@U0DANA|dana> 999999999999');

    expect(text).toContain('<@U0DANA> no longer acts for `999999999999`');
    expect((await world.deps.mesh.whoami(as('U0DANA'))).personas).toEqual([]);
  });
});

describe('/mesh admin enable', () => {
  it('checks the account and says it is already enabled', async () => {
    const { text } = await command(world, 'U0ADMIN', 'admin enable 999999999999 consumer');

    expect(text).toContain('Account `999999999999` was already enabled as consumer; nothing changed.');
  });

  it('names the query roles granted access goes to', async () => {
    const { text } = await command(world, 'U0ADMIN', 'admin enable 999999999999 consumer');

    expect(text).toContain('Granted access goes to its query roles `arn:aws:iam::999999999999:role/Analyst`.');
  });

  it('refuses a query role that does not exist, saying so, and keeps the recorded ones', async () => {
    const { text } = await command(world, 'U0ADMIN', 'admin enable 999999999999 consumer --query-roles Analyst,Ghost');

    expect(text).toContain('query role arn:aws:iam::999999999999:role/Ghost does not exist; create it or name another role');
    expect((await world.deps.mesh.listAccounts(as('U0ADMIN'))).find((a) => a.accountId === '999999999999')?.queryPrincipals).toEqual(['arn:aws:iam::999999999999:role/Analyst']);
  });

  it('refuses anyone but a mesh admin', async () => {
    const { text } = await command(world, 'U0PRODUCER', 'admin enable 999999999999 producer');

    expect(text).toContain('Not allowed');
    expect((await world.deps.mesh.listAccounts(as('U0ADMIN'))).find((a) => a.accountId === '999999999999')?.producer).toBe(false);
  });
});

describe('/mesh admin accounts', () => {
  it('refuses anyone but a mesh admin, naming the admins to ask and where their own accounts are', async () => {
    const { text } = await command(world, 'U0CONSUMER', 'admin accounts');

    expect(text).toContain('Not allowed');
    expect(text).toContain('only mesh admins can do this');
    expect(text).toContain('<@U0ADMIN>');
    expect(text).toContain('/mesh whoami');
    expect(text).not.toContain('999999999999');
  });

  it('shows Ada each account with who acts for it and as what', async () => {
    const { text } = await command(world, 'U0ADMIN', 'admin accounts');

    expect(text).toMatch(/`111111111111` · \*producer\*[^`]*acting for it: [^\n]*<@U0PRODUCER> producer/);
    expect(text).toMatch(/`999999999999` · \*consumer\*[\s\S]*acting for it: [^\n]*<@U0CONSUMER> consumer/);
  });
});
