import { createHash } from 'node:crypto';

/**
 * An account's S3 canonical user ID: 64 hex characters, as S3 shows owners (S3 User Guide, "Find the
 * canonical user ID for your AWS account"). How AWS derives it is not documented; the emulator hashes
 * the account id so it is stable.
 */
export function canonicalUserId(accountId: string): string {
  return createHash('sha256').update(`s3-canonical-user:${accountId}`).digest('hex');
}
