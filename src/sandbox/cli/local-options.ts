import { parseArgs } from 'node:util';
import * as z from 'zod';
import { formatIssues } from '../../mesh/domain/format-issues';

/** The sandbox's default ports, the same for `npm start` and `npm run sandbox`. */
export const DEFAULT_PORTS = { bot: 3000, aws: 4566, dynamo: 4567 } as const;

/** Where `--persist` keeps the AWS world (`world.json`) and DynamoDB (`dynamo/`). */
export const DEFAULT_STATE_DIR = '.sandbox';

const Port = z.coerce.number().int().min(0).max(65_535);
const LocalUrl = z.url({ protocol: /^https?$/, error: 'must be an http:// URL such as http://127.0.0.1:4566' }).transform((url) => url.replace(/\/+$/, ''));

/** What `npm start` and `npm run sandbox` were asked to do. */
export const LocalOptionsSchema = z.object({
  /** The bot, the fake Slack Web API and the console (`npm start` only). */
  port: Port,
  /** The AWS emulator and dynalite, when this process starts them. */
  awsPort: Port,
  dynamoPort: Port,
  /** Keep the AWS world and DynamoDB in this folder across restarts; unset: in memory. */
  stateDir: z.string().min(1).optional(),
  /** Use a sandbox that is already running (`npm run sandbox`) instead of starting one. */
  attach: z.object({ awsEndpoint: LocalUrl, dynamoEndpoint: LocalUrl }).optional(),
  /** Say what would be used, and whether it is ready, without starting. */
  check: z.boolean(),
  help: z.boolean(),
});

export type LocalOptions = z.infer<typeof LocalOptionsSchema>;

/** The command line could not be understood; the message says which option and why, then the usage. */
export class LocalUsageError extends Error {
  override readonly name = 'LocalUsageError';
}

/** Which command is parsing: `npm start` (bot, console, sandbox or Socket Mode) or `npm run sandbox` (AWS and DynamoDB only). */
export type LocalCommand = 'start' | 'sandbox';

export const USAGE: Record<LocalCommand, string> = {
  start: [
    'usage: npm start [-- options]',
    '  --persist                 keep the AWS world and DynamoDB in .sandbox/ across restarts (default: in memory)',
    '  --state-dir <dir>         keep them in <dir> instead',
    `  --port <n>                the bot, fake Slack API and console (env PORT, default ${String(DEFAULT_PORTS.bot)})`,
    `  --aws-port <n>            the AWS emulator (env SANDBOX_PORT, default ${String(DEFAULT_PORTS.aws)})`,
    `  --dynamo-port <n>         DynamoDB, dynalite (env DYNAMO_PORT, default ${String(DEFAULT_PORTS.dynamo)})`,
    '  --aws-endpoint <url>      attach to a running sandbox (npm run sandbox) instead of starting one',
    `  --dynamo-endpoint <url>   its DynamoDB (default: the same host, port ${String(DEFAULT_PORTS.dynamo)})`,
    '  --check                   say what would be used and whether it is ready, then exit',
    'With SLACK_APP_TOKEN and SLACK_BOT_TOKEN set, npm start runs in Socket Mode instead (see README).',
  ].join('\n'),
  sandbox: [
    'usage: npm run sandbox [-- options]',
    '  --persist                 keep the AWS world and DynamoDB in .sandbox/ across restarts (default: in memory)',
    '  --state-dir <dir>         keep them in <dir> instead',
    `  --aws-port <n>            the AWS emulator (env SANDBOX_PORT, default ${String(DEFAULT_PORTS.aws)})`,
    `  --dynamo-port <n>         DynamoDB, dynalite (env DYNAMO_PORT, default ${String(DEFAULT_PORTS.dynamo)})`,
  ].join('\n'),
};

const COMMON = {
  persist: { type: 'boolean' },
  'state-dir': { type: 'string' },
  'aws-port': { type: 'string' },
  'dynamo-port': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const START_ONLY = {
  port: { type: 'string' },
  'aws-endpoint': { type: 'string' },
  'dynamo-endpoint': { type: 'string' },
  check: { type: 'boolean' },
} as const;

interface RawValues {
  persist?: boolean;
  'state-dir'?: string;
  'aws-port'?: string;
  'dynamo-port'?: string;
  help?: boolean;
  port?: string;
  'aws-endpoint'?: string;
  'dynamo-endpoint'?: string;
  check?: boolean;
}

function refuse(command: LocalCommand, why: string): never {
  throw new LocalUsageError(`${why}\n${USAGE[command]}`);
}

/** The DynamoDB beside a running sandbox: the same host, dynalite's default port. */
function dynamoBeside(awsEndpoint: string): string {
  try {
    const url = new URL(awsEndpoint);
    url.port = String(DEFAULT_PORTS.dynamo);
    return url.origin;
  } catch {
    return awsEndpoint;
  }
}

/** Parse the options of `npm start` or `npm run sandbox` (same names, same defaults, same environment variables). */
export function parseLocalOptions(command: LocalCommand, argv: readonly string[], env: NodeJS.ProcessEnv): LocalOptions {
  let values: RawValues;
  try {
    ({ values } = parseArgs({ args: [...argv], options: command === 'start' ? { ...COMMON, ...START_ONLY } : COMMON, strict: true, allowPositionals: false }));
  } catch (error) {
    refuse(command, error instanceof Error ? error.message : String(error));
  }
  const attaching = values['aws-endpoint'] !== undefined;
  if (values['dynamo-endpoint'] !== undefined && !attaching) refuse(command, '--dynamo-endpoint needs --aws-endpoint: both name a running sandbox.');
  if (attaching) {
    const ownWorld = (['persist', 'state-dir', 'aws-port', 'dynamo-port'] as const).filter((name) => values[name] !== undefined);
    if (ownWorld.length > 0) refuse(command, `--aws-endpoint attaches to a running sandbox, which keeps its own state and ports: drop ${ownWorld.map((name) => `--${name}`).join(' and ')}.`);
  }
  const awsEndpoint = values['aws-endpoint'];
  const parsed = LocalOptionsSchema.safeParse({
    port: values.port ?? env.PORT ?? DEFAULT_PORTS.bot,
    awsPort: values['aws-port'] ?? env.SANDBOX_PORT ?? DEFAULT_PORTS.aws,
    dynamoPort: values['dynamo-port'] ?? env.DYNAMO_PORT ?? DEFAULT_PORTS.dynamo,
    stateDir: values['state-dir'] ?? (values.persist === true ? DEFAULT_STATE_DIR : undefined),
    attach: awsEndpoint === undefined ? undefined : { awsEndpoint, dynamoEndpoint: values['dynamo-endpoint'] ?? dynamoBeside(awsEndpoint) },
    check: values.check === true,
    help: values.help === true,
  });
  if (!parsed.success) refuse(command, formatIssues(parsed.error));
  return parsed.data;
}
