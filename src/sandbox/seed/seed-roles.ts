import { consumerStatements, dataAccessStatements, meshAdminStatements, meshReadOnlyStatements, producerInMeshStatements, producerStatements, queryAccessStatements } from '../../../infra/role-permissions';
import { assumableRoleArns, assumedByStatements, assumeMeshbotRolesStatement, dataAccessTrustPolicy, localBotTrustStatements, meshbotTrustStatement, policyDocumentJson } from '../../../infra/role-trust';
import { ROLE_NAMES, producerRoleInMesh, roleArn } from '../../mesh/domain/account-roles';
import { QUERY_ACCESS_POLICY } from '../../mesh/domain/query-access';
import type { PolicyDocument, Role } from '../aws/world';
import { SANDBOX_ACCOUNTS, SANDBOX_ADMIN_USER, SANDBOX_QUERY_ROLE, SANDBOX_REGION, SANDBOX_ROLE_ARNS } from './sandbox-accounts';

/**
 * The sandbox's IAM roles with the trust and identity policies the CDK app deploys for the same
 * accounts: the statements come from the functions the stacks use (infra/role-permissions.ts,
 * infra/role-trust.ts), so a permission missing from the deployed policy is missing here too.
 */

/** The name MeshbotRole gives its inline policy. */
const MESHBOT_POLICY = 'MeshbotPermissions';

const TWELVE_HOURS = 43_200;

/** AdministratorAccess, the AWS managed policy of the accounts' `sandbox-admin` users: every action on every resource. */
export const ADMINISTRATOR_ACCESS: PolicyDocument = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };

function meshbotRole(accountId: string, name: string, permissions: Record<string, unknown>): Role {
  return {
    name,
    arn: roleArn(accountId, name),
    trustPolicy: policyDocumentJson([meshbotTrustStatement(SANDBOX_ROLE_ARNS.bot)]),
    policies: { [MESHBOT_POLICY]: permissions },
    // Longer than chaining allows, so the 1-hour role-chaining cap is what limits the bot.
    maxSessionDuration: TWELVE_HOURS,
  };
}

/**
 * MeshbotBot as the mesh stack makes it with `localBotPrincipals` = the mesh account's sandbox-admin
 * (who may run the bot by hand): only its AssumeRole statement matters here, since the bot's tables,
 * queue and secret are not behind the emulator. Lambda's trust statement is left out: no Lambda runs here.
 */
function botRole(): Role {
  const { mesh, producer, consumer } = SANDBOX_ACCOUNTS;
  const arns = assumableRoleArns({ meshAccountId: mesh.id, producerAccountIds: [producer.id], consumerAccountIds: [consumer.id] });
  return {
    name: ROLE_NAMES.bot,
    arn: SANDBOX_ROLE_ARNS.bot,
    trustPolicy: policyDocumentJson(localBotTrustStatements([`arn:aws:iam::${mesh.id}:user/${SANDBOX_ADMIN_USER}`])),
    policies: { AssumeMeshbotRoles: policyDocumentJson([assumeMeshbotRolesStatement(arns)]) },
    maxSessionDuration: 3600,
  };
}

/** MeshbotDataAccess as the mesh stack makes it: the role Lake Formation reads the producers' registered locations with. */
function dataAccessRole(): Role {
  const { mesh, producer } = SANDBOX_ACCOUNTS;
  return {
    name: ROLE_NAMES.dataAccess,
    arn: roleArn(mesh.id, ROLE_NAMES.dataAccess),
    trustPolicy: dataAccessTrustPolicy(),
    policies: { MeshbotDataAccess: policyDocumentJson(dataAccessStatements({ producerAccountIds: [producer.id], region: SANDBOX_REGION })) },
    maxSessionDuration: 3600,
  };
}

/**
 * Analyst, the consumer account's query principal: a role the account's people take (here its
 * sandbox-admin user, with plain sts:AssumeRole), holding the inline policy QUERY_ACCESS_POLICY as the
 * consumer stack attaches it with `-c queryRoles=arn:aws:iam::999999999999:role/Analyst`.
 */
function queryRole(): Role {
  const { mesh, consumer } = SANDBOX_ACCOUNTS;
  return {
    name: SANDBOX_QUERY_ROLE,
    arn: SANDBOX_ROLE_ARNS.queryRole,
    trustPolicy: policyDocumentJson(assumedByStatements([`arn:aws:iam::${consumer.id}:user/${SANDBOX_ADMIN_USER}`])),
    policies: { [QUERY_ACCESS_POLICY]: policyDocumentJson(queryAccessStatements({ region: SANDBOX_REGION, meshAccountId: mesh.id, accountId: consumer.id })) },
    maxSessionDuration: 3600,
  };
}

/** The seeded roles of each account, by account id. */
export function seedRoles(): Record<string, Role[]> {
  const { mesh, producer, consumer } = SANDBOX_ACCOUNTS;
  const site = { region: SANDBOX_REGION, meshAccountId: mesh.id };
  return {
    [mesh.id]: [
      botRole(),
      meshbotRole(mesh.id, ROLE_NAMES.meshAdmin, policyDocumentJson(meshAdminStatements(site))),
      meshbotRole(mesh.id, ROLE_NAMES.meshReadOnly, policyDocumentJson(meshReadOnlyStatements(site))),
      meshbotRole(mesh.id, producerRoleInMesh(producer.id), policyDocumentJson(producerInMeshStatements(site))),
      dataAccessRole(),
    ],
    [producer.id]: [meshbotRole(producer.id, ROLE_NAMES.producer, policyDocumentJson(producerStatements({ ...site, accountId: producer.id })))],
    [consumer.id]: [meshbotRole(consumer.id, ROLE_NAMES.consumer, policyDocumentJson(consumerStatements({ ...site, accountId: consumer.id }))), queryRole()],
  };
}

/** The seeded role with this ARN, if the seed has one. */
export function seedRole(arn: string): Role | undefined {
  return Object.values(seedRoles())
    .flat()
    .find((role) => role.arn === arn);
}
