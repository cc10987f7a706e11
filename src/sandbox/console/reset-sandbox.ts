import { DeleteTableCommand, DynamoDBClient, ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import { ulid } from 'ulid';
import { createTables } from '../../mesh/store/create-tables';
import { TABLES, tableName } from '../../mesh/store/table-definitions';
import { SANDBOX_REGION } from '../seed/sandbox-accounts';
import { seedMeshPeople } from '../seed/seed-mesh';
import type { ConsoleSandbox } from './console-state';

/**
 * Put the running sandbox back where `npm start` left it: the bot's jobs finished, the AWS emulator
 * and the fake Slack API back to their seeds, Meshbot's DynamoDB tables emptied, then the people
 * mapped again (through the mesh service, as at start); nothing is published, so the workshop can start over.
 */
export async function resetSandbox(sandbox: ConsoleSandbox): Promise<void> {
  await sandbox.jobs.idle();
  await sandbox.aws.reset();
  sandbox.slack.reset();
  const client = new DynamoDBClient({
    region: SANDBOX_REGION,
    endpoint: sandbox.store.endpoint,
    // dynalite accepts any keys; these are not AWS credentials.
    credentials: { accessKeyId: 'sandbox', secretAccessKey: 'sandbox' },
  });
  try {
    for (const table of TABLES) {
      try {
        await client.send(new DeleteTableCommand({ TableName: tableName(sandbox.store.tablePrefix, table) }));
      } catch (error) {
        if (!(error instanceof ResourceNotFoundException)) throw error;
      }
    }
    await createTables(client, sandbox.store.tablePrefix);
  } finally {
    client.destroy();
  }
  // A new request id: the mesh caches role sessions per request, and the emulator forgot the old ones.
  const requestId = `console-reset-${ulid()}`;
  await seedMeshPeople(sandbox.deps.mesh, requestId);
}
