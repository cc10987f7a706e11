import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryAccessStatements } from '../../infra/role-permissions';
import { policyDocumentJson } from '../../infra/role-trust';
import { MeshbotContextError } from '../../infra/meshbot-context';
import { ROLE_NAMES } from '../../src/mesh/domain/account-roles';
import { DATA_ACCESS_ACTION, QUERY_ACCESS_POLICY, QUERY_CHECKED_ACTIONS, QUERY_GLUE_ACTIONS } from '../../src/mesh/domain/query-access';
import { resourcesOf, synthMeshbot, type SynthesizedMeshbot } from './synth-meshbot';

const SITE = { region: 'us-east-1', meshAccountId: '555555555555' };
const ANALYST = 'arn:aws:iam::999999999999:role/Analyst';
const SCIENTIST = 'arn:aws:iam::999999999999:role/data/Scientist';
const OTHER_CONSUMER = 'arn:aws:iam::888888888888:role/Reporting';

let synth: SynthesizedMeshbot;
beforeAll(() => {
  synth = synthMeshbot({ context: { consumerAccountIds: '999999999999,888888888888,777777777777', queryRoles: [ANALYST, SCIENTIST, OTHER_CONSUMER] }, bundle: false, cfnValidation: false });
});
afterAll(() => {
  synth.dispose();
});

type Statement = { Sid?: string; Action: string | string[]; Resource: string | string[] };

describe('query principals: the consumer stack’s query access policy', () => {
  it('is one inline policy on exactly the named roles of the stack’s account, with the query access statements', () => {
    const [consumer] = synth.template.consumers;
    const policies = resourcesOf(consumer!, 'AWS::IAM::Policy');
    expect(policies).toHaveLength(1);
    // Role names, paths dropped, as AWS::IAM::Policy takes them; the stack creates neither role.
    expect(policies[0]![1].Properties).toEqual({
      PolicyName: QUERY_ACCESS_POLICY,
      Roles: ['Analyst', 'Scientist'],
      PolicyDocument: policyDocumentJson(queryAccessStatements({ ...SITE, accountId: '999999999999' })),
    });
    expect(resourcesOf(consumer!, 'AWS::IAM::Role').map(([, role]) => role.Properties?.RoleName)).toEqual([ROLE_NAMES.consumer]);
  });

  it('goes to each consumer account’s own roles, and to none where the account names none', () => {
    const [, other, none] = synth.template.consumers;
    expect(resourcesOf(other!, 'AWS::IAM::Policy').map(([, p]) => p.Properties)).toEqual([
      { PolicyName: QUERY_ACCESS_POLICY, Roles: ['Reporting'], PolicyDocument: policyDocumentJson(queryAccessStatements({ ...SITE, accountId: '888888888888' })) },
    ]);
    none!.resourceCountIs('AWS::IAM::Policy', 0);
  });

  it('is absent when the context names no query roles', () => {
    const plain = synthMeshbot({ context: { queryRoles: [] }, bundle: false, cfnValidation: false });
    try {
      for (const template of plain.template.consumers) template.resourceCountIs('AWS::IAM::Policy', 0);
    } finally {
      plain.dispose();
    }
  });

  it('grants GetDataAccess, the Glue reads on both catalogs, Athena in the account’s workgroups, and the proof results bucket', () => {
    const statements = (policyDocumentJson(queryAccessStatements({ ...SITE, accountId: '999999999999' })) as { Statement: Statement[] }).Statement;
    expect(statements).toEqual([
      { Sid: 'GetLakeFormationDataAccess', Effect: 'Allow', Action: DATA_ACCESS_ACTION, Resource: '*' },
      {
        Sid: 'ReadResourceLinks',
        Effect: 'Allow',
        Action: [...QUERY_GLUE_ACTIONS],
        Resource: ['arn:aws:glue:us-east-1:999999999999:catalog', 'arn:aws:glue:us-east-1:999999999999:database/*', 'arn:aws:glue:us-east-1:999999999999:table/*/*'],
      },
      {
        Sid: 'ReadSharedMeshTables',
        Effect: 'Allow',
        Action: [...QUERY_GLUE_ACTIONS],
        Resource: ['arn:aws:glue:us-east-1:555555555555:catalog', 'arn:aws:glue:us-east-1:555555555555:database/*', 'arn:aws:glue:us-east-1:555555555555:table/*/*'],
      },
      {
        Sid: 'RunAthenaQueries',
        Effect: 'Allow',
        Action: ['athena:StartQueryExecution', 'athena:GetQueryExecution', 'athena:GetQueryResults', 'athena:StopQueryExecution', 'athena:GetWorkGroup'],
        Resource: 'arn:aws:athena:us-east-1:999999999999:workgroup/*',
      },
      {
        Sid: 'ProofResultsBucket',
        Effect: 'Allow',
        Action: ['s3:GetBucketLocation', 's3:ListBucket', 's3:ListBucketMultipartUploads'],
        Resource: 'arn:aws:s3:::meshbot-proof-results-999999999999-us-east-1',
      },
      {
        Sid: 'ProofResultsObjects',
        Effect: 'Allow',
        Action: ['s3:GetObject', 's3:PutObject', 's3:AbortMultipartUpload', 's3:ListMultipartUploadParts'],
        Resource: 'arn:aws:s3:::meshbot-proof-results-999999999999-us-east-1/*',
      },
    ]);
    // What the bot checks before it records a query principal is all granted.
    const granted = statements.flatMap((s) => [s.Action].flat());
    for (const action of QUERY_CHECKED_ACTIONS) expect(granted).toContain(action);
  });

  it('lets MeshbotConsumer read and simulate the account’s roles, to check a query principal', () => {
    const [, role] = resourcesOf(synth.template.consumers[0]!, 'AWS::IAM::Role').find(([, r]) => r.Properties?.RoleName === ROLE_NAMES.consumer)!;
    const statements = (role.Properties?.Policies as { PolicyDocument: { Statement: Statement[] } }[]).flatMap((p) => p.PolicyDocument.Statement);
    expect(statements.filter((s) => [s.Action].flat().some((a) => a.startsWith('iam:')))).toEqual([
      { Sid: 'CheckQueryPrincipals', Effect: 'Allow', Action: ['iam:GetRole', 'iam:SimulatePrincipalPolicy'], Resource: 'arn:aws:iam::999999999999:role/*' },
    ]);
  });

  it('refuses, before synthesis, a query role of an account that is not a consumer', () => {
    const build = () => synthMeshbot({ context: { queryRoles: 'arn:aws:iam::111111111111:role/Analyst' }, bundle: false, cfnValidation: false });
    expect(build).toThrow(MeshbotContextError);
    expect(build).toThrow(/queryRoles\.0: arn:aws:iam::111111111111:role\/Analyst is a role of account 111111111111, which is not one of consumerAccountIds \(999999999999\)/);
  });
});
