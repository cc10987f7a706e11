import type { SandboxAccountKeys } from '../aws/controls/emulator-controls';
import { SANDBOX_BOT_SESSION, SANDBOX_PRODUCER_DATABASE, SANDBOX_REGION } from '../seed/sandbox-accounts';

/** The lines `npm run sandbox` and `npm start` print about the AWS emulator: endpoint, keys, an example. */
export function describeSandboxAws(endpoint: string, accounts: SandboxAccountKeys[]): string[] {
  const producer = accounts.find((a) => a.name === 'producer') ?? accounts[0];
  const lines = [
    `  AWS emulator (Glue, Lake Formation, RAM, STS): ${endpoint}   region ${SANDBOX_REGION}   controls: ${endpoint}/_sandbox/`,
    '  Accounts (admin user keys):',
    ...accounts.map((a) => `    ${a.name.padEnd(9)} ${a.accountId}  AWS_ACCESS_KEY_ID=${a.accessKeyId}  AWS_SECRET_ACCESS_KEY=${a.secretAccessKey}`),
    `    bot session (MeshbotBot): AWS_ACCESS_KEY_ID=${SANDBOX_BOT_SESSION.accessKeyId} AWS_SECRET_ACCESS_KEY=${SANDBOX_BOT_SESSION.secretAccessKey} AWS_SESSION_TOKEN=${SANDBOX_BOT_SESSION.sessionToken}`,
  ];
  if (producer) {
    lines.push(
      '  Try:',
      `    AWS_ACCESS_KEY_ID=${producer.accessKeyId} AWS_SECRET_ACCESS_KEY=${producer.secretAccessKey} aws --endpoint-url ${endpoint} --region ${SANDBOX_REGION} glue get-tables --database-name ${SANDBOX_PRODUCER_DATABASE}`,
    );
  }
  return lines;
}
