import { STSClient } from '@aws-sdk/client-sts';
import { createAwsClients, type AwsClients } from '../../src/mesh/aws/aws-clients';
import { createRoleSessions } from '../../src/mesh/aws/role-sessions';
import { SANDBOX_BOT_SESSION, SANDBOX_REGION } from '../../src/sandbox/seed/sandbox-accounts';

/** The mesh service's AWS access as the sandbox bot has it: the seeded MeshbotBot session assuming Meshbot roles. */
export function botAwsClients(endpoint: string, maxAttempts = 1): AwsClients & { sts: STSClient } {
  const sts = new STSClient({
    endpoint,
    region: SANDBOX_REGION,
    credentials: {
      accessKeyId: SANDBOX_BOT_SESSION.accessKeyId,
      secretAccessKey: SANDBOX_BOT_SESSION.secretAccessKey,
      sessionToken: SANDBOX_BOT_SESSION.sessionToken,
    },
  });
  const clients = createAwsClients({ region: SANDBOX_REGION, endpoint, sessions: createRoleSessions({ sts }), maxAttempts });
  return {
    ...clients,
    sts,
    destroy: () => {
      clients.destroy();
      sts.destroy();
    },
  };
}
