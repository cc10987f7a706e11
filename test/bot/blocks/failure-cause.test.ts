import { describe, expect, it } from 'vitest';
import { failureCause, fixerText, isKnownFailureCode } from '../../../src/bot/blocks/failure-cause';

describe('failureCause', () => {
  it('sends a refused grant option to the producer, with Retry first and Revoke as the way out', () => {
    const cause = failureCause('AccessDeniedException');
    expect(cause.cause).toContain('grant option');
    expect(cause.cause).not.toContain('Exception');
    expect(cause.fixer).toBe('producer-admin');
    expect(cause.moves).toEqual(['retry', 'revoke']);
  });

  it('says a table gone from the catalog is the producer’s to fix, and offers Revoke first', () => {
    expect(failureCause('EntityNotFoundException')).toMatchObject({ fixer: 'producer-admin', moves: ['revoke', 'retry'] });
  });

  it('asks nobody to fix what AWS itself had (throttling, timeouts, concurrent changes): Retry only', () => {
    for (const code of ['ConcurrentModificationException', 'OperationTimeoutException', 'InternalServiceException', 'ThrottlingException', 'RetriesExhausted']) {
      expect(failureCause(code)).toMatchObject({ fixer: 'nobody', moves: ['retry'] });
    }
  });

  it('gives the consumer side to the consumer’s admin, and quotas and keys to a mesh admin', () => {
    expect(failureCause('mesh_account_not_ready').fixer).toBe('consumer-admin');
    expect(failureCause('ResourceNumberLimitExceededException').fixer).toBe('mesh-admin');
    expect(failureCause('GlueEncryptionException').fixer).toBe('mesh-admin');
  });

  it('does not offer Retry for a grant Lake Formation rejects as asked', () => {
    expect(failureCause('InvalidInputException').moves).toEqual(['revoke']);
  });

  it('sends an unknown or missing code to a mesh admin, with both moves', () => {
    for (const code of ['SomethingNewException', undefined, 'toString', '__proto__']) {
      expect(failureCause(code)).toMatchObject({ fixer: 'mesh-admin', moves: ['retry', 'revoke'] });
      expect(isKnownFailureCode(code)).toBe(false);
    }
    expect(isKnownFailureCode('AccessDeniedException')).toBe(true);
  });

  it('names who can fix it, and nobody as no one to ask', () => {
    expect(fixerText('producer-admin')).toBe("the producer account's admin");
    expect(fixerText('consumer-admin')).toBe("the consumer account's admin");
    expect(fixerText('mesh-admin')).toBe('a mesh admin');
    expect(fixerText('nobody')).toBeUndefined();
  });
});
