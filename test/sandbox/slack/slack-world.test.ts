import { describe, expect, it } from 'vitest';
import { SANDBOX_ACCOUNTS } from '../../../src/sandbox/seed/sandbox-accounts';
import {
  addSlackUser,
  createSlackWorld,
  dmChannelId,
  SANDBOX_APP,
  SANDBOX_BOT_TOKEN,
  SANDBOX_CHANNELS,
  SANDBOX_SIGNING_SECRET,
  SANDBOX_USERS,
  sandboxSigningSecret,
} from '../../../src/sandbox/slack/slack-world';

describe('the seeded Slack workspace', () => {
  it('has the mesh people, the bot and #data-products with everyone in it', () => {
    const world = createSlackWorld();
    expect(world.team).toEqual({ id: 'T0SANDBOX', name: 'Sandbox', domain: 'sandbox' });
    expect(Object.keys(world.users)).toEqual(['U0PRODUCER', 'U0CONSUMER', 'U0ADMIN', 'U0OWNER2', 'U0MESHBOT']);
    expect(world.users[SANDBOX_APP.botUserId]).toMatchObject({ isBot: true, botId: 'B0MESHBOT' });
    expect(world.channels[SANDBOX_CHANNELS.dataProducts.id]).toMatchObject({ name: 'data-products', kind: 'channel', members: Object.keys(world.users) });
  });

  it('names the accounts each person acts for', () => {
    expect(SANDBOX_USERS.producer.persona).toEqual({ role: 'producer', accountId: SANDBOX_ACCOUNTS.producer.id });
    expect(SANDBOX_USERS.consumer.persona).toEqual({ role: 'consumer', accountId: SANDBOX_ACCOUNTS.consumer.id });
    expect(SANDBOX_USERS.admin.persona.role).toBe('admin');
    expect(SANDBOX_USERS.secondOwner.persona).toEqual(SANDBOX_USERS.producer.persona);
  });

  it('gives every copy its own state', () => {
    const a = createSlackWorld();
    addSlackUser(a, { id: 'U0LATER', name: 'lee', realName: 'Lee' });
    expect(createSlackWorld().users.U0LATER).toBeUndefined();
    expect(a.channels.C0PRODUCTS!.members).toContain('U0LATER');
  });

  it('refuses a person whose id is not a Slack user id', () => {
    expect(() => addSlackUser(createSlackWorld(), { id: 'alice', name: 'alice', realName: 'Alice' })).toThrow(/Slack user id/);
  });

  it('derives stable DM ids from user ids', () => {
    expect(dmChannelId('U0PRODUCER')).toBe('D0PRODUCER');
  });

  it('uses SLACK_SIGNING_SECRET when set, else the sandbox secret; the token is a sandbox bot token', () => {
    expect(sandboxSigningSecret({})).toBe(SANDBOX_SIGNING_SECRET);
    expect(sandboxSigningSecret({ SLACK_SIGNING_SECRET: '' })).toBe(SANDBOX_SIGNING_SECRET);
    expect(sandboxSigningSecret({ SLACK_SIGNING_SECRET: 'from-env' })).toBe('from-env');
    expect(SANDBOX_BOT_TOKEN).toMatch(/^xoxb-sandbox-/);
  });
});
