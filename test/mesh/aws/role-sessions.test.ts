import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLE_NAMES } from '../../../src/mesh/domain/account-roles';
import { createRoleSessions, sessionName } from '../../../src/mesh/aws/role-sessions';
import { SANDBOX_ACCOUNTS, SANDBOX_REGION } from '../../../src/sandbox/seed/sandbox-accounts';
import { startTestEmulator, type TestEmulator } from '../../sandbox/aws/start-test-emulator';

let emu: TestEmulator;
let bot: STSClient;

beforeAll(async () => {
  emu = await startTestEmulator();
  bot = new STSClient(emu.clientConfig('bot'));
});
afterAll(async () => {
  bot.destroy();
  await emu.close();
});

describe('role sessions', () => {
  const request = { accountId: SANDBOX_ACCOUNTS.consumer.id, roleName: ROLE_NAMES.consumer, actor: 'U0CONSUMER', requestId: 'req-42' };

  it('assumes the account role with the Slack user as SourceIdentity and the request in the session name', async () => {
    const sessions = createRoleSessions({ sts: bot });
    const sts = new STSClient({ endpoint: emu.endpoint, region: SANDBOX_REGION, credentials: sessions.credentialsFor(request) });

    const { Arn } = await sts.send(new GetCallerIdentityCommand({}));

    expect(Arn).toBe(`arn:aws:sts::999999999999:assumed-role/MeshbotConsumer/meshbot-req-42`);
    const calls = emu.controls.calls.list({ accountId: '999999999999' });
    expect(calls.at(-1)).toMatchObject({ operation: 'GetCallerIdentity', sourceIdentity: 'U0CONSUMER', sessionName: 'meshbot-req-42' });
    sts.destroy();
  });

  it('assumes once per request while the credentials are valid, and again once they near expiry', async () => {
    let now = Date.now();
    const sessions = createRoleSessions({ sts: bot, now: () => now, durationSeconds: 900, refreshMarginMs: 60_000 });
    const provider = sessions.credentialsFor({ ...request, requestId: 'req-43' });
    emu.controls.calls.clear();

    const [a, b] = await Promise.all([provider(), provider()]);
    const c = await provider();
    now += 850_000;
    const d = await provider();

    expect(a.accessKeyId).toBe(b.accessKeyId);
    expect(c.accessKeyId).toBe(a.accessKeyId);
    expect(d.accessKeyId).not.toBe(a.accessKeyId);
    expect(emu.controls.calls.counts({ operation: 'AssumeRole' })['sts.AssumeRole']).toBe(2);
  });

  it('does not cache a refusal', async () => {
    const sessions = createRoleSessions({ sts: bot });
    const provider = sessions.credentialsFor({ ...request, roleName: 'NoSuchRole' });

    await expect(provider()).rejects.toMatchObject({ name: 'AccessDenied' });
    await expect(provider()).rejects.toMatchObject({ name: 'AccessDenied' });
    expect(emu.controls.calls.list({ operation: 'AssumeRole' }).filter((c) => c.outcome !== 'ok').length).toBeGreaterThanOrEqual(2);
  });

  it('keeps session names within STS limits', () => {
    expect(sessionName('a'.repeat(100))).toHaveLength(64);
    expect(sessionName('Ev 1/2:3')).toBe('meshbot-Ev-1-2-3');
  });
});
