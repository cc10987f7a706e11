import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SANDBOX_ACCOUNTS, SANDBOX_ROLE_ARNS, sandboxAdminKeys } from '../../../src/sandbox/seed/sandbox-accounts';
import { startTestEmulator, type TestEmulator } from './start-test-emulator';

let emu: TestEmulator;
// A fixed base clock: the emulator's time only moves when the test advances it.
const BASE = Date.parse('2026-03-01T12:00:00Z');

async function get(path: string): Promise<unknown> {
  const response = await fetch(`${emu.endpoint}${path}`);
  expect(response.status).toBe(200);
  return response.json();
}

async function send(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${emu.endpoint}${path}`, { method, headers: { 'content-type': 'application/json' }, ...(body !== undefined && { body: JSON.stringify(body) }) });
}

async function whoAmI(who: 'mesh' | 'producer' | 'consumer'): Promise<void> {
  const sts = new STSClient(emu.clientConfig(who));
  await sts.send(new GetCallerIdentityCommand({}));
  sts.destroy();
}

beforeAll(async () => {
  emu = await startTestEmulator({ clock: () => BASE });
});

beforeEach(async () => {
  await send('POST', '/_sandbox/reset');
});

afterAll(async () => {
  await emu.close();
});

describe('GET /_sandbox/accounts', () => {
  it('lists the seeded admin identities with exactly the documented fields', async () => {
    expect(await get('/_sandbox/accounts')).toEqual([
      { accountId: SANDBOX_ACCOUNTS.mesh.id, name: 'mesh', ...sandboxAdminKeys('mesh') },
      { accountId: SANDBOX_ACCOUNTS.producer.id, name: 'producer', ...sandboxAdminKeys('producer') },
      { accountId: SANDBOX_ACCOUNTS.consumer.id, name: 'consumer', ...sandboxAdminKeys('consumer') },
    ]);
  });
});

describe('/_sandbox/calls', () => {
  it('records calls, filters them, counts them and forgets them', async () => {
    await whoAmI('producer');
    await whoAmI('producer');
    emu.controls.clock.advance(60);
    await whoAmI('consumer');

    const all = (await get('/_sandbox/calls')) as { accountId: string; at: string }[];
    expect(all).toHaveLength(3);
    expect(all[0]).toEqual({
      at: '2026-03-01T12:00:00.000Z',
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown,
      service: 'sts',
      operation: 'GetCallerIdentity',
      accountId: SANDBOX_ACCOUNTS.producer.id,
      arn: `arn:aws:iam::${SANDBOX_ACCOUNTS.producer.id}:user/sandbox-admin`,
      roleName: null,
      sessionName: null,
      sourceIdentity: null,
      outcome: 'ok',
      injected: false,
    });
    expect(await get(`/_sandbox/calls?accountId=${SANDBOX_ACCOUNTS.consumer.id}`)).toHaveLength(1);
    expect(await get('/_sandbox/calls?since=2026-03-01T12:00:30Z')).toHaveLength(1);
    expect(await get(`/_sandbox/calls?since=${BASE + 30_000}`)).toHaveLength(1);
    expect(await get('/_sandbox/calls?service=glue')).toEqual([]);
    expect(await get('/_sandbox/calls/counts')).toEqual({ 'sts.GetCallerIdentity': 3 });

    expect((await send('DELETE', '/_sandbox/calls')).status).toBe(200);
    expect(await get('/_sandbox/calls')).toEqual([]);
  });

  it('refuses an unknown filter or a bad time with a 400', async () => {
    expect((await fetch(`${emu.endpoint}/_sandbox/calls?since=yesterday`)).status).toBe(400);
    const response = await fetch(`${emu.endpoint}/_sandbox/calls?acount=1`);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toContain('acount');
  });
});

describe('/_sandbox/clock', () => {
  it('reads and advances the emulator clock', async () => {
    expect(await get('/_sandbox/clock')).toEqual({ now: '2026-03-01T12:00:00.000Z', nowMs: BASE, offsetSeconds: 0 });
    const response = await send('POST', '/_sandbox/clock/advance', { seconds: 3600 });
    expect(await response.json()).toEqual({ now: '2026-03-01T13:00:00.000Z', nowMs: BASE + 3_600_000, offsetSeconds: 3600 });
    expect(emu.controls.clock.now()).toBe(BASE + 3_600_000);
  });

  it('refuses a bad advance with a 400 naming the field', async () => {
    const response = await send('POST', '/_sandbox/clock/advance', { seconds: 'soon' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toMatch(/^seconds: /);
  });
});

describe('/_sandbox/state and /_sandbox/reset', () => {
  it('shows the world without session secrets, and reset returns to the seed', async () => {
    const session = await emu.assumeRole(SANDBOX_ROLE_ARNS.consumer);
    emu.controls.faults.add({ error: 'ThrottlingException', operation: 'Nothing' });
    emu.controls.clock.advance(10);

    const state = (await get('/_sandbox/state')) as { credentials: Record<string, { secretAccessKey: string; sessionToken?: string }>; accounts: Record<string, { adminUser: { secretAccessKey: string } }> };
    expect(state.credentials[session.accessKeyId]).toMatchObject({ secretAccessKey: '(hidden)', sessionToken: '(hidden)', sourceIdentity: 'U0TEST' });
    expect(JSON.stringify(state)).not.toContain(session.secretAccessKey);
    expect(state.accounts[SANDBOX_ACCOUNTS.producer.id]?.adminUser.secretAccessKey).toBe(sandboxAdminKeys('producer').secretAccessKey);

    expect((await send('POST', '/_sandbox/reset')).status).toBe(200);
    expect(emu.world.credentials[session.accessKeyId]).toBeUndefined();
    expect(emu.world.clockOffsetMs).toBe(0);
    expect(emu.controls.faults.list()).toEqual([]);
    expect(emu.controls.calls.list()).toEqual([]);
    expect(Object.keys(emu.world.catalogs[SANDBOX_ACCOUNTS.producer.id]?.databases.telco?.tables ?? {}).sort()).toEqual([
      'cell_towers',
      'usecase1_cell_kpis',
      'usecase2_customer_churn',
    ]);
  });

  it('answers an unknown control with a 404 listing the routes', async () => {
    const response = await fetch(`${emu.endpoint}/_sandbox/nothing`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { routes: string[] }).routes).toContain('GET /_sandbox/accounts');
  });
});
