import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import * as z from 'zod';
import { AccountIdSchema } from '../../mesh/domain/account-id';
import { formatIssues } from '../../mesh/domain/format-issues';
import { BotEnvSchema, settingProblems, type BotEnv } from '../bot-config';

/**
 * The Lambda functions' environment, as the CDK stack sets it: `SLACK_SECRET_ARN`, `JOB_QUEUE_URL`,
 * `MESH_ACCOUNT_ID=555555555555`, `TABLE_PREFIX=meshbot-`, `MESH_ADMINS`, `PRODUCTS_CHANNEL`. AWS
 * endpoints come from the SDK's own `AWS_ENDPOINT_URL_<SERVICE>` variables (unset in AWS), so the
 * sandbox needs no code path of its own; `SLACK_API_URL` points the Web API client elsewhere (the
 * fake Slack API in tests).
 */
export const LambdaEnvSchema = BotEnvSchema.extend({
  MESH_ACCOUNT_ID: AccountIdSchema.optional(),
  JOB_QUEUE_URL: z.url({ error: 'is not a URL: set it to the URL of the SQS FIFO job queue' }).optional(),
})
  .superRefine((env, ctx) => {
    // Missing is said by name, with what the stack puts there, rather than zod's "expected string".
    if (env.MESH_ACCOUNT_ID === undefined) ctx.addIssue({ code: 'custom', path: ['MESH_ACCOUNT_ID'], message: 'is missing: the mesh account (12 digits); the Meshbot-Mesh stack sets it' });
    if (env.JOB_QUEUE_URL === undefined) ctx.addIssue({ code: 'custom', path: ['JOB_QUEUE_URL'], message: 'is missing: the URL of the SQS FIFO job queue; the Meshbot-Mesh stack sets it' });
  })
  .transform((env) => env as LambdaEnv);

/** The Lambda functions' settings: the bot's, with the mesh account and the job queue always set. */
export type LambdaEnv = BotEnv & { MESH_ACCOUNT_ID: string; JOB_QUEUE_URL: string };

/** What the Slack secret holds, e.g. `{"signingSecret":"8f7…","botToken":"xoxb-…"}`. */
export const SlackSecretSchema = z.object({
  signingSecret: z.string().min(1, { error: 'signingSecret is empty: copy it from the Slack app’s Basic Information page' }),
  botToken: z.string().startsWith('xoxb-', { error: 'botToken must be the bot token (xoxb-…) from OAuth & Permissions' }),
});

export type SlackSecret = z.infer<typeof SlackSecretSchema>;

/** Everything a Meshbot Lambda is built from: its environment and Slack's credentials. */
export interface LambdaSettings {
  env: LambdaEnv;
  slack: SlackSecret;
}

/** A setting is missing or malformed: the function cannot start until its configuration is fixed. */
export class LambdaSettingsError extends Error {
  override readonly name = 'LambdaSettingsError';
}

/** Reads a secret's string by ARN. */
export type ReadSecret = (arn: string) => Promise<string | undefined>;

/** Read a secret string from Secrets Manager (the function's own role may read only the Slack secret). */
function secretsManagerReader(region: string): ReadSecret {
  return async (arn) => {
    const client = new SecretsManagerClient({ region });
    try {
      return (await client.send(new GetSecretValueCommand({ SecretId: arn }))).SecretString;
    } finally {
      // Read once per cold start: keep no sockets open between invocations.
      client.destroy();
    }
  };
}

function parseSecret(text: string | undefined, arn: string): SlackSecret {
  let json: unknown;
  try {
    json = JSON.parse(text ?? '');
  } catch {
    throw new LambdaSettingsError(`The Slack secret ${arn} is not JSON; put {"signingSecret":"…","botToken":"xoxb-…"} in it`);
  }
  const parsed = SlackSecretSchema.safeParse(json);
  if (!parsed.success) throw new LambdaSettingsError(`The Slack secret ${arn} is incomplete: ${formatIssues(parsed.error)}`);
  return parsed.data;
}

/**
 * Parse the environment and fetch the Slack secret (`SLACK_SECRET_ARN`); without an ARN, the
 * signing secret and bot token come from `SLACK_SIGNING_SECRET` / `SLACK_BOT_TOKEN` (local runs).
 * @example const settings = await loadLambdaSettings(process.env, secretsManagerReader('us-east-1'));
 */
export async function loadLambdaSettings(rawEnv: Readonly<Record<string, string | undefined>>, readSecret?: ReadSecret): Promise<LambdaSettings> {
  const parsed = LambdaEnvSchema.safeParse(rawEnv);
  if (!parsed.success) throw new LambdaSettingsError(`Meshbot's Lambda environment is incomplete: ${settingProblems(parsed.error).join('; ')}`);
  const env = parsed.data;
  if (env.SLACK_SECRET_ARN !== undefined) {
    const read = readSecret ?? secretsManagerReader(env.AWS_REGION);
    return { env, slack: parseSecret(await read(env.SLACK_SECRET_ARN), env.SLACK_SECRET_ARN) };
  }
  const missing = [env.SLACK_SIGNING_SECRET === undefined ? 'SLACK_SIGNING_SECRET' : undefined, env.SLACK_BOT_TOKEN === undefined ? 'SLACK_BOT_TOKEN' : undefined].filter((name) => name !== undefined);
  if (env.SLACK_SIGNING_SECRET === undefined || env.SLACK_BOT_TOKEN === undefined) {
    throw new LambdaSettingsError(
      `Meshbot's Lambda environment is incomplete: SLACK_SECRET_ARN is missing (the Slack secret; the Meshbot-Mesh stack sets it), and so ${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} needed in its place`,
    );
  }
  return { env, slack: { signingSecret: env.SLACK_SIGNING_SECRET, botToken: env.SLACK_BOT_TOKEN } };
}
