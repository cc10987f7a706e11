import { ROLE_NAMES, producerRoleInMesh, roleArn } from '../../mesh/domain/account-roles';

/**
 * The sandbox's accounts, identities and region: one source for the seed, the tests, the README and
 * the bot's sandbox mode. Every key here is a fixed, public string that only the local emulator
 * accepts, so docs can print it.
 */

export const SANDBOX_REGION = 'us-east-1';

/** The three accounts of the classic data mesh layout. */
export const SANDBOX_ACCOUNTS = {
  mesh: { id: '555555555555', name: 'mesh' },
  producer: { id: '111111111111', name: 'producer' },
  consumer: { id: '999999999999', name: 'consumer' },
} as const;

export type SandboxAccountName = keyof typeof SANDBOX_ACCOUNTS;

/** The seeded admin IAM user's name in every account. */
export const SANDBOX_ADMIN_USER = 'sandbox-admin';

/** Long-lived keys of an account's admin user: `AKIA` + the account id + `ADMN`, secret `sandbox-<name>-<id>-secret`. */
export function sandboxAdminKeys(name: SandboxAccountName): { accessKeyId: string; secretAccessKey: string } {
  const { id } = SANDBOX_ACCOUNTS[name];
  return { accessKeyId: `AKIA${id}ADMN`, secretAccessKey: `sandbox-${name}-${id}-secret` };
}

/**
 * A MeshbotBot role session that never expires: what the sandbox bot starts from, as a Lambda starts
 * from its execution role's keys. Assuming the Meshbot roles from it is role chaining (1-hour cap).
 */
export const SANDBOX_BOT_SESSION = {
  accessKeyId: `ASIA${SANDBOX_ACCOUNTS.mesh.id}BOTS`,
  secretAccessKey: 'sandbox-meshbot-bot-session-secret',
  sessionToken: 'sandbox-meshbot-bot-session-token',
  sessionName: 'meshbot-sandbox',
} as const;

/** The producer's Glue database seeded with sample tables. */
export const SANDBOX_PRODUCER_DATABASE = 'telco';

/** The consumer account's query principal: a role its people run Athena queries with. */
export const SANDBOX_QUERY_ROLE = 'Analyst';

/** ARNs of the roles the seed creates, by purpose. */
export const SANDBOX_ROLE_ARNS = {
  bot: roleArn(SANDBOX_ACCOUNTS.mesh.id, ROLE_NAMES.bot),
  meshAdmin: roleArn(SANDBOX_ACCOUNTS.mesh.id, ROLE_NAMES.meshAdmin),
  meshReadOnly: roleArn(SANDBOX_ACCOUNTS.mesh.id, ROLE_NAMES.meshReadOnly),
  producerInMesh: roleArn(SANDBOX_ACCOUNTS.mesh.id, producerRoleInMesh(SANDBOX_ACCOUNTS.producer.id)),
  producer: roleArn(SANDBOX_ACCOUNTS.producer.id, ROLE_NAMES.producer),
  consumer: roleArn(SANDBOX_ACCOUNTS.consumer.id, ROLE_NAMES.consumer),
  /** `arn:aws:iam::999999999999:role/Analyst`, the consumer's query principal. */
  queryRole: roleArn(SANDBOX_ACCOUNTS.consumer.id, SANDBOX_QUERY_ROLE),
} as const;

/** The consumer's query principal, `arn:aws:iam::999999999999:role/Analyst`. */
export const SANDBOX_QUERY_ROLE_ARN = SANDBOX_ROLE_ARNS.queryRole;
