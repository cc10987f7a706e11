import { AccessDeniedException, ConcurrentModificationException, EntityNotFoundException } from '@aws-sdk/client-lakeformation';
import { describe, expect, it } from 'vitest';
import { callAws, translateAwsError } from '../../../src/mesh/aws/translate-aws-error';
import { AwsRefusedError, productNotFound } from '../../../src/mesh/errors';

const site = { doing: 'grant SELECT on telco-111111111111.usecase1', roleName: 'MeshbotProducer-111111111111', accountId: '555555555555' };
const meta = { $metadata: {} };

describe('translateAwsError', () => {
  it('says what was refused, as whom, and what to check', () => {
    const error = translateAwsError(new AccessDeniedException({ message: 'Insufficient Lake Formation permission(s)', ...meta }), site);

    expect(error).toBeInstanceOf(AwsRefusedError);
    expect(error.message).toBe(
      'AWS refused to grant SELECT on telco-111111111111.usecase1 (as MeshbotProducer-111111111111 in 555555555555): Insufficient Lake Formation permission(s)',
    );
    expect(error.hint).toContain('MeshbotProducer-111111111111 role of account 555555555555');
  });

  it('tells the user to try again when AWS was busy', () => {
    const error = translateAwsError(new ConcurrentModificationException({ message: 'busy', ...meta }), site);
    expect(error).toMatchObject({ awsCode: 'ConcurrentModificationException', hint: 'try again in a minute' });
  });

  it('names the AWS code of anything else, and lets mesh errors through', async () => {
    const notFound = productNotFound('x');
    await expect(callAws(site, () => Promise.reject(notFound))).rejects.toBe(notFound);
    await expect(callAws(site, () => Promise.reject(new EntityNotFoundException({ message: 'no such table', ...meta })))).rejects.toThrow(
      'AWS could not grant SELECT on telco-111111111111.usecase1 (as MeshbotProducer-111111111111 in 555555555555): EntityNotFoundException: no such table',
    );
  });
});
