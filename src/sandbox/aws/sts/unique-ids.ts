import { createHash, randomBytes } from 'node:crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32(bytes: Uint8Array, length: number): string {
  let out = '';
  for (let i = 0; out.length < length; i += 1) out += BASE32.charAt((bytes[i % bytes.length] ?? 0) % 32);
  return out;
}

/** IAM's unique id of a principal (`AIDA…` users, `AROA…` roles): stable, derived from the ARN. */
export function uniqueIdOf(prefix: 'AIDA' | 'AROA', arn: string): string {
  return prefix + base32(createHash('sha256').update(arn).digest(), 17);
}

/** Fresh temporary keys: an `ASIA…` key id, a 40-character secret and a session token. */
export function issueTemporaryKeys(): { accessKeyId: string; secretAccessKey: string; sessionToken: string } {
  return {
    accessKeyId: 'ASIA' + base32(randomBytes(16), 16),
    secretAccessKey: randomBytes(30).toString('base64'),
    sessionToken: 'IQoJb3JpZ2luX2VjE' + randomBytes(96).toString('base64'),
  };
}
