import { GlueClient } from '@aws-sdk/client-glue';
import { IAMClient } from '@aws-sdk/client-iam';
import { KMSClient } from '@aws-sdk/client-kms';
import { LakeFormationClient } from '@aws-sdk/client-lakeformation';
import { RAMClient } from '@aws-sdk/client-ram';
import { S3Client } from '@aws-sdk/client-s3';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { RoleSessionRequest, RoleSessions } from './role-sessions';

/** Where the AWS APIs are: the real regional endpoints, or the sandbox emulator's `endpoint`. */
export interface AwsClientsOptions {
  region: string;
  /** Set for the sandbox (`http://127.0.0.1:4566`); unset in AWS. */
  endpoint?: string;
  sessions: RoleSessions;
  /** SDK attempts per call (its standard retry handles throttling; the executor handles the rest). */
  maxAttempts?: number;
}

/** The clients of one role session in one account. */
export interface AccountClients {
  glue: GlueClient;
  /** IAM of the account (a global service): read-only checks of the account's query roles. */
  iam: IAMClient;
  /** KMS of the account: reading its keys' policies. */
  kms: KMSClient;
  lakeFormation: LakeFormationClient;
  ram: RAMClient;
  /** S3 of the account: reading its buckets' policies. */
  s3: S3Client;
}

/**
 * Builds SDK clients acting in a Meshbot role of an account for one request. Clients share one HTTP
 * handler (one socket pool), since a request builds a few clients and throws them away.
 */
export function createAwsClients({ region, endpoint, sessions, maxAttempts = 3 }: AwsClientsOptions) {
  const requestHandler = new NodeHttpHandler({ connectionTimeout: 5_000, requestTimeout: 30_000 });

  /** Clients acting as `as.roleName` in `as.accountId` for Slack user `as.actor`. */
  function clientsFor(as: RoleSessionRequest): AccountClients {
    const config = {
      region,
      ...(endpoint !== undefined && { endpoint }),
      credentials: sessions.credentialsFor(as),
      requestHandler,
      maxAttempts,
    };
    return {
      glue: new GlueClient(config),
      iam: new IAMClient(config),
      kms: new KMSClient(config),
      lakeFormation: new LakeFormationClient(config),
      ram: new RAMClient(config),
      // The sandbox's S3 answers path-style requests only; AWS takes either.
      s3: new S3Client({ ...config, forcePathStyle: endpoint !== undefined }),
    };
  }

  return {
    clientsFor,
    /** Close the shared sockets (tests, shutdown). */
    destroy: (): void => {
      requestHandler.destroy();
    },
  };
}

export type AwsClients = ReturnType<typeof createAwsClients>;
