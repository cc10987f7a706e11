import { Validations } from 'aws-cdk-lib';
import { Policy, Role } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { QUERY_ACCESS_POLICY, proofResultsBucket } from '../../src/mesh/domain/query-access';
import { queryAccessStatements, type MeshSite } from '../role-permissions';

/** A consumer account's query principals and where they query. */
export interface QueryAccessProps {
  site: MeshSite;
  /** The consumer account, whose stack this is. */
  accountId: string;
  /** ARNs of existing IAM roles of `accountId` that run Athena queries. */
  roleArns: readonly string[];
}

/**
 * The inline policy QUERY_ACCESS_POLICY on each query principal of a consumer account: one
 * `AWS::IAM::Policy` attached to the existing roles (the stack neither creates nor owns them), with
 * what reading a table shared with the account needs on the IAM side (`queryAccessStatements`).
 */
export class QueryAccess extends Construct {
  readonly policy: Policy;

  constructor(scope: Construct, id: string, props: QueryAccessProps) {
    super(scope, id);
    const { site, accountId } = props;
    this.policy = new Policy(this, 'Policy', {
      policyName: QUERY_ACCESS_POLICY,
      statements: queryAccessStatements({ ...site, accountId }),
      // mutable: the policy is attached to the imported role (CloudFormation's `Roles` of the policy).
      roles: props.roleArns.map((arn, index) => Role.fromRoleArn(this, `QueryRole${String(index)}`, arn, { mutable: true })),
    });
    const wildcards: Record<string, string> = {
      'Resource::*': 'lakeformation:GetDataAccess has no resource types (IAM requires "*"); Lake Formation vends credentials only for the tables granted to the role.',
      [`Resource::arn:aws:athena:${site.region}:${accountId}:workgroup/*`]: 'The consumer account chooses the workgroups its people query in; limited to that account and region.',
      [`Resource::arn:aws:s3:::${proofResultsBucket(accountId, site.region)}/*`]: 'Athena writes each proof query result under a key it chooses (the query id) in the proof results bucket, and reads it back.',
    };
    for (const account of [accountId, site.meshAccountId]) {
      wildcards[`Resource::arn:aws:glue:${site.region}:${account}:database/*`] = 'The databases queried are those granted at run time (links in the consumer catalog, their targets in the mesh); Lake Formation decides which the role sees.';
      wildcards[`Resource::arn:aws:glue:${site.region}:${account}:table/*/*`] = 'The tables queried are those granted at run time; Lake Formation decides which the role sees and reads.';
    }
    for (const [finding, reason] of Object.entries(wildcards)) {
      Validations.of(this.policy).acknowledge({ id: `AwsSolutions-IAM5[${finding}]`, reason });
    }
  }
}
