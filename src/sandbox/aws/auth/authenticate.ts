import { AwsError } from '../aws-error';
import type { Caller } from '../operation';
import type { ServiceName } from '../service-name';
import type { Credential, World } from '../world';
import { SERVICE_ERROR_CODES } from '../wire/service-errors';
import type { WireRequest } from '../wire/wire-request';
import { parseAuthorizationHeader } from './authorization-header';
import { signatureMatches } from './verify-signature';

const INVALID_TOKEN = 'The security token included in the request is invalid.';
const BAD_SIGNATURE =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

/** The caller an issued credential stands for. */
export function callerOf(credential: Credential): Caller {
  return {
    accountId: credential.accountId,
    arn: credential.arn,
    principalArn: credential.principalArn,
    accessKeyId: credential.accessKeyId,
    ...(credential.roleName !== undefined && { roleName: credential.roleName }),
    ...(credential.sessionName !== undefined && { sessionName: credential.sessionName }),
    ...(credential.sourceIdentity !== undefined && { sourceIdentity: credential.sourceIdentity }),
  };
}

/**
 * Verify a request's SigV4 `Authorization` header against the keys the emulator issued and return
 * the caller; throws the service's own auth errors (unknown key, bad signature, expired or wrong
 * session token) so clients see what AWS would answer.
 */
export async function authenticate(service: ServiceName, req: WireRequest, world: World, now: number): Promise<Caller> {
  const codes = SERVICE_ERROR_CODES[service];
  const header = req.headers.authorization;
  if (header === undefined || header.length === 0) throw new AwsError(codes.missingAuth, 'Missing Authentication Token', 403);
  const auth = parseAuthorizationHeader(header);
  if (!auth) {
    throw new AwsError(codes.incompleteSignature, "Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters (AWS4-HMAC-SHA256).", 400);
  }
  const credential = world.credentials[auth.accessKeyId];
  if (!credential) throw new AwsError(codes.unknownKey, INVALID_TOKEN, 403);
  const token = req.headers['x-amz-security-token'];
  if ((credential.sessionToken ?? '') !== (token ?? '')) throw new AwsError(codes.unknownKey, INVALID_TOKEN, 403);
  if (!(await signatureMatches(req, auth, credential.secretAccessKey))) throw new AwsError(codes.badSignature, BAD_SIGNATURE, 403);
  if (credential.expiresAt !== undefined && credential.expiresAt <= now) {
    throw new AwsError(codes.expiredToken, 'The security token included in the request is expired', 400);
  }
  return callerOf(credential);
}
