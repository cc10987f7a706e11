import { GetTablesCommand, GlueClient } from '@aws-sdk/client-glue';
import { BatchGrantPermissionsCommand, BatchRevokePermissionsCommand, LakeFormationClient } from '@aws-sdk/client-lakeformation';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { Agent } from 'node:http';
import { startEmulator } from '../src/sandbox/aws/emulator';
import { SANDBOX_ACCOUNTS, SANDBOX_REGION, sandboxAdminKeys } from '../src/sandbox/seed/sandbox-accounts';
import { measureThroughput, type Throughput } from './measure';
import type { BenchSection } from './results-file';

const CONCURRENCY = 16;

function row(name: string, t: Throughput): string {
  return `| ${name} | ${t.calls} | ${t.concurrency} | ${t.seconds.toFixed(2)} | **${Math.round(t.perSecond)}** | ${t.p50Ms.toFixed(1)} | ${t.p99Ms.toFixed(1)} |`;
}

/** Requests per second the emulator serves for GetTables and BatchGrantPermissions, through the real SDK clients. */
export async function run(): Promise<BenchSection[]> {
  const emulator = await startEmulator({ port: 0 });
  const mesh = SANDBOX_ACCOUNTS.mesh.id;
  const producer = SANDBOX_ACCOUNTS.producer.id;
  const requestHandler = new NodeHttpHandler({ httpAgent: new Agent({ keepAlive: true, maxSockets: CONCURRENCY }) });
  const config = (name: 'mesh' | 'producer') => ({ endpoint: emulator.endpoint, region: SANDBOX_REGION, credentials: sandboxAdminKeys(name), requestHandler, maxAttempts: 1 });
  const glue = new GlueClient(config('producer'));
  const lf = new LakeFormationClient(config('producer'));
  try {
    // Warm up (JIT, sockets) before measuring.
    await measureThroughput(200, CONCURRENCY, () => glue.send(new GetTablesCommand({ DatabaseName: 'telco' })));
    const getTables = await measureThroughput(3000, CONCURRENCY, () => glue.send(new GetTablesCommand({ DatabaseName: 'telco' })));

    // 20 entries a call (the API's maximum): DESCRIBE on the three telco tables for 20 rotating accounts
    // is granted, then revoked, so the world does not grow across the run.
    const entries = (i: number) =>
      Array.from({ length: 20 }, (_, j) => ({
        Id: `e${j}`,
        Principal: { DataLakePrincipalIdentifier: String(100000000000 + ((i * 20 + j) % 400)).padStart(12, '0') },
        Resource: { Table: { CatalogId: producer, DatabaseName: 'telco', Name: 'cell_towers' } },
        Permissions: ['DESCRIBE' as const],
      }));
    const grants = await measureThroughput(1000, CONCURRENCY, (i) => lf.send(new BatchGrantPermissionsCommand({ CatalogId: producer, Entries: entries(i) })));
    const revokes = await measureThroughput(1000, CONCURRENCY, (i) => lf.send(new BatchRevokePermissionsCommand({ CatalogId: producer, Entries: entries(i) })));
    const body = [
      `Emulator and SDK clients in one Node.js process on the 2-core machine (client signing included), ${CONCURRENCY} calls in flight, keep-alive.`,
      '',
      '| operation | calls | in flight | seconds | calls/s | p50 ms | p99 ms |',
      '|---|---|---|---|---|---|---|',
      row('Glue GetTables (3 tables)', getTables),
      row('LF BatchGrantPermissions (20 entries)', grants),
      row('LF BatchRevokePermissions (20 entries)', revokes),
      '',
      `Mesh account ${mesh} untouched; grants are cross-account DESCRIBE from the producer's catalog.`,
    ].join('\n');
    return [{ title: 'Emulator throughput', body }];
  } finally {
    glue.destroy();
    lf.destroy();
    requestHandler.destroy();
    await emulator.close();
  }
}
