import * as z from 'zod';
import { AccountIdSchema } from '../mesh/domain/account-id';

/** `T0SANDBOX:U0ADMIN` or `U0ADMIN` (any workspace) → a configured mesh admin. */
const AdminSchema = z
  .string()
  .trim()
  .regex(/^(?:[TE][A-Z0-9]+:)?[UW][A-Z0-9]+$/, { error: (issue) => `${JSON.stringify(issue.input)} is not a Slack user id (U…, or T…:U…)` })
  .transform((text) => {
    const colon = text.indexOf(':');
    return colon === -1 ? { teamId: undefined, userId: text } : { teamId: text.slice(0, colon), userId: text.slice(colon + 1) };
  });

const CommaList = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .string()
    .default('')
    .transform((text) => text.split(',').map((part) => part.trim()).filter(Boolean))
    .pipe(z.array(item));

/**
 * The bot's settings, read from the environment, e.g. `SLACK_SIGNING_SECRET`, `SLACK_BOT_TOKEN`,
 * `MESH_ACCOUNT_ID=555555555555`, `MESH_ADMINS=T0SANDBOX:U0ADMIN`, `PRODUCTS_CHANNEL=C0PRODUCTS`.
 */
export const BotEnvSchema = z.object({
  SLACK_SIGNING_SECRET: z.string().min(1).optional(),
  SLACK_BOT_TOKEN: z.string().startsWith('xoxb-', { error: 'SLACK_BOT_TOKEN must be a bot token (xoxb-…)' }).optional(),
  SLACK_APP_TOKEN: z.string().startsWith('xapp-', { error: 'SLACK_APP_TOKEN must be an app-level token (xapp-…)' }).optional(),
  MESH_ACCOUNT_ID: AccountIdSchema.optional(),
  AWS_REGION: z.string().min(1).default('us-east-1'),
  MESH_ADMINS: CommaList(AdminSchema),
  /** A Slack user group whose members are mesh admins too. */
  MESH_ADMIN_GROUP: z.string().regex(/^S[A-Z0-9]+$/).optional(),
  PRODUCTS_CHANNEL: z.string().regex(/^[CG][A-Z0-9]+$/, { error: 'PRODUCTS_CHANNEL must be a channel id (C…)' }).optional(),
  TABLE_PREFIX: z.string().default('meshbot-'),
  JOB_QUEUE_URL: z.url().optional(),
  /** Set in Lambda: the Secrets Manager secret holding the Slack signing secret and bot token. */
  SLACK_SECRET_ARN: z.string().startsWith('arn:').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** The Web API base URL (`https://slack.com/api/` when unset): the fake Slack API in tests. */
  SLACK_API_URL: z.url().optional(),
});

export type BotEnv = z.infer<typeof BotEnvSchema>;

/** Which wiring `npm start` uses: Socket Mode with a real workspace, or the embedded sandbox. */
export type RunMode = 'socket' | 'sandbox';

/**
 * Socket Mode as soon as a Slack token is set (a missing one is then reported, never silently
 * replaced by the sandbox); the sandbox when neither is.
 */
export function runModeOf(env: BotEnv): RunMode {
  return env.SLACK_APP_TOKEN !== undefined || env.SLACK_BOT_TOKEN !== undefined ? 'socket' : 'sandbox';
}
