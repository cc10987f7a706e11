import { Stack, type StackProps } from 'aws-cdk-lib';
import type { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { ROLE_NAMES, roleArn } from '../../src/mesh/domain/account-roles';
import { DataLakeSettings } from '../constructs/data-lake-settings';
import { MeshbotRole } from '../constructs/meshbot-role';
import { QueryAccess } from '../constructs/query-access';
import { consumerStatements, producerStatements, type MeshSite } from '../role-permissions';

/** Where a producer or consumer stack goes and which mesh it serves. */
export interface AccountStackProps extends StackProps {
  site: MeshSite;
  accountId: string;
}

const STAR_REASONS = {
  'Resource::*': 'Lake Formation permission APIs and RAM GetResourceShareInvitations have no resource-level permissions (IAM requires "*"); Lake Formation grants decide what the role may touch.',
  'Resource::arn:aws:ram:*:*:resource-share-invitation/*': 'Invitation ids are known only once the mesh account shares; the condition limits acceptance to invitations from the mesh account.',
};

/** Where a consumer stack goes, and the query principals of its account. */
export interface ConsumerStackProps extends AccountStackProps {
  /** ARNs of the account's existing IAM roles that run queries (`queryRoles` of the context); none by default. */
  queryRoleArns?: readonly string[];
}

function catalogReasons(site: MeshSite, accountId: string): Record<string, string> {
  const reasons: Record<string, string> = {};
  for (const account of [accountId, site.meshAccountId]) {
    reasons[`Resource::arn:aws:glue:${site.region}:${account}:database/*`] = 'Databases are chosen at run time (what a producer publishes, what a consumer links); Lake Formation decides which the role sees.';
    reasons[`Resource::arn:aws:glue:${site.region}:${account}:table/*/*`] = 'Tables are chosen at run time; Lake Formation decides which the role sees.';
  }
  reasons[`Resource::arn:aws:glue:${site.region}:${accountId}:userDefinedFunction/*/*`] = 'Deleting a link database is checked against its functions too (it has none).';
  return reasons;
}

/** The Meshbot role of an account and its data lake admin registration. */
function meshbotAccount(stack: Stack, props: AccountStackProps, roleName: string, description: string, statements: PolicyStatement[], wildcards: Record<string, string> = {}): MeshbotRole {
  const role = new MeshbotRole(stack, 'Role', {
    roleName,
    description,
    botRoleArn: roleArn(props.site.meshAccountId, ROLE_NAMES.bot),
    statements,
    wildcards: { ...STAR_REASONS, ...catalogReasons(props.site, props.accountId), ...wildcards },
  });
  // APPEND: the account's own data lake administrators stay; the Meshbot role joins them. The role's
  // ARN (a GetAtt) already orders the settings after it: an explicit DependsOn would repeat it (cfn-lint W3005).
  new DataLakeSettings(stack, 'DataLake', { admins: [role.role.roleArn], mutation: 'APPEND' });
  return role;
}

/** A producer account: MeshbotProducer, trusted only by the mesh account's MeshbotBot, data lake admin of the producer catalog. */
export class ProducerStack extends Stack {
  readonly role: MeshbotRole;

  constructor(scope: Construct, id: string, props: AccountStackProps) {
    super(scope, id, { description: `Meshbot: the role the bot assumes in producer account ${props.accountId}`, ...props });
    this.role = meshbotAccount(this, props, ROLE_NAMES.producer, 'Meshbot: reads the producer catalog, links the mesh tables back, accepts the mesh share', producerStatements({ ...props.site, accountId: props.accountId }), {
      'Resource::arn:aws:s3:::*': 'The published buckets are whatever the source tables point at; GetBucketPolicy and GetEncryptionConfiguration only read, and aws:ResourceAccount limits them to this account\'s own buckets.',
      [`Resource::arn:aws:kms:${props.site.region}:${props.accountId}:key/*`]: 'The keys are whatever the published buckets encrypt with; GetKeyPolicy only reads, in this account only.',
    });
  }
}

/**
 * A consumer account: MeshbotConsumer, trusted only by the mesh account's MeshbotBot, data lake admin
 * of the consumer catalog; and, when the account names query principals, the inline policy
 * QUERY_ACCESS_POLICY on each of them.
 */
export class ConsumerStack extends Stack {
  readonly role: MeshbotRole;
  readonly queryAccess: QueryAccess | undefined;

  constructor(scope: Construct, id: string, props: ConsumerStackProps) {
    const { queryRoleArns = [], ...stackProps } = props;
    super(scope, id, { description: `Meshbot: the role the bot assumes in consumer account ${props.accountId}`, ...stackProps });
    this.role = meshbotAccount(this, props, ROLE_NAMES.consumer, 'Meshbot: accepts the mesh share, creates resource links, grants DESCRIBE on them', consumerStatements({ ...props.site, accountId: props.accountId }), {
      [`Resource::arn:aws:iam::${props.accountId}:role/*`]: 'The query principals are roles the account names later; GetRole and SimulatePrincipalPolicy only read them, in this account only.',
    });
    this.queryAccess = queryRoleArns.length > 0 ? new QueryAccess(this, 'QueryAccess', { site: props.site, accountId: props.accountId, roleArns: queryRoleArns }) : undefined;
  }
}
