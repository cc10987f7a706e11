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
});
