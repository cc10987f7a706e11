import { describe, expect, it } from 'vitest';
import { MeshbotContextError, readMeshbotContext } from '../../infra/meshbot-context';

const lookup = (values: Record<string, unknown>) => (key: string) => values[key];

describe('the CDK context', () => {
  it('takes lists as JSON arrays (cdk.json) or comma-separated text (-c)', () => {
    const context = readMeshbotContext(
      lookup({ meshAccountId: '555555555555', region: 'eu-west-1', producerAccountIds: '111111111111, 222222222222', consumerAccountIds: ['999999999999'], meshAdmins: 'T0SANDBOX:U0ADMIN' }),
    );

    expect(context).toMatchObject({
      meshAccountId: '555555555555',
      region: 'eu-west-1',
      producerAccountIds: ['111111111111', '222222222222'],
      consumerAccountIds: ['999999999999'],
      meshAdmins: ['T0SANDBOX:U0ADMIN'],
      dataLakeAdmins: [],
      logLevel: 'info',
    });
  });

  it('refuses what is missing or malformed, saying what to pass', () => {
    const read = () => readMeshbotContext(lookup({ region: 'us-east-1', producerAccountIds: '11111111111' }));

    expect(read).toThrow(MeshbotContextError);
    expect(read).toThrow(/meshAccountId: .*producerAccountIds\.0: "11111111111" is not an AWS account id \(12 digits\).*-c meshAccountId=/);
  });

  it('takes the query roles of the consumer accounts, as a list like the others', () => {
    const base = { meshAccountId: '555555555555', region: 'us-east-1', consumerAccountIds: '999999999999,888888888888' };
    expect(readMeshbotContext(lookup(base)).queryRoles).toEqual([]);
    expect(readMeshbotContext(lookup({ ...base, queryRoles: 'arn:aws:iam::999999999999:role/Analyst, arn:aws:iam::888888888888:role/team/Scientist' })).queryRoles).toEqual([
      'arn:aws:iam::999999999999:role/Analyst',
      'arn:aws:iam::888888888888:role/team/Scientist',
    ]);
    expect(readMeshbotContext(lookup({ ...base, queryRoles: ['arn:aws:iam::999999999999:role/Analyst'] })).queryRoles).toEqual(['arn:aws:iam::999999999999:role/Analyst']);
  });

  it('refuses a query role that is not an IAM role of a consumer account, or that no stack may change, saying why', () => {
    const read = (queryRoles: string) => () => readMeshbotContext(lookup({ meshAccountId: '555555555555', region: 'us-east-1', producerAccountIds: '111111111111', consumerAccountIds: '999999999999', queryRoles }));

    expect(read('arn:aws:iam::111111111111:role/Analyst')).toThrow(MeshbotContextError);
    expect(read('arn:aws:iam::999999999999:role/Analyst,arn:aws:iam::111111111111:role/Analyst')).toThrow(
      'queryRoles.1: arn:aws:iam::111111111111:role/Analyst is a role of account 111111111111, which is not one of consumerAccountIds (999999999999): a query role belongs to a consumer account, whose stack attaches its policy',
    );
    expect(read('arn:aws:iam::999999999999:user/casey')).toThrow('queryRoles.0: "arn:aws:iam::999999999999:user/casey" is not an IAM role ARN (arn:aws:iam::<consumer account>:role/<name>)');
    expect(read('arn:aws:iam::999999999999:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Analyst_0123456789abcdef')).toThrow(/queryRoles\.0: .* IAM Identity Center permission set's\), which no stack may change: add the actions of the query access policy to its permission set/);
  });
});
