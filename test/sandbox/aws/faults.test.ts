import { GetDatabasesCommand, GlueClient, ThrottlingException } from '@aws-sdk/client-glue';
import {
  BatchGrantPermissionsCommand,
  ConcurrentModificationException,
  LakeFormationClient,
  OperationTimeoutException,
} from '@aws-sdk/client-lakeformation';
import { GetResourceSharesCommand, RAMClient, ThrottlingException as RamThrottlingException } from '@aws-sdk/client-ram';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { operation } from '../../../src/sandbox/aws/operation';
import { failure } from './sdk-failure';
import { startTestEmulator, type TestEmulator } from './start-test-emulator';

// Test-only operations with real API names, so the real SDK clients can call them; each changes the
// world (the sequence) so a test can see that a faulted call changed nothing.
const operations = {
  glue: {
    GetDatabases: operation(z.object({}).loose(), (ctx) => ({ DatabaseList: [], NextToken: ctx.nextId() })),
  },
  lakeformation: {
    BatchGrantPermissions: operation(z.object({ Entries: z.array(z.object({ Id: z.string() }).loose()) }).loose(), (ctx, input) => ({
      Failures: input.Entries.flatMap((entry) => {
        const fault = ctx.entryFault();
        return fault ? [{ RequestEntry: entry, Error: { ErrorCode: fault.code, ErrorMessage: fault.message } }] : [];
      }),
    })),
  },
  ram: {
    GetResourceShares: operation(z.object({}).loose(), () => ({ resourceShares: [] })),
  },
};

let emu: TestEmulator;
let glue: GlueClient;
let lf: LakeFormationClient;

async function post(path: string, body: unknown): Promise<Response> {
  return fetch(`${emu.endpoint}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

beforeAll(async () => {
  emu = await startTestEmulator({ operations });
  glue = new GlueClient(emu.clientConfig('producer', { maxAttempts: 1 }));
  lf = new LakeFormationClient(emu.clientConfig('mesh', { maxAttempts: 1 }));
});

afterEach(() => {
  emu.controls.faults.clear();
  emu.controls.calls.clear();
});

afterAll(async () => {
  glue.destroy();
  lf.destroy();
  await emu.close();
});

describe('whole-call faults', () => {
  it('throttles the next 2 matching calls with the ThrottlingException class, before the handler runs, then lets calls through', async () => {
    const response = await post('/_sandbox/faults', { service: 'glue', operation: 'GetDatabases', error: 'ThrottlingException', count: 2 });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: expect.stringMatching(/^fault-\d+$/) as unknown });
    const sequence = emu.world.sequence;

    const first = await failure(glue.send(new GetDatabasesCommand({})));
    const second = await failure(glue.send(new GetDatabasesCommand({})));
    expect(first).toBeInstanceOf(ThrottlingException);
    expect(second).toBeInstanceOf(ThrottlingException);
    expect(emu.world.sequence).toBe(sequence);
    await expect(glue.send(new GetDatabasesCommand({}))).resolves.toMatchObject({ DatabaseList: [] });

    expect(emu.controls.calls.list().map((c) => [c.outcome, c.injected])).toEqual([
      ['ThrottlingException', true],
      ['ThrottlingException', true],
      ['ok', false],
    ]);
    expect(emu.controls.faults.list()).toEqual([]);
  });

  it('matches on account: other accounts are not affected', async () => {
    emu.controls.faults.add({ accountId: '999999999999', error: 'ThrottlingException' });
    await expect(glue.send(new GetDatabasesCommand({}))).resolves.toBeDefined();
  });

  it("answers Lake Formation's ConcurrentModificationException and OperationTimeoutException classes", async () => {
    emu.controls.faults.add({ service: 'lakeformation', error: 'ConcurrentModificationException', count: 1 });
    emu.controls.faults.add({ service: 'lakeformation', error: 'OperationTimeoutException', count: 1 });
    const entries = [{ Id: '1', Principal: { DataLakePrincipalIdentifier: '999999999999' }, Resource: { Database: { Name: 'x' } }, Permissions: ['DESCRIBE' as const] }];

    expect(await failure(lf.send(new BatchGrantPermissionsCommand({ Entries: entries })))).toBeInstanceOf(ConcurrentModificationException);
    expect(await failure(lf.send(new BatchGrantPermissionsCommand({ Entries: entries })))).toBeInstanceOf(OperationTimeoutException);
  });

  it('answers RAM throttling with 429 and STS throttling as Throttling', async () => {
    emu.controls.faults.add({ service: 'ram', error: 'ThrottlingException', count: 1 });
    emu.controls.faults.add({ service: 'sts', error: 'ThrottlingException', count: 1 });
    const ram = new RAMClient(emu.clientConfig('consumer', { maxAttempts: 1 }));
    const sts = new STSClient(emu.clientConfig('consumer', { maxAttempts: 1 }));
    try {
      const ramError = await failure(ram.send(new GetResourceSharesCommand({ resourceOwner: 'SELF' })));
      expect(ramError).toBeInstanceOf(RamThrottlingException);
      expect(ramError.$metadata.httpStatusCode).toBe(429);
      expect((await failure(sts.send(new GetCallerIdentityCommand({})))).name).toBe('Throttling');
    } finally {
      ram.destroy();
      sts.destroy();
    }
  });

  it('answers an internal-error fault as the service 500', async () => {
    emu.controls.faults.add({ service: 'glue', error: 'InternalServiceException', count: 1 });
    const error = await failure(glue.send(new GetDatabasesCommand({})));
    expect(error.name).toBe('InternalServiceException');
    expect(error.$metadata.httpStatusCode).toBe(500);
  });

  it('draws rate faults from a seeded PRNG: the same seed fails the same calls', async () => {
    const outcomes = async (): Promise<string[]> => {
      emu.controls.faults.clear();
      emu.controls.faults.add({ service: 'glue', error: 'ThrottlingException', rate: 0.5, seed: 42 });
      const result: string[] = [];
      for (let i = 0; i < 20; i += 1) result.push(await glue.send(new GetDatabasesCommand({})).then(() => 'ok', (e: unknown) => (e as Error).name));
      return result;
    };
    const first = await outcomes();
    const second = await outcomes();
    expect(second).toEqual(first);
    expect(first).toContain('ok');
    expect(first).toContain('ThrottlingException');
  });
});

describe('per-entry faults', () => {
  it('fail batch entries through ctx.entryFault() while the call succeeds', async () => {
    emu.controls.faults.add({ service: 'lakeformation', operation: 'BatchGrantPermissions', error: 'ConcurrentModificationException', count: 2, perEntry: true });
    const entries = ['1', '2', '3'].map((Id) => ({ Id, Principal: { DataLakePrincipalIdentifier: '999999999999' }, Resource: { Database: { Name: 'x' } }, Permissions: ['DESCRIBE' as const] }));

    const { Failures } = await lf.send(new BatchGrantPermissionsCommand({ Entries: entries }));

    expect(Failures?.map((f) => [f.RequestEntry?.Id, f.Error?.ErrorCode])).toEqual([
      ['1', 'ConcurrentModificationException'],
      ['2', 'ConcurrentModificationException'],
    ]);
    expect(emu.controls.calls.list()[0]).toMatchObject({ outcome: 'ok', injected: true });
  });
});

describe('/_sandbox/faults over HTTP', () => {
  it('lists, deletes one and deletes all', async () => {
    const { id } = (await (await post('/_sandbox/faults', { error: 'ThrottlingException', rate: 0.1, seed: 7 })).json()) as { id: string };
    await post('/_sandbox/faults', { error: 'OperationTimeoutException', operation: 'BatchGrantPermissions', perEntry: true });

    const listed = (await (await fetch(`${emu.endpoint}/_sandbox/faults`)).json()) as { id: string }[];
    expect(listed).toHaveLength(2);
    expect(listed[0]).toEqual({ id, error: 'ThrottlingException', rate: 0.1, seed: 7, fired: 0 });

    expect((await fetch(`${emu.endpoint}/_sandbox/faults/${id}`, { method: 'DELETE' })).status).toBe(200);
    expect((await fetch(`${emu.endpoint}/_sandbox/faults/${id}`, { method: 'DELETE' })).status).toBe(404);
    expect(emu.controls.faults.list()).toHaveLength(1);
    await fetch(`${emu.endpoint}/_sandbox/faults`, { method: 'DELETE' });
    expect(emu.controls.faults.list()).toEqual([]);
  });

  it('refuses a bad fault with a 400 naming the field', async () => {
    const response = await post('/_sandbox/faults', { error: 'ThrottlingException', rate: 2 });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toMatch(/^rate: /);
    const both = await post('/_sandbox/faults', { error: 'ThrottlingException', rate: 0.5, count: 1 });
    expect(((await both.json()) as { message: string }).message).toBe('give either count or rate, not both');
    const notJson = await fetch(`${emu.endpoint}/_sandbox/faults`, { method: 'POST', body: '{' });
    expect(notJson.status).toBe(400);
  });
});
