import type { SlackUser } from '../../mesh/domain/slack-user';
import type { MeshService } from '../../mesh/service/create-mesh-service';
import { SANDBOX_ACCOUNTS, SANDBOX_PRODUCER_DATABASE, SANDBOX_QUERY_ROLE } from './sandbox-accounts';
import { SANDBOX_TEAM, SANDBOX_USERS } from '../slack/slack-world';

const user = (id: string): SlackUser => ({ teamId: SANDBOX_TEAM.id, userId: id });

/** The sandbox's people as mesh users: Ada the mesh admin, Pat and Sam producers, Casey the consumer. */
export const SANDBOX_PEOPLE = {
  ada: user(SANDBOX_USERS.admin.id),
  pat: user(SANDBOX_USERS.producer.id),
  sam: user(SANDBOX_USERS.secondOwner.id),
  casey: user(SANDBOX_USERS.consumer.id),
} as const;

/**
 * Ada (mesh admin) enables the producer account and the consumer account with its query role
 * (Analyst), and maps Pat and Sam as producers, Casey as consumer; idempotent.
 */
export async function seedMeshPeople(service: MeshService, requestId: string): Promise<void> {
  const { ada, pat, sam, casey } = SANDBOX_PEOPLE;
  const { producer, consumer } = SANDBOX_ACCOUNTS;
  const as = { user: ada, requestId };
  await service.enableAccount(as, { accountId: producer.id, as: 'producer' });
  await service.enableAccount(as, { accountId: consumer.id, as: 'consumer', queryPrincipals: [SANDBOX_QUERY_ROLE] });
  await service.mapUser(as, { user: pat, accountId: producer.id, kind: 'producer' });
  await service.mapUser(as, { user: sam, accountId: producer.id, kind: 'producer' });
  await service.mapUser(as, { user: casey, accountId: consumer.id, kind: 'consumer' });
}

/**
 * Pat publishes the sample product (`telco` `usecase*`, owned by Pat and Sam); idempotent. The seed
 * leaves it unpublished so the workshop's first step publishes it; tests that start from a published
 * product call this first, as Pat would.
 */
export async function publishSampleProduct(service: MeshService, requestId: string) {
  const { pat, sam } = SANDBOX_PEOPLE;
  return service.publishProduct(
    { user: pat, requestId },
    {
      producerAccountId: SANDBOX_ACCOUNTS.producer.id,
      sourceDatabase: SANDBOX_PRODUCER_DATABASE,
      tablePattern: 'usecase*',
      domain: 'network',
      description: 'Cell KPIs and churn features for the telco use cases',
      owners: [pat, sam],
      // Consumers read: nothing more is offered than querying and browsing the tables.
      offeredPermissions: ['SELECT', 'DESCRIBE'],
    },
  );
}
