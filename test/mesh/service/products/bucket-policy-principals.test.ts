import { describe, expect, it } from 'vitest';
import { bucketPolicyNames } from '../../../../src/mesh/service/products/bucket-policy-principals';

const ROLE = 'arn:aws:iam::555555555555:role/MeshbotDataAccess';
const policy = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });

describe('bucketPolicyNames', () => {
  it.each([
    ['the role', { Effect: 'Allow', Principal: { AWS: ROLE } }],
    ['the role among others', { Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::111111111111:root', ROLE] } }],
    ['its account root', { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::555555555555:root' } }],
    ['its account id', { Effect: 'Allow', Principal: { AWS: '555555555555' } }],
    ['everyone', { Effect: 'Allow', Principal: '*' }],
  ])('is true for an Allow naming %s', (_what, statement) => {
    expect(bucketPolicyNames(policy(statement), ROLE)).toBe(true);
    expect(bucketPolicyNames(JSON.stringify({ Statement: statement }), ROLE)).toBe(true);
  });

  it.each([
    ['another role of the account', policy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::555555555555:role/Other' } })],
    ['the role, but in a Deny', policy({ Effect: 'Deny', Principal: { AWS: ROLE } })],
    ['a service', policy({ Effect: 'Allow', Principal: { Service: 'lakeformation.amazonaws.com' } })],
    ['no statement', policy()],
    ['text that is not JSON', '{not json'],
  ])('is false for %s', (_what, text) => {
    expect(bucketPolicyNames(text, ROLE)).toBe(false);
  });
});
