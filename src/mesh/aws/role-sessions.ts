import { AssumeRoleCommand, type STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity } from '@aws-sdk/types';
import { roleArn } from '../domain/account-roles';

/** Whose role to act in, for which human, for which request. */
export interface RoleSessionRequest {
  accountId: string;
  roleName: string;
  /** The Slack user the bot acts for: becomes the STS SourceIdentity, so CloudTrail names the human. */
  actor: string;
  /** Carried in the role session name, so every AWS call can be traced to one Slack request. */
  requestId: string;
}

/** Options of the role session cache. */
export interface RoleSessionsOptions {
  /** The STS client of the bot's own identity. */
  sts: STSClient;
  now?: () => number;
  /** Role chaining (the bot itself runs in a role) caps sessions at one hour. */
  durationSeconds?: number;
  /** Credentials this close to expiry are renewed before use. */
  refreshMarginMs?: number;
  /** Sessions kept at most (oldest dropped first). */
  maxSessions?: number;
}

/** STS charset for session names and source identities: `[\w+=,.@-]`. */
const sanitize = (text: string): string => text.replace(/[^\w+=,.@-]/g, '-');

/** The role session name for a request: `meshbot-<request id>`, at most 64 characters. */
export function sessionName(requestId: string): string {
  return sanitize(`meshbot-${requestId}`).slice(0, 64);
}

/**
 * Assumes the Meshbot role of an account per operation, with SourceIdentity = the Slack user, and
 * caches the credentials for that (account, role, user, request) only while they are valid.
 */
export function createRoleSessions({
  sts,
  now = Date.now,
  durationSeconds = 3600,
  refreshMarginMs = 5 * 60_000,
  maxSessions = 500,
}: RoleSessionsOptions) {
  const cache = new Map<string, Promise<AwsCredentialIdentity>>();

  async function assume(request: RoleSessionRequest): Promise<AwsCredentialIdentity> {
    const answer = await sts.send(
      new AssumeRoleCommand({
        RoleArn: roleArn(request.accountId, request.roleName),
        RoleSessionName: sessionName(request.requestId),
        SourceIdentity: sanitize(request.actor).slice(0, 64),
        DurationSeconds: durationSeconds,
      }),
    );
    const credentials = answer.Credentials;
    if (!credentials?.AccessKeyId || !credentials.SecretAccessKey) {
      throw new Error(`STS answered AssumeRole on ${request.roleName} in ${request.accountId} without credentials`);
    }
    return {
      accessKeyId: credentials.AccessKeyId,
      secretAccessKey: credentials.SecretAccessKey,
      ...(credentials.SessionToken !== undefined && { sessionToken: credentials.SessionToken }),
      ...(credentials.Expiration !== undefined && { expiration: credentials.Expiration }),
    };
  }

  const fresh = (credentials: AwsCredentialIdentity): boolean =>
    credentials.expiration === undefined || credentials.expiration.getTime() - refreshMarginMs > now();

  /** A credentials provider for the SDK clients acting in this role session. */
  function credentialsFor(request: RoleSessionRequest): () => Promise<AwsCredentialIdentity> {
    const key = [request.accountId, request.roleName, request.actor, request.requestId].join('|');
    return async () => {
      const cached = cache.get(key);
      if (cached) {
        const credentials = await cached.catch(() => undefined);
        if (credentials && fresh(credentials)) return credentials;
      }
      // One AssumeRole however many calls wait for it; a failure is not cached.
      const pending = assume(request);
      cache.delete(key);
      cache.set(key, pending);
      if (cache.size > maxSessions) cache.delete(cache.keys().next().value as string);
      pending.catch(() => cache.delete(key));
      return pending;
    };
  }

  return { credentialsFor };
}

/** The role-session cache's interface. */
export type RoleSessions = ReturnType<typeof createRoleSessions>;
