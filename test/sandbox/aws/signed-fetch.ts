import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentity } from '@smithy/types';

/** A raw request to the emulator, SigV4-signed for `service`: for wire cases the SDK clients never send (malformed bodies, unknown targets). */
export async function signedFetch(
  endpoint: string,
  service: string,
  credentials: AwsCredentialIdentity,
  request: { method?: string; path?: string; headers?: Record<string, string>; body?: string },
): Promise<Response> {
  const url = new URL(request.path ?? '/', endpoint);
  const signer = new SignatureV4({ credentials, region: 'us-east-1', service, sha256: Sha256 });
  const signed = await signer.sign({
    method: request.method ?? 'POST',
    protocol: 'http:',
    hostname: url.hostname,
    port: Number(url.port),
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers: { host: url.host, ...request.headers },
    body: request.body,
  });
  return fetch(url, { method: signed.method, headers: signed.headers, body: request.body });
}
