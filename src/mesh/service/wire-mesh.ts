import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { STSClient } from '@aws-sdk/client-sts';
import type { Logger } from 'pino';
import { createAwsClients } from '../aws/aws-clients';
import { createRoleSessions } from '../aws/role-sessions';
import { createIdGenerator } from '../domain/ids';
import { createKeyedLock } from '../execute/keyed-lock';
import { createAccountStore } from '../store/account-store';
import { createDocumentClient } from '../store/document-client';
import { createIdentityStore } from '../store/identity-store';
import { createNoticeStore, type NoticeStore } from '../store/notice-store';
import { createProductStore } from '../store/product-store';
import { createSubscriptionStore } from '../store/subscription-store';
import { createMeshService, type MeshService } from './create-mesh-service';
import { MeshConfigSchema, type MeshConfigInput } from './mesh-config';
import { createMeshInspection, type MeshInspection } from './mesh-inspection';
import type { MeshDeps } from './mesh-deps';

/** The clients and settings a running mesh service is built from (the same in Lambda, Socket Mode and the sandbox). */
export interface MeshWiring {
  config: MeshConfigInput;
  /** DynamoDB (AWS, or dynalite) and the prefix of Meshbot's tables. */
  dynamo: DynamoDBClient;
  tablePrefix: string;
  /** STS as the bot's own identity, from which every Meshbot role is assumed. */
  sts: STSClient;
  /** The sandbox emulator's endpoint; unset in AWS. */
  awsEndpoint?: string;
  logger: Logger;
  clock?: () => number;
  /** Admins beyond the configured list (a Slack user group). */
  isMeshAdmin?: MeshDeps['isMeshAdmin'];
}

/**
 * Build the mesh service, the operators' read-only inspection of its records (the sandbox console's),
 * and the notices the bot keeps; `destroy()` releases the AWS clients' sockets.
 */
export function wireMesh(wiring: MeshWiring): { service: MeshService; inspect: MeshInspection; notices: NoticeStore; destroy: () => void } {
  const clock = wiring.clock ?? Date.now;
  const config = MeshConfigSchema.parse(wiring.config);
  const aws = createAwsClients({
    region: config.region,
    ...(wiring.awsEndpoint !== undefined && { endpoint: wiring.awsEndpoint }),
    sessions: createRoleSessions({ sts: wiring.sts, now: clock }),
  });
  const doc = createDocumentClient(wiring.dynamo);
  const store = { client: doc, tablePrefix: wiring.tablePrefix };
  const deps: MeshDeps = {
    config,
    clientsFor: aws.clientsFor,
    stores: {
      subscriptions: createSubscriptionStore(store),
      products: createProductStore(store),
      identities: createIdentityStore(store),
      accounts: createAccountStore(store),
    },
    clock,
    ids: createIdGenerator(clock),
    logger: wiring.logger,
    locks: createKeyedLock(),
    ...(wiring.isMeshAdmin !== undefined && { isMeshAdmin: wiring.isMeshAdmin }),
  };
  return { service: createMeshService(deps), inspect: createMeshInspection(deps), notices: createNoticeStore(store), destroy: aws.destroy };
}
