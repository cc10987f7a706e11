import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import type { WireRequest } from '../wire/wire-request';
import type { AuthorizationHeader } from './authorization-header';

// Source: IAM User Guide, "Create a signed AWS API request" / "Create a canonical request"
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html): each path segment is
// URI-encoded twice, except for Amazon S3, which encodes it once.

/** `20240101T120000Z` → Date; undefined if malformed. */
function parseAmzDate(value: string | undefined): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value ?? '');
  if (!m) return undefined;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])));
}

/**
 * Recompute the request's SigV4 signature with the issued secret, using the SDK's own signer over the
 * received method, path, query, the headers the client signed and the body; true when it matches.
 * The signing time is not compared with the clock: the emulator clock may be advanced far ahead.
 */
export async function signatureMatches(req: WireRequest, auth: AuthorizationHeader, secretAccessKey: string): Promise<boolean> {
  const signingDate = parseAmzDate(req.headers['x-amz-date']);
  if (!signingDate) return false;
  const headers = Object.fromEntries(auth.signedHeaders.map((name) => [name, req.headers[name] ?? '']));
  // No session token in the signer's credentials: when the client signed it, it is among `headers` already.
  const signer = new SignatureV4({
    credentials: { accessKeyId: auth.accessKeyId, secretAccessKey },
    region: auth.region,
    service: auth.service,
    sha256: Sha256,
    // S3 signs the path as sent, without the second URI-encoding other services use (SigV4 docs, "Create a canonical request").
    uriEscapePath: auth.service !== 's3',
    applyChecksum: false,
  });
  const signed = await signer.sign(
    { method: req.method, protocol: 'http:', hostname: req.headers.host ?? 'localhost', path: req.path, query: req.query, headers, body: req.body },
    { signingDate, signableHeaders: new Set(auth.signedHeaders) },
  );
  const expected = /Signature=([0-9a-f]+)/.exec(signed.headers.authorization ?? '')?.[1];
  return expected === auth.signature;
}
