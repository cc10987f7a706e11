import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { ROLE_NAMES, roleArn } from '../domain/account-roles';

/** The identity the bot acts from, found at start: MeshbotBot itself, or a MeshbotBot session taken for the caller. */
export interface BotIdentity {
  /** Who the default credential chain is (an IAM user, a role session, an SSO session…). */
  callerArn: string;
  botRoleArn: string;
  /** True when the caller is not MeshbotBot, so the bot assumes MeshbotBot for it (a developer running the bot by hand). */
  assumed: boolean;
  /** MeshbotBot's credentials for the bot's own clients (STS, DynamoDB); undefined: the default chain already is MeshbotBot. */
  credentials: AwsCredentialIdentityProvider | undefined;
}

/** Why the bot cannot act as MeshbotBot, in words, with what to do. */
export type BotIdentityResult = { ok: true; identity: BotIdentity } | { ok: false; problem: string };

/** STS charset for session names: `[\w+=,.@-]`, 2–64 characters. */
const sessionSafe = (text: string): string => text.replace(/[^\w+=,.@-]/g, '-');

/** The IAM principal to trust for a caller: a role for a role session (path unknown to STS), the user itself otherwise. */
export function principalOf(callerArn: string): string {
  const session = /^arn:(aws[a-z-]*):sts::(\d{12}):assumed-role\/([^/]+)\/.+$/.exec(callerArn);
  return session ? `arn:${session[1] ?? 'aws'}:iam::${session[2] ?? ''}:role/${session[3] ?? ''}` : callerArn;
}

/**
 * Find who the default credential chain is and, unless it already is a MeshbotBot session (the
 * Lambda functions), assume MeshbotBot in the mesh account for it, without a SourceIdentity: the bot
 * names each Slack user as the SourceIdentity of the Meshbot role sessions it chains from there, as
 * in AWS. The session name carries the caller's name, so CloudTrail shows who ran the bot.
 */
export async function resolveBotIdentity(options: { region: string; meshAccountId: string }): Promise<BotIdentityResult> {
  const sts = new STSClient({ region: options.region, maxAttempts: 2 });
  let callerArn: string;
  try {
    callerArn = (await sts.send(new GetCallerIdentityCommand({}))).Arn ?? '';
  } catch (error) {
    return { ok: false, problem: `no AWS identity: the default credential chain answered "${describe(error)}" (set AWS_PROFILE, or sign in with aws sso login)` };
  } finally {
    sts.destroy();
  }
  const botRoleArn = roleArn(options.meshAccountId, ROLE_NAMES.bot);
  if (new RegExp(`^arn:aws[a-z-]*:sts::${options.meshAccountId}:assumed-role/${ROLE_NAMES.bot}/`).test(callerArn)) {
    return { ok: true, identity: { callerArn, botRoleArn, assumed: false, credentials: undefined } };
  }
  const who = callerArn.split('/').at(-1) ?? 'caller';
  const credentials = fromTemporaryCredentials({
    params: { RoleArn: botRoleArn, RoleSessionName: sessionSafe(`meshbot-local-${who}`).slice(0, 64), DurationSeconds: 3600 },
    clientConfig: { region: options.region },
  });
  try {
    await credentials();
  } catch (error) {
    return {
      ok: false,
      problem: `${callerArn} may not assume ${botRoleArn} ("${describe(error)}"): deploy the mesh stack with -c localBotPrincipals=${principalOf(callerArn)} so MeshbotBot trusts it (README, Socket Mode)`,
    };
  }
  return { ok: true, identity: { callerArn, botRoleArn, assumed: true, credentials } };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
