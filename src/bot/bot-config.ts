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

/** The kind of a Slack token by its prefix (Slack's token types: xoxb- bot, xapp- app-level, xoxp- user). */
function tokenKind(token: string): string | undefined {
  if (token.startsWith('xoxb-')) return 'a bot token (xoxb-…)';
  if (token.startsWith('xapp-')) return 'an app-level token (xapp-…)';
  if (token.startsWith('xoxp-')) return 'a user token (xoxp-…)';
  return undefined;
}

/** A Slack token setting that must be of one kind; a token of another kind is named, and where it belongs. */
function slackToken(name: 'SLACK_BOT_TOKEN' | 'SLACK_APP_TOKEN') {
  const prefix = name === 'SLACK_BOT_TOKEN' ? 'xoxb-' : 'xapp-';
  const wanted =
    name === 'SLACK_BOT_TOKEN'
      ? 'the Bot User OAuth Token (xoxb-…, OAuth & Permissions)'
      : 'the app-level token (xapp-…, Basic Information → App-Level Tokens, scope connections:write)';
  return z.string().startsWith(prefix, {
    error: (issue) => {
      const input = typeof issue.input === 'string' ? issue.input : '';
      const other = name === 'SLACK_BOT_TOKEN' ? { prefix: 'xapp-', name: 'SLACK_APP_TOKEN' } : { prefix: 'xoxb-', name: 'SLACK_BOT_TOKEN' };
      const swapped = input.startsWith(other.prefix) ? `, which belongs in ${other.name}` : '';
      return `is ${tokenKind(input) ?? (input === '' ? 'empty' : 'not a Slack token')}${swapped}: set it to ${wanted}`;
    },
  });
}

/**
 * The bot's settings, read from the environment, e.g. `SLACK_SIGNING_SECRET`, `SLACK_BOT_TOKEN`,
 * `MESH_ACCOUNT_ID=555555555555`, `MESH_ADMINS=T0SANDBOX:U0ADMIN`, `PRODUCTS_CHANNEL=C0PRODUCTS`.
 */
export const BotEnvSchema = z.object({
  SLACK_SIGNING_SECRET: z.string().min(1).optional(),
  SLACK_BOT_TOKEN: slackToken('SLACK_BOT_TOKEN').optional(),
  SLACK_APP_TOKEN: slackToken('SLACK_APP_TOKEN').optional(),
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

/**
 * One line per problem of the settings, each naming its variable: `SLACK_APP_TOKEN is missing: …`,
 * `SLACK_BOT_TOKEN is an app-level token (xapp-…) (it belongs in SLACK_APP_TOKEN): …`.
 */
export function settingProblems(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const key = issue.path.map(String).join('.');
    if (key === '' || issue.message.startsWith(key)) return issue.message;
    return issue.message.startsWith('is ') ? `${key} ${issue.message}` : `${key}: ${issue.message}`;
  });
}
