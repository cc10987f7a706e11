import type { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESOURCE_STAR_ACTIONS } from '../../infra/role-permissions';
import { synthMeshbot, type SynthesizedMeshbot } from './synth-meshbot';

let synth: SynthesizedMeshbot;
beforeAll(() => {
  synth = synthMeshbot({ bundle: false, cfnValidation: false });
});
afterAll(() => {
  synth.dispose();
});

interface Statement {
  Effect: 'Allow' | 'Deny';
  Action?: string | string[];
  Resource?: unknown;
  Principal?: unknown;
}

interface Found {
  where: string;
  statement: Statement;
}

/** Every statement of every policy document in a template (identity policies, trust, key, queue and topic policies). */
function statementsOf(template: Template, stackName: string): Found[] {
  const found: Found[] = [];
  const visit = (value: unknown, path: string): void => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        visit(item, `${path}[${String(i)}]`);
      });
    } else if (typeof value === 'object' && value !== null) {
      const record = value as Record<string, unknown>;
      if (Array.isArray(record.Statement) && typeof record.Version === 'string') {
        for (const statement of record.Statement as Statement[]) found.push({ where: path, statement });
        return;
      }
      for (const [key, child] of Object.entries(record)) visit(child, `${path}.${key}`);
    }
  };
  visit(template.toJSON().Resources, stackName);
  return found;
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

describe('IAM policies of every stack', () => {
  const all = (): Found[] => [
    ...statementsOf(synth.template.mesh, 'mesh'),
    ...synth.template.producers.flatMap((t) => statementsOf(t, 'producer')),
    ...synth.template.consumers.flatMap((t) => statementsOf(t, 'consumer')),
  ];

  it('allow no wildcard action anywhere, except the account root on its own KMS key (the default key policy KMS requires)', () => {
    const wildcards = all().filter(({ statement }) => statement.Effect === 'Allow' && list(statement.Action).some((a) => typeof a === 'string' && (a === '*' || a.endsWith(':*'))));
    expect(wildcards.map(({ where, statement }) => ({ where: where.replace(/\.Properties.*/, ''), action: statement.Action }))).toEqual([{ where: expect.stringMatching(/^mesh\.JobsAlarmTopicKey/) as unknown, action: 'kms:*' }]);
    expect(wildcards[0]?.statement.Principal).toEqual({ AWS: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::555555555555:root']] } });
  });

  it('allow "*" resources only for actions that have no resource-level permissions (Lake Formation, RAM and Organizations look-ups)', () => {
    const onStar = all().filter(({ statement }) => statement.Effect === 'Allow' && list(statement.Resource).includes('*') && statement.Principal === undefined);
    expect(onStar.length).toBeGreaterThan(0);
    for (const { statement } of onStar) {
      for (const action of list(statement.Action)) expect(RESOURCE_STAR_ACTIONS).toContain(action);
    }
  });
});
