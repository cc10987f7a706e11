import { bucketReadStatement } from '../../../infra/bucket-read-statement';
import { ROLE_NAMES } from '../../mesh/domain/account-roles';
import { type Account, type Bucket, type Catalog, type Credential, type DataLakeSettings, RAM_ASSOCIATION_DELAY_MS, type Role, type World } from '../aws/world';
import { SANDBOX_ACCOUNTS, SANDBOX_ADMIN_USER, SANDBOX_BOT_SESSION, SANDBOX_PRODUCER_DATABASE, SANDBOX_REGION, SANDBOX_ROLE_ARNS, type SandboxAccountName, sandboxAdminKeys } from './sandbox-accounts';
import { partitionKey } from '../aws/glue/partition-values';
import { ADMINISTRATOR_ACCESS, seedRoles } from './seed-roles';
import { telcoPartitions, telcoTables } from './telco-tables';

function account(name: SandboxAccountName, roles: Role[]): Account {
  const { id } = SANDBOX_ACCOUNTS[name];
  return {
    id,
    name,
    adminUser: {
      userName: SANDBOX_ADMIN_USER,
      arn: `arn:aws:iam::${id}:user/${SANDBOX_ADMIN_USER}`,
      ...sandboxAdminKeys(name),
      policies: { AdministratorAccess: structuredClone(ADMINISTRATOR_ACCESS) },
    },
    roles: Object.fromEntries(roles.map((role) => [role.name, role])),
  };
}

function adminCredential(acct: Account): Credential {
  const { accessKeyId, secretAccessKey, arn } = acct.adminUser;
  return { accessKeyId, secretAccessKey, accountId: acct.id, arn, principalArn: arn };
}

/** Data lake settings as a new account's CROSS_ACCOUNT_VERSION 4 setup with IAM_ALLOWED_PRINCIPALS defaults removed. */
function dataLakeSettings(admins: string[]): DataLakeSettings {
  return {
    DataLakeAdmins: admins.map((arn) => ({ DataLakePrincipalIdentifier: arn })),
    ReadOnlyAdmins: [],
    CreateDatabaseDefaultPermissions: [],
    CreateTableDefaultPermissions: [],
    Parameters: { CROSS_ACCOUNT_VERSION: '4' },
    TrustedResourceOwners: [],
    AllowExternalDataFiltering: false,
  };
}

/** The producer's bucket of the sample tables: `producer-111111111111-telco`. */
export const SANDBOX_PRODUCER_BUCKET = `producer-${SANDBOX_ACCOUNTS.producer.id}-${SANDBOX_PRODUCER_DATABASE}`;

/**
 * The producer's bucket of the sample tables, with the policy the deploy guide asks a producer to have:
 * the reviewed statement letting the mesh's MeshbotDataAccess read it, for its registered location.
 */
function producerBucket(now: number): Bucket {
  const statement = bucketReadStatement({ meshAccountId: SANDBOX_ACCOUNTS.mesh.id, bucket: SANDBOX_PRODUCER_BUCKET, prefix: '' });
  return {
    name: SANDBOX_PRODUCER_BUCKET,
    ownerAccountId: SANDBOX_ACCOUNTS.producer.id,
    region: SANDBOX_REGION,
    createdAt: now,
    policy: JSON.stringify({ Version: '2012-10-17', Statement: [statement] }),
    objects: {},
  };
}

function producerCatalog(createTime: number): Catalog {
  const catalogId = SANDBOX_ACCOUNTS.producer.id;
  const database = SANDBOX_PRODUCER_DATABASE;
  const bucket = SANDBOX_PRODUCER_BUCKET;
  const tables = telcoTables(catalogId, database, bucket, createTime);
  return {
    databases: {
      [database]: {
        database: {
          Name: database,
          CatalogId: catalogId,
          Description: 'Telco network and customer data',
          LocationUri: `s3://${bucket}/`,
          Parameters: {},
          CreateTime: createTime,
        },
        tables: Object.fromEntries(tables.map((t) => [t.Name, t])),
        partitions: Object.fromEntries(
          tables.filter((t) => (t.PartitionKeys ?? []).length > 0).map((t) => [t.Name, Object.fromEntries(telcoPartitions(t).map((p) => [partitionKey(p.Values), p]))]),
        ),
      },
    },
  };
}

/**
 * The sandbox's starting world: mesh 555555555555, producer 111111111111 (database `telco` with three
 * tables, the two partitioned ones with three dozen partitions each, in bucket
 * `producer-111111111111-telco` whose policy lets the mesh's MeshbotDataAccess read it), consumer 999999999999, no
 * Organization (so RAM shares go through invitations), an admin user per account, the Meshbot roles
 * (with the CDK app's trust and identity policies, data lake admins as the CDK stacks make them) and CREATE_DATABASE on the mesh catalog for the
 * producer's mesh role. `now` is epoch milliseconds.
 */
export function createSeedWorld({ now }: { now: number }): World {
  const { mesh, producer, consumer } = SANDBOX_ACCOUNTS;
  const seconds = Math.floor(now / 1000);
  const roles = seedRoles();
  const accounts = {
    [mesh.id]: account('mesh', roles[mesh.id] ?? []),
    [producer.id]: account('producer', roles[producer.id] ?? []),
    [consumer.id]: account('consumer', roles[consumer.id] ?? []),
  };
  const credentials: Record<string, Credential> = {};
  for (const acct of Object.values(accounts)) credentials[acct.adminUser.accessKeyId] = adminCredential(acct);
  credentials[SANDBOX_BOT_SESSION.accessKeyId] = {
    accessKeyId: SANDBOX_BOT_SESSION.accessKeyId,
    secretAccessKey: SANDBOX_BOT_SESSION.secretAccessKey,
    sessionToken: SANDBOX_BOT_SESSION.sessionToken,
    accountId: mesh.id,
    arn: `arn:aws:sts::${mesh.id}:assumed-role/${ROLE_NAMES.bot}/${SANDBOX_BOT_SESSION.sessionName}`,
    principalArn: SANDBOX_ROLE_ARNS.bot,
    roleName: ROLE_NAMES.bot,
    sessionName: SANDBOX_BOT_SESSION.sessionName,
  };
  const adminArn = (id: string): string => `arn:aws:iam::${id}:user/${SANDBOX_ADMIN_USER}`;
  return {
    region: SANDBOX_REGION,
    organization: null,
    accounts,
    credentials,
    catalogs: {
      [mesh.id]: { databases: {} },
      [producer.id]: producerCatalog(seconds),
      [consumer.id]: { databases: {} },
    },
    dataLakeSettings: {
      [mesh.id]: dataLakeSettings([adminArn(mesh.id), SANDBOX_ROLE_ARNS.meshAdmin]),
      [producer.id]: dataLakeSettings([adminArn(producer.id), SANDBOX_ROLE_ARNS.producer]),
      [consumer.id]: dataLakeSettings([adminArn(consumer.id), SANDBOX_ROLE_ARNS.consumer]),
    },
    permissions: [
      // What the CDK role stack grants: the producer's mesh role may create the producer's mesh databases.
      {
        id: 'seed-1',
        catalogId: mesh.id,
        principal: SANDBOX_ROLE_ARNS.producerInMesh,
        resource: { Catalog: { Id: mesh.id } },
        permissions: ['CREATE_DATABASE'],
        grantable: [],
        grantedBy: adminArn(mesh.id),
        grantedAt: now,
      },
    ],
    resourceShares: [],
    invitations: [],
    buckets: { [SANDBOX_PRODUCER_BUCKET]: producerBucket(now) },
    kmsKeys: {},
    dataLocations: {},
    ramAssociationDelayMs: RAM_ASSOCIATION_DELAY_MS,
    clockOffsetMs: 0,
    sequence: 0,
  };
}
