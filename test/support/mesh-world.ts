import { pino } from 'pino';
import { createKeyedLock } from '../../src/mesh/execute/keyed-lock';
import { createIdGenerator } from '../../src/mesh/domain/ids';
import type { Identity, Persona } from '../../src/mesh/domain/identity';
import type { SlackUser } from '../../src/mesh/domain/slack-user';
import { MeshConfigSchema, type MeshConfigInput } from '../../src/mesh/service/mesh-config';
import type { MeshDeps } from '../../src/mesh/service/mesh-deps';
import type { RequestContext } from '../../src/mesh/service/request-context';
import { createAccountStore } from '../../src/mesh/store/account-store';
import { createIdentityStore } from '../../src/mesh/store/identity-store';
import { createProductStore } from '../../src/mesh/store/product-store';
import { createSubscriptionStore } from '../../src/mesh/store/subscription-store';
import { SANDBOX_ACCOUNTS, SANDBOX_REGION } from '../../src/sandbox/seed/sandbox-accounts';
import { startTestEmulator, type TestEmulator } from '../sandbox/aws/start-test-emulator';
import { botAwsClients } from './mesh-aws';
import { startTestDynamo, type TestDynamo } from './test-dynamo';

/** The seeded Slack users of the sandbox. */
export const USERS = {
  pat: { teamId: 'T0SANDBOX', userId: 'U0PRODUCER' },
  casey: { teamId: 'T0SANDBOX', userId: 'U0CONSUMER' },
  ada: { teamId: 'T0SANDBOX', userId: 'U0ADMIN' },
  /** A second producer-side owner, for races between two owners. */
  sam: { teamId: 'T0SANDBOX', userId: 'U0OWNER2' },
  /** Mapped to nothing. */
  stranger: { teamId: 'T0SANDBOX', userId: 'U0STRANGER' },
} as const satisfies Record<string, SlackUser>;

/** A running mesh for service tests: the AWS emulator, dynalite, and MeshDeps wired to both. */
export interface MeshWorld {
  emu: TestEmulator;
  dynamo: TestDynamo;
  deps: MeshDeps;
  /** A request context for a user, with a fresh request id. */
  ctx(user: SlackUser): RequestContext;
  close(): Promise<void>;
}

/** Personas of the seeded users: Pat and Sam produce for 111111111111, Casey consumes for 999999999999. */
const PERSONAS: [SlackUser, Persona[]][] = [
  [USERS.pat, [{ accountId: SANDBOX_ACCOUNTS.producer.id, kind: 'producer' }]],
  [USERS.sam, [{ accountId: SANDBOX_ACCOUNTS.producer.id, kind: 'producer' }]],
  [USERS.casey, [{ accountId: SANDBOX_ACCOUNTS.consumer.id, kind: 'consumer' }]],
];

/**
 * Start the emulator (seeded) and dynalite, build MeshDeps with the real SDK clients acting through
 * the bot's role sessions, and map the seeded users. Ada is a mesh admin. Close it in `afterAll`.
 * RAM associates shares at once unless `ramAssociationDelayMs` says otherwise: these service tests
 * are not about RAM timing (test/sandbox/aws/ram/association-timing.test.ts is).
 */
export async function startMeshWorld(options: { config?: Partial<MeshConfigInput>; executor?: MeshDeps['executor']; ramAssociationDelayMs?: number } = {}): Promise<MeshWorld> {
  const emu = await startTestEmulator({ ramAssociationDelayMs: options.ramAssociationDelayMs ?? 0 });
  const dynamo = await startTestDynamo();
  const aws = botAwsClients(emu.endpoint);
  const now = Date.now;
  const stores = {
    subscriptions: createSubscriptionStore({ client: dynamo.doc, tablePrefix: dynamo.tablePrefix }),
    products: createProductStore({ client: dynamo.doc, tablePrefix: dynamo.tablePrefix }),
    identities: createIdentityStore({ client: dynamo.doc, tablePrefix: dynamo.tablePrefix }),
    accounts: createAccountStore({ client: dynamo.doc, tablePrefix: dynamo.tablePrefix }),
  };
  const at = new Date(now()).toISOString();
  for (const [user, personas] of PERSONAS) {
    const identity: Identity = { user, personas, updatedAt: at, version: 1 };
    await stores.identities.save(identity);
  }
  const deps: MeshDeps = {
    config: MeshConfigSchema.parse({ meshAccountId: SANDBOX_ACCOUNTS.mesh.id, region: SANDBOX_REGION, meshAdmins: [USERS.ada], ...options.config }),
    clientsFor: aws.clientsFor,
    stores,
    clock: now,
    ids: createIdGenerator(now),
    logger: pino({ level: 'silent' }),
    locks: createKeyedLock(),
    executor: options.executor ?? { policy: { maxAttempts: 30, baseDelayMs: 1, maxDelayMs: 8 } },
  };
  let requests = 0;
  return {
    emu,
    dynamo,
    deps,
    ctx: (user) => ({ user, requestId: `test-${++requests}` }),
    close: async () => {
      aws.destroy();
      await dynamo.close();
      await emu.close();
    },
  };
}
