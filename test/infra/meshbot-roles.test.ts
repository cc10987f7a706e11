import { Match, type Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASSUME_ACTIONS } from '../../infra/constructs/meshbot-role';
import { dataAccessTrustPolicy } from '../../infra/role-trust';
import { ROLE_NAMES, producerRoleInMesh } from '../../src/mesh/domain/account-roles';
import { resourcesOf, synthMeshbot, type SynthesizedMeshbot } from './synth-meshbot';

let synth: SynthesizedMeshbot;
beforeAll(() => {
  synth = synthMeshbot({ bundle: false, cfnValidation: false });
});
afterAll(() => {
  synth.dispose();
});

/** The one statement every Meshbot role's trust policy has: MeshbotBot, with a SourceIdentity. */
function trustsOnlyTheBot(principal: unknown) {
  return {
    Version: '2012-10-17',
    Statement: [{ Sid: 'OnlyMeshbotBotWithSourceIdentity', Effect: 'Allow', Principal: { AWS: principal }, Action: ASSUME_ACTIONS, Condition: { StringLike: { 'sts:SourceIdentity': '*' } } }],
  };
}

type Statement = { Sid?: string; Action: string | string[]; Resource: string | string[]; Condition?: unknown };

function inlineStatements(template: Template, roleName: string): Statement[] {
  const [, role] = resourcesOf(template, 'AWS::IAM::Role').find(([, r]) => r.Properties?.RoleName === roleName) ?? [];
  const policies = (role?.Properties?.Policies ?? []) as { PolicyDocument: { Statement: Statement[] } }[];
  return policies.flatMap((p) => p.PolicyDocument.Statement);
}

const actionsOn = (statements: Statement[], resourcePart: string): string[] =>
  statements.filter((s) => [s.Resource].flat().some((r) => r.includes(resourcePart))).flatMap((s) => [s.Action].flat());

describe('trust: only MeshbotBot, and only naming the Slack user (SourceIdentity)', () => {
  it('in the mesh account: MeshbotMeshAdmin, MeshbotMeshReadOnly and each producer’s mesh role', () => {
    for (const roleName of [ROLE_NAMES.meshAdmin, ROLE_NAMES.meshReadOnly, producerRoleInMesh('111111111111')]) {
      synth.template.mesh.hasResourceProperties('AWS::IAM::Role', { RoleName: roleName, AssumeRolePolicyDocument: trustsOnlyTheBot({ 'Fn::GetAtt': [Match.stringLikeRegexp('^BotRole'), 'Arn'] }) });
    }
  });

  it('in producer and consumer accounts, by the bot role’s ARN in the mesh account', () => {
    const bot = `arn:aws:iam::555555555555:role/${ROLE_NAMES.bot}`;
    synth.template.producers[0]!.hasResourceProperties('AWS::IAM::Role', { RoleName: ROLE_NAMES.producer, AssumeRolePolicyDocument: trustsOnlyTheBot(bot) });
    synth.template.consumers[0]!.hasResourceProperties('AWS::IAM::Role', { RoleName: ROLE_NAMES.consumer, AssumeRolePolicyDocument: trustsOnlyTheBot(bot) });
  });

  it('every role of every stack but MeshbotBot and MeshbotDataAccess trusts exactly that', () => {
    for (const template of [synth.template.mesh, ...synth.template.producers, ...synth.template.consumers]) {
      for (const [, role] of resourcesOf(template, 'AWS::IAM::Role')) {
        if (role.Properties?.RoleName === ROLE_NAMES.bot || role.Properties?.RoleName === ROLE_NAMES.dataAccess) continue;
        expect(role.Properties?.AssumeRolePolicyDocument).toEqual(trustsOnlyTheBot(expect.anything()));
      }
    }
  });
});

describe('MeshbotDataAccess, the role Lake Formation reads registered locations with', () => {
  it('trusts only the Lake Formation service, and reaches only the producer accounts\' buckets', () => {
    synth.template.mesh.hasResourceProperties('AWS::IAM::Role', {
      RoleName: ROLE_NAMES.dataAccess,
      AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lakeformation.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:TagSession'] }] },
    });
    // The sandbox seeds the role with the same document.
    synth.template.mesh.hasResourceProperties('AWS::IAM::Role', { RoleName: ROLE_NAMES.dataAccess, AssumeRolePolicyDocument: dataAccessTrustPolicy() });
    const [, role] = resourcesOf(synth.template.mesh, 'AWS::IAM::Role').find(([, r]) => r.Properties?.RoleName === ROLE_NAMES.dataAccess)!;
    const statements = (role.Properties?.Policies as { PolicyDocument: { Statement: { Sid: string; Condition?: unknown }[] } }[])[0]!.PolicyDocument.Statement;
    for (const statement of statements.filter((st) => st.Sid !== 'UseProducerKeysThroughS3')) {
      expect(statement.Condition).toEqual({ StringEquals: { 'aws:ResourceAccount': ['111111111111'] } });
    }
  });

  it('is passed to Lake Formation only by MeshbotMeshAdmin', () => {
    synth.template.mesh.hasResourceProperties('AWS::IAM::Role', {
      RoleName: ROLE_NAMES.meshAdmin,
      Policies: Match.arrayWith([
        Match.objectLike({
          PolicyDocument: Match.objectLike({
            Statement: Match.arrayWith([
              Match.objectLike({ Action: 'iam:PassRole', Resource: `arn:aws:iam::555555555555:role/${ROLE_NAMES.dataAccess}`, Condition: { StringEquals: { 'iam:PassedToService': 'lakeformation.amazonaws.com' } } }),
            ]),
          }),
        }),
      ]),
    });
  });
});

describe('producer and consumer account stacks', () => {
  it('go to their own account, one per account in the context', () => {
    const many = synthMeshbot({ context: { producerAccountIds: '111111111111,222222222222', consumerAccountIds: '999999999999' }, bundle: false, cfnValidation: false });
    expect(many.producers.map((s) => [s.stackName, s.account])).toEqual([
      ['Meshbot-Producer-111111111111', '111111111111'],
      ['Meshbot-Producer-222222222222', '222222222222'],
    ]);
    expect(many.consumers.map((s) => [s.stackName, s.account])).toEqual([['Meshbot-Consumer-999999999999', '999999999999']]);
    many.template.mesh.hasResourceProperties('AWS::IAM::Role', { RoleName: producerRoleInMesh('222222222222') });
    expect(resourcesOf(many.template.mesh, 'AWS::LakeFormation::PrincipalPermissions')).toHaveLength(2);
    many.dispose();
  });

  it('make their Meshbot role a data lake admin, appended to the account’s own admins, cross-account version 4', () => {
    for (const template of [synth.template.producers[0]!, synth.template.consumers[0]!]) {
      template.hasResourceProperties('AWS::LakeFormation::DataLakeSettings', {
        MutationType: 'APPEND',
        Admins: [{ DataLakePrincipalIdentifier: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Role'), 'Arn'] } }],
        Parameters: { CROSS_ACCOUNT_VERSION: '4' },
        CreateDatabaseDefaultPermissions: Match.absent(),
      });
    }
  });
});

describe('least privilege per role', () => {
  it('MeshbotProducer reads its catalog (partitions too) and creates links there; it only reads the mesh catalog', () => {
    const statements = inlineStatements(synth.template.producers[0]!, ROLE_NAMES.producer);
    expect(actionsOn(statements, 'glue:us-east-1:111111111111')).toEqual(['glue:GetDatabase', 'glue:GetDatabases', 'glue:GetTable', 'glue:GetTables', 'glue:GetPartitions', 'glue:CreateTable']);
    expect(new Set(actionsOn(statements, 'glue:us-east-1:555555555555'))).toEqual(new Set(['glue:GetDatabase', 'glue:GetDatabases', 'glue:GetTable', 'glue:GetTables']));
  });

  it('MeshbotConsumer manages links in its own catalog and only reads the mesh catalog', () => {
    const statements = inlineStatements(synth.template.consumers[0]!, ROLE_NAMES.consumer);
    expect(new Set(actionsOn(statements, 'glue:us-east-1:999999999999'))).toEqual(
      new Set(['glue:GetDatabase', 'glue:GetDatabases', 'glue:GetTable', 'glue:GetTables', 'glue:CreateDatabase', 'glue:CreateTable', 'glue:DeleteDatabase', 'glue:DeleteTable', 'glue:BatchDeleteTable']),
    );
    expect(new Set(actionsOn(statements, 'glue:us-east-1:555555555555'))).toEqual(new Set(['glue:GetDatabase', 'glue:GetDatabases', 'glue:GetTable', 'glue:GetTables']));
  });

  it('producer and consumer roles accept RAM invitations from the mesh account only', () => {
    for (const [template, roleName] of [
      [synth.template.producers[0]!, ROLE_NAMES.producer],
      [synth.template.consumers[0]!, ROLE_NAMES.consumer],
    ] as const) {
      expect(inlineStatements(template, roleName).filter((s) => [s.Action].flat().includes('ram:AcceptResourceShareInvitation'))).toEqual([
        expect.objectContaining({ Condition: { StringEquals: { 'ram:ShareOwnerAccountId': '555555555555' } } }),
      ]);
    }
  });

  it('MeshbotMeshReadOnly may only read the mesh catalog', () => {
    const statements = inlineStatements(synth.template.mesh, ROLE_NAMES.meshReadOnly);
    expect(statements).toEqual([
      expect.objectContaining({
        Action: ['glue:GetDatabase', 'glue:GetDatabases', 'glue:GetTable', 'glue:GetTables'],
        Resource: ['arn:aws:glue:us-east-1:555555555555:catalog', 'arn:aws:glue:us-east-1:555555555555:database/*', 'arn:aws:glue:us-east-1:555555555555:table/*/*'],
      }),
    ]);
  });

  it('a producer’s mesh role writes only the mesh catalog and manages only Lake Formation’s RAM shares there', () => {
    const statements = inlineStatements(synth.template.mesh, producerRoleInMesh('111111111111'));
    expect(new Set(actionsOn(statements, 'arn:aws:glue:'))).toEqual(
      new Set([
        ...['glue:GetDatabase', 'glue:GetDatabases', 'glue:GetTable', 'glue:GetTables', 'glue:CreateDatabase', 'glue:CreateTable', 'glue:UpdateTable'],
        ...['glue:GetPartitions', 'glue:BatchCreatePartition', 'glue:BatchUpdatePartition', 'glue:BatchDeletePartition'],
      ]),
    );
    expect(statements.flatMap((s) => [s.Resource].flat()).filter((r) => r.startsWith('arn:aws:glue:')).every((r) => r.includes(':555555555555:'))).toBe(true);
    expect(statements.find((s) => s.Sid === 'ManageLakeFormationShares')).toMatchObject({
      Resource: 'arn:aws:ram:us-east-1:555555555555:resource-share/*',
      Condition: { StringLike: { 'ram:ResourceShareName': 'LakeFormation*' } },
    });
    // Lake Formation's RAM managed permissions only, as AWSLakeFormationCrossAccountManager allows them.
    expect(statements.find((s) => s.Sid === 'AttachLakeFormationSharePermissions')).toMatchObject({
      Action: 'ram:AssociateResourceSharePermission',
      Resource: 'arn:aws:ram::aws:permission/AWSRAMLFEnabled*',
    });
  });
});
