import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdminGroupCheck } from '../../src/bot/admin-group';
import { startFakeSlackApi, type RunningFakeSlackApi } from '../../src/sandbox/slack/fake-slack-api';
import { SANDBOX_BOT_TOKEN, SANDBOX_USERGROUPS } from '../../src/sandbox/slack/slack-world';

let slack: RunningFakeSlackApi;
let client: webApi.WebClient;

beforeAll(async () => {
  slack = await startFakeSlackApi();
  client = new webApi.WebClient(SANDBOX_BOT_TOKEN, { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
});
afterAll(async () => {
  await slack.close();
});

describe('mesh admins by Slack user group', () => {
  it('makes the group’s members admins in its own workspace only, reading the group once per five minutes', async () => {
    let now = 0;
    const isAdmin = createAdminGroupCheck(client, SANDBOX_USERGROUPS.meshAdmins.id, () => now);
    slack.clear();

    expect(await isAdmin({ teamId: 'T0SANDBOX', userId: 'U0ADMIN' })).toBe(true);
    expect(await isAdmin({ teamId: 'T0SANDBOX', userId: 'U0PRODUCER' })).toBe(false);
    expect(await isAdmin({ teamId: 'T0OTHER', userId: 'U0ADMIN' })).toBe(false);
    expect(slack.calls({ method: 'usergroups.users.list' })).toHaveLength(1);
    now += 6 * 60_000;
    await isAdmin({ teamId: 'T0SANDBOX', userId: 'U0ADMIN' });
    expect(slack.calls({ method: 'usergroups.users.list' })).toHaveLength(2);
  });

  it('makes nobody an admin when Slack cannot say who is in the group', async () => {
    const isAdmin = createAdminGroupCheck(client, 'S0NOSUCHGROUP');
    expect(await isAdmin({ teamId: 'T0SANDBOX', userId: 'U0ADMIN' })).toBe(false);
  });
});
