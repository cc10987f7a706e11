import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { checkTables } from '../../mesh/store/table-check';
import { SandboxUnreachableError } from '../aws/controls/sandbox-aws';
import { SANDBOX_REGION } from '../seed/sandbox-accounts';

/** Resolve when the DynamoDB at `endpoint` answers and holds Meshbot's tables; else a SandboxUnreachableError saying what is wrong. */
export async function checkSandboxTables(endpoint: string, tablePrefix: string): Promise<void> {
  // dynalite accepts any keys; these are not AWS credentials.
  const client = new DynamoDBClient({ region: SANDBOX_REGION, endpoint, credentials: { accessKeyId: 'sandbox', secretAccessKey: 'sandbox' }, maxAttempts: 1 });
  try {
    const problems = await checkTables(client, tablePrefix).catch((error: unknown) => {
      throw new SandboxUnreachableError(`No DynamoDB answers at ${endpoint} (${error instanceof Error ? error.message : String(error)}): npm run sandbox starts one beside the emulator; --dynamo-endpoint names another.`);
    });
    if (problems.length > 0) {
      throw new SandboxUnreachableError(`The DynamoDB at ${endpoint} is not the sandbox's: ${problems.map((p) => `${p.table} ${p.problem}`).join('; ')}.`);
    }
  } finally {
    client.destroy();
  }
}
