import { Match } from 'aws-cdk-lib/assertions';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAMBDA_HANDLERS } from '../../infra/lambda-bundle';
import { ITEM_ACTIONS } from '../../infra/constructs/bot-tables';
import { TABLE_PREFIX, assumableRoleArns } from '../../infra/stacks/mesh-stack';
import { ROLE_NAMES, producerRoleInMesh } from '../../src/mesh/domain/account-roles';
import { TABLES, tableName } from '../../src/mesh/store/table-definitions';
import { resourcesOf, SAMPLE_CONTEXT, synthMeshbot, type SynthesizedMeshbot } from './synth-meshbot';

// One synthesis for the file, with the Lambda bundles built (esbuild, locally) as `cdk synth` does;
// CloudFormation's own validation runs in cdk-nag.test.ts.
let synth: SynthesizedMeshbot;
beforeAll(() => {
  synth = synthMeshbot({ cfnValidation: false });
});
afterAll(() => {
  synth.dispose();
});

describe('the DynamoDB tables', () => {
  it('are exactly those of TABLES: keys, indexes, on demand, point-in-time recovery, encrypted, kept on delete', () => {
    const tables = resourcesOf(synth.template.mesh, 'AWS::DynamoDB::Table');
    expect(tables.map(([, t]) => t.Properties?.TableName).sort()).toEqual(TABLES.map((t) => tableName(TABLE_PREFIX, t)).sort());

    for (const definition of TABLES) {
      const [, table] = tables.find(([, t]) => t.Properties?.TableName === tableName(TABLE_PREFIX, definition)) ?? [];
      const props = table?.Properties ?? {};
      const indexes = Object.values(definition.indexes);
      expect(props.KeySchema).toEqual([{ AttributeName: definition.partitionKey, KeyType: 'HASH' }]);
      expect(props.BillingMode).toBe('PAY_PER_REQUEST');
      expect(props.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
      expect(props.SSESpecification).toEqual({ SSEEnabled: true });
      expect(props.DeletionProtectionEnabled).toBe(true);
      expect(props.GlobalSecondaryIndexes ?? []).toEqual(
        indexes.map((index) => ({
          IndexName: index.name,
          KeySchema: [
            { AttributeName: index.partitionKey, KeyType: 'HASH' },
            { AttributeName: index.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        })),
      );
      const attributes = new Set([definition.partitionKey, ...indexes.flatMap((i) => [i.partitionKey, i.sortKey])]);
      expect(props.AttributeDefinitions).toEqual(expect.arrayContaining([...attributes].map((name) => ({ AttributeName: name, AttributeType: 'S' }))));
      expect(props.AttributeDefinitions).toHaveLength(attributes.size);
    }
    synth.template.mesh.allResources('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });
});

describe('the job queue', () => {
  it('is FIFO with the app’s deduplication ids, encrypted, dead-lettered after 5 receives', () => {
    const queues = resourcesOf(synth.template.mesh, 'AWS::SQS::Queue');
    const [dlqId] = queues.find(([, q]) => q.Properties?.QueueName === 'meshbot-jobs-dlq.fifo') ?? [];
    synth.template.mesh.hasResourceProperties('AWS::SQS::Queue', {
      QueueName: 'meshbot-jobs.fifo',
      FifoQueue: true,
      ContentBasedDeduplication: false,
      SqsManagedSseEnabled: true,
      // Six times the worker's 5-minute timeout.
      VisibilityTimeout: 1800,
      RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [dlqId, 'Arn'] }, maxReceiveCount: 5 },
    });
    synth.template.mesh.hasResourceProperties('AWS::SQS::Queue', { QueueName: 'meshbot-jobs-dlq.fifo', FifoQueue: true, MessageRetentionPeriod: 14 * 86_400 });
  });

  it('alarms, through an encrypted topic, as soon as one job is in the dead-letter queue', () => {
    synth.template.mesh.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [Match.stringLikeRegexp('DeadLetterQueue'), 'QueueName'] } }],
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      AlarmActions: [{ Ref: Match.stringLikeRegexp('AlarmTopic') }],
    });
    synth.template.mesh.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
  });
});

describe('the Lambda functions', () => {
  const functionNamed = (name: string) => resourcesOf(synth.template.mesh, 'AWS::Lambda::Function').find(([, f]) => f.Properties?.FunctionName === name);

  it('run the bundled entry’s handlers on nodejs24.x, arm64, as MeshbotBot', () => {
    for (const [name, handler] of Object.entries(LAMBDA_HANDLERS)) {
      const [, fn] = functionNamed(`meshbot-${name}`) ?? [];
      expect(fn?.Properties).toMatchObject({ Handler: `index.${handler}`, Runtime: 'nodejs24.x', Architectures: ['arm64'], Role: { 'Fn::GetAtt': [expect.stringMatching(/^BotRole/), 'Arn'] } });
      // The asset CDK bundled holds the handler the function names.
      const code = fn?.Properties?.Code as { S3Key: string };
      const bundle = readFileSync(join(synth.outdir, `asset.${code.S3Key.replace(/\.zip$/, '')}`, 'index.js'), 'utf8');
      expect(bundle).toMatch(new RegExp(`\\b${handler}:`));
    }
  });

  it('read their settings from the environment: the secret, the queue, the account, the tables', () => {
    synth.template.mesh.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: 'meshbot-slack',
      Environment: {
        Variables: {
          MESH_ACCOUNT_ID: SAMPLE_CONTEXT.meshAccountId,
          TABLE_PREFIX,
          JOB_QUEUE_URL: { Ref: Match.stringLikeRegexp('^JobsQueue') },
          SLACK_SECRET_ARN: { Ref: Match.stringLikeRegexp('^SlackSecret') },
          LOG_LEVEL: 'info',
        },
      },
    });
  });

  it('put the Slack handler behind a Function URL without AWS auth (Slack signs its requests)', () => {
    synth.template.mesh.hasResourceProperties('AWS::Lambda::Url', {
      AuthType: 'NONE',
      TargetFunctionArn: { 'Fn::GetAtt': [functionNamed('meshbot-slack')?.[0], 'Arn'] },
    });
    synth.template.mesh.hasOutput('SlackRequestUrl', { Value: { 'Fn::GetAtt': [Match.stringLikeRegexp('FunctionUrl'), 'FunctionUrl'] } });
  });

  it('feed the worker from the job queue with partial batch responses', () => {
    synth.template.mesh.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: functionNamed('meshbot-worker')?.[0] },
      EventSourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^JobsQueue'), 'Arn'] },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  it('run the sweep every 15 minutes', () => {
    synth.template.mesh.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(15 minutes)',
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [functionNamed('meshbot-sweep')?.[0], 'Arn'] } })],
    });
  });

  it('keep their logs in their own groups for three months', () => {
    for (const name of Object.keys(LAMBDA_HANDLERS)) {
      synth.template.mesh.hasResourceProperties('AWS::Logs::LogGroup', { LogGroupName: `/aws/lambda/meshbot-${name}`, RetentionInDays: 90 });
    }
  });
});

describe('MeshbotBot, the functions’ role', () => {
  const statements = () => {
    const [, policy] = resourcesOf(synth.template.mesh, 'AWS::IAM::Policy').find(([, p]) => JSON.stringify(p.Properties?.Roles).includes('BotRole')) ?? [];
    return (policy?.Properties?.PolicyDocument as { Statement: { Action: string | string[]; Resource: unknown }[] }).Statement;
  };
  const actionsOf = (s: { Action: string | string[] }) => (Array.isArray(s.Action) ? s.Action : [s.Action]);

  it('is assumed by Lambda only and named as the roles trust it', () => {
    synth.template.mesh.hasResourceProperties('AWS::IAM::Role', {
      RoleName: ROLE_NAMES.bot,
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Action: 'sts:AssumeRole', Principal: { Service: 'lambda.amazonaws.com' } })] },
    });
  });

  it('is also assumed by the principals of localBotPrincipals (a developer running the bot in Socket Mode), with AssumeRole only', () => {
    const developer = 'arn:aws:iam::555555555555:role/DataPlatformDeveloper';
    const local = synthMeshbot({ context: { localBotPrincipals: developer }, bundle: false, cfnValidation: false });
    try {
      const [, role] = resourcesOf(local.template.mesh, 'AWS::IAM::Role').find(([, r]) => r.Properties?.RoleName === ROLE_NAMES.bot) ?? [];
      const trust = (role?.Properties?.AssumeRolePolicyDocument as { Statement: { Action: unknown; Principal: unknown; Condition?: unknown }[] }).Statement;
      expect(trust).toEqual([
        expect.objectContaining({ Action: 'sts:AssumeRole', Principal: { Service: 'lambda.amazonaws.com' } }),
        expect.objectContaining({ Action: 'sts:AssumeRole', Principal: { AWS: developer } }),
      ]);
      // The Meshbot roles still trust only MeshbotBot with a SourceIdentity: the developer reaches them only through the bot.
      expect(JSON.stringify(resourcesOf(local.template.mesh, 'AWS::IAM::Role').filter(([, r]) => r.Properties?.RoleName !== ROLE_NAMES.bot))).not.toContain(developer);
    } finally {
      local.dispose();
    }
  });

  it('may act in AWS only by assuming the Meshbot roles; otherwise only its tables, queue, secret and logs', () => {
    const sts = statements().filter((s) => actionsOf(s).some((a) => a.startsWith('sts:')));
    expect(sts).toEqual([expect.objectContaining({ Action: ['sts:AssumeRole', 'sts:SetSourceIdentity', 'sts:TagSession'], Resource: assumableRoleArns(synth.context) })]);
    expect(assumableRoleArns(synth.context)).toEqual([
      `arn:aws:iam::555555555555:role/${ROLE_NAMES.meshAdmin}`,
      `arn:aws:iam::555555555555:role/${ROLE_NAMES.meshReadOnly}`,
      `arn:aws:iam::555555555555:role/${producerRoleInMesh('111111111111')}`,
      `arn:aws:iam::111111111111:role/${ROLE_NAMES.producer}`,
      `arn:aws:iam::999999999999:role/${ROLE_NAMES.consumer}`,
    ]);
    const services = new Set(statements().flatMap((s) => actionsOf(s).map((a) => a.split(':')[0])));
    expect([...services].sort()).toEqual(['dynamodb', 'logs', 'secretsmanager', 'sqs', 'sts']);
    const dynamo = statements().filter((s) => actionsOf(s).some((a) => a.startsWith('dynamodb:')));
    expect(new Set(dynamo.flatMap(actionsOf))).toEqual(new Set(ITEM_ACTIONS));
  });
});

describe('the mesh account’s Lake Formation settings', () => {
  it('make the mesh admin role (and CloudFormation’s) the data lake admins, version 4, no IAM_ALLOWED_PRINCIPALS defaults', () => {
    synth.template.mesh.hasResourceProperties('AWS::LakeFormation::DataLakeSettings', {
      MutationType: 'REPLACE',
      Admins: [
        { DataLakePrincipalIdentifier: { 'Fn::GetAtt': [Match.stringLikeRegexp('MeshAdminRole'), 'Arn'] } },
        { DataLakePrincipalIdentifier: { 'Fn::Sub': Match.stringLikeRegexp('cfn-exec-role-555555555555-us-east-1$') } },
      ],
      CreateDatabaseDefaultPermissions: [],
      CreateTableDefaultPermissions: [],
      Parameters: { CROSS_ACCOUNT_VERSION: '4' },
    });
  });

  it('let each producer’s mesh role create databases in the mesh catalog, after the settings', () => {
    const grants = resourcesOf(synth.template.mesh, 'AWS::LakeFormation::PrincipalPermissions');
    expect(grants).toHaveLength(SAMPLE_CONTEXT.producerAccountIds.length);
    synth.template.mesh.hasResource('AWS::LakeFormation::PrincipalPermissions', {
      Properties: {
        Catalog: SAMPLE_CONTEXT.meshAccountId,
        Principal: { DataLakePrincipalIdentifier: { 'Fn::GetAtt': [Match.stringLikeRegexp('Producer111111111111Role'), 'Arn'] } },
        Resource: { Catalog: {} },
        Permissions: ['CREATE_DATABASE'],
        PermissionsWithGrantOption: [],
      },
      DependsOn: Match.arrayWith([Match.stringLikeRegexp('DataLakeSettings')]),
    });
  });

  it('add the people given as dataLakeAdmins to the admin list', () => {
    const person = 'arn:aws:iam::555555555555:role/DataPlatformAdmins';
    const withPeople = synthMeshbot({ context: { dataLakeAdmins: person }, bundle: false, cfnValidation: false });
    withPeople.template.mesh.hasResourceProperties('AWS::LakeFormation::DataLakeSettings', {
      Admins: Match.arrayWith([{ DataLakePrincipalIdentifier: person }]),
    });
    withPeople.dispose();
  });
});
