import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity } from '@smithy/types';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../../src/sandbox/aws/emulator';
import { SANDBOX_ACCOUNTS, SANDBOX_BOT_SESSION, SANDBOX_REGION, type SandboxAccountName, sandboxAdminKeys } from '../../../src/sandbox/seed/sandbox-accounts';

/** Who a client acts as: a seeded account's admin user (by name or id) or explicit credentials. */
export type Who = SandboxAccountName | (typeof SANDBOX_ACCOUNTS)[SandboxAccountName]['id'] | AwsCredentialIdentity;

/** What the SDK clients' constructors take: `new GlueClient(emu.clientConfig('producer'))`. */
export interface ClientConfig {
  endpoint: string;
  region: string;
  credentials: AwsCredentialIdentity;
  maxAttempts?: number;
}

export interface TestEmulator extends Emulator {
  /** SDK client config for a seeded admin (`'producer'`, `'111111111111'`), `'bot'` (the seeded MeshbotBot session) or given credentials. */
  clientConfig(who: Who | 'bot', extra?: { maxAttempts?: number }): ClientConfig;
  /**
   * AssumeRole through the emulator's STS and return the session's credentials; by default as the
   * seeded MeshbotBot session with SourceIdentity `U0TEST`, as the bot does.
   */
  assumeRole(roleArn: string, options?: { as?: Who | 'bot'; sessionName?: string; sourceIdentity?: string | null; durationSeconds?: number }): Promise<AwsCredentialIdentity>;
}

function credentialsOf(who: Who | 'bot'): AwsCredentialIdentity {
  if (typeof who === 'object') return who;
  if (who === 'bot') return { accessKeyId: SANDBOX_BOT_SESSION.accessKeyId, secretAccessKey: SANDBOX_BOT_SESSION.secretAccessKey, sessionToken: SANDBOX_BOT_SESSION.sessionToken };
  const name = (Object.keys(SANDBOX_ACCOUNTS) as SandboxAccountName[]).find((n) => n === who || SANDBOX_ACCOUNTS[n].id === who);
  if (name === undefined) throw new TypeError(`no sandbox account ${who}`);
  return sandboxAdminKeys(name);
}

/**
 * Start the emulator on 127.0.0.1, port 0, with the sandbox seed (close it in `afterAll`).
 * @example const emu = await startTestEmulator(); const glue = new GlueClient(emu.clientConfig('producer'));
 */
export async function startTestEmulator(options: Omit<EmulatorOptions, 'port' | 'host'> = {}): Promise<TestEmulator> {
  const emulator = await startEmulator({ ...options, port: 0, host: '127.0.0.1' });
  const clientConfig = (who: Who | 'bot', extra: { maxAttempts?: number } = {}): ClientConfig => ({
    endpoint: emulator.endpoint,
    region: SANDBOX_REGION,
    credentials: credentialsOf(who),
    ...extra,
  });
  return {
    ...emulator,
    clientConfig,
    async assumeRole(roleArn, { as = 'bot', sessionName = 'test-session', sourceIdentity = 'U0TEST', durationSeconds } = {}) {
      const sts = new STSClient(clientConfig(as));
      try {
        const { Credentials } = await sts.send(
          new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: sessionName, SourceIdentity: sourceIdentity ?? undefined, DurationSeconds: durationSeconds }),
        );
        if (!Credentials?.AccessKeyId || !Credentials.SecretAccessKey || !Credentials.SessionToken) throw new TypeError('AssumeRole answered no credentials');
        return { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey, sessionToken: Credentials.SessionToken, expiration: Credentials.Expiration };
      } finally {
        sts.destroy();
      }
    },
  };
}
