import { CreateDatabaseCommand, CreateTableCommand, GlueClient } from '@aws-sdk/client-glue';
import { LakeFormationClient } from '@aws-sdk/client-lakeformation';
import { RAMClient } from '@aws-sdk/client-ram';
import type { TestEmulator, Who } from '../start-test-emulator';

/** The Glue, Lake Formation and RAM clients of one identity, pointed at the emulator, without retries. */
export interface ServiceClients {
  glue: GlueClient;
  lf: LakeFormationClient;
  ram: RAMClient;
}

/** Makes clients per identity and destroys them all at the end of a test file. */
export interface ClientPool {
  as(who: Who | 'bot'): ServiceClients;
  destroy(): void;
}

/** A pool of SDK clients for one emulator (`pool.destroy()` in `afterAll`). */
export function clientPool(emu: TestEmulator): ClientPool {
  const made: ServiceClients[] = [];
  return {
    as(who) {
      const config = emu.clientConfig(who, { maxAttempts: 1 });
      const clients = { glue: new GlueClient(config), lf: new LakeFormationClient(config), ram: new RAMClient(config) };
      made.push(clients);
      return clients;
    },
    destroy() {
      for (const c of made) {
        c.glue.destroy();
        c.lf.destroy();
        c.ram.destroy();
      }
    },
  };
}

/** Create a database and parquet-like tables (with two columns each) as the given Glue client. */
export async function createTables(glue: GlueClient, database: string, tables: string[], catalogId?: string): Promise<void> {
  await glue.send(new CreateDatabaseCommand({ CatalogId: catalogId, DatabaseInput: { Name: database, LocationUri: `s3://bucket/${database}/` } }));
  for (const name of tables) {
    await glue.send(
      new CreateTableCommand({
        CatalogId: catalogId,
        DatabaseName: database,
        TableInput: {
          Name: name,
          TableType: 'EXTERNAL_TABLE',
          StorageDescriptor: { Columns: [{ Name: 'id', Type: 'string' }, { Name: 'value', Type: 'double' }], Location: `s3://bucket/${database}/${name}/` },
        },
      }),
    );
  }
}

/** Advance the emulator clock through the sandbox controls, as a test or the console would. */
export async function advanceClock(emu: TestEmulator, seconds: number): Promise<void> {
  const response = await fetch(`${emu.endpoint}/_sandbox/clock/advance`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ seconds }) });
  if (!response.ok) throw new TypeError(`clock advance answered ${response.status}`);
}
