import { fromIni } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { SANDBOX_ACCOUNTS, SANDBOX_REGION, sandboxAdminKeys } from '../../../src/sandbox/seed/sandbox-accounts';
import { startTestEmulator, type TestEmulator } from '../../sandbox/aws/start-test-emulator';

/** The three accounts of a mesh, by part. */
export type Part = 'mesh' | 'producer' | 'consumer';

/** What the SDK clients' constructors take. */
export interface TargetClientConfig {
  region: string;
  credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  endpoint?: string;
  maxAttempts: number;
}

/**
 * Where the conformance suite runs: the sandbox emulator (default), or three real AWS accounts when
 * `MESHBOT_CONFORMANCE_AWS=1` (set by `npm run conformance -- --aws`) with a named profile per
 * account. Each part's identity is an administrator of its account and a data lake administrator.
 */
export interface ConformanceTarget {
  kind: 'sandbox' | 'aws';
  region: string;
  accounts: Record<Part, string>;
  /** Client config acting as the administrator of an account. */
  as(part: Part): TargetClientConfig;
  /** Client config for other credentials (an assumed role), against the same endpoint. */
  withCredentials(credentials: AwsCredentialIdentity): TargetClientConfig;
  /** A name unique to this run (`mbconf_<run>_<label>`), so runs on real AWS never collide. */
  name(label: string): string;
  /** The emulator, in a sandbox run: its controls let a case set the world up. */
  emulator?: TestEmulator;
  close(): Promise<void>;
}

/** Settings of an AWS run, from the environment (`npm run conformance -- --aws` documents them). */
export function awsSettings(env: NodeJS.ProcessEnv = process.env): { region: string; profiles: Record<Part, string>; accounts: Record<Part, string> } | undefined {
  if (env.MESHBOT_CONFORMANCE_AWS !== '1') return undefined;
  const read = (key: string): string => {
    const value = env[key];
    if (!value) throw new Error(`${key} is not set: an AWS conformance run needs a profile and an account id for each of mesh, producer and consumer (see README, "Conformance")`);
    return value;
  };
  return {
    region: env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1',
    profiles: { mesh: read('MESHBOT_CONFORMANCE_MESH_PROFILE'), producer: read('MESHBOT_CONFORMANCE_PRODUCER_PROFILE'), consumer: read('MESHBOT_CONFORMANCE_CONSUMER_PROFILE') },
    accounts: { mesh: read('MESHBOT_CONFORMANCE_MESH_ACCOUNT'), producer: read('MESHBOT_CONFORMANCE_PRODUCER_ACCOUNT'), consumer: read('MESHBOT_CONFORMANCE_CONSUMER_ACCOUNT') },
  };
}

const RUN = Date.now().toString(36);

/** Start the target of this run (close it in `afterAll`). */
export async function startConformanceTarget(): Promise<ConformanceTarget> {
  const aws = awsSettings();
  const name = (label: string): string => `mbconf_${RUN}_${label}`.toLowerCase();
  if (aws) {
    return {
      kind: 'aws',
      region: aws.region,
      accounts: aws.accounts,
      as: (part) => ({ region: aws.region, credentials: fromIni({ profile: aws.profiles[part] }), maxAttempts: 3 }),
      withCredentials: (credentials) => ({ region: aws.region, credentials, maxAttempts: 3 }),
      name,
      close: async () => {},
    };
  }
  const emulator = await startTestEmulator();
  return {
    kind: 'sandbox',
    region: SANDBOX_REGION,
    accounts: { mesh: SANDBOX_ACCOUNTS.mesh.id, producer: SANDBOX_ACCOUNTS.producer.id, consumer: SANDBOX_ACCOUNTS.consumer.id },
    as: (part) => ({ region: SANDBOX_REGION, endpoint: emulator.endpoint, credentials: sandboxAdminKeys(part), maxAttempts: 1 }),
    withCredentials: (credentials) => ({ region: SANDBOX_REGION, endpoint: emulator.endpoint, credentials, maxAttempts: 1 }),
    name,
    emulator,
    close: () => emulator.close(),
  };
}
