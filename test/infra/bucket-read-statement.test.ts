import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bucketReadStatement } from '../../infra/bucket-read-statement';

describe('bucketReadStatement', () => {
  it('is the statement the deploy guide shows, so the README cannot drift from what the sandbox uses', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const block = /```json\n(\{\n {2}"Sid": "MeshbotLakeFormationReads"[\s\S]*?\n\})\n```/.exec(readme)?.[1];
    expect(block).toBeDefined();
    expect(JSON.parse(block ?? '{}')).toEqual(bucketReadStatement({ meshAccountId: '555555555555', bucket: 'producer-bucket', prefix: 'telco/' }));
  });

  it('lets only MeshbotDataAccess of the mesh read the bucket, under the prefix', () => {
    expect(bucketReadStatement({ meshAccountId: '555555555555', bucket: 'b', prefix: '' })).toEqual({
      Sid: 'MeshbotLakeFormationReads',
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::555555555555:role/MeshbotDataAccess' },
      Action: ['s3:GetObject', 's3:ListBucket'],
      Resource: ['arn:aws:s3:::b', 'arn:aws:s3:::b/*'],
    });
  });
});
