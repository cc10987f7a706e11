import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { webApi } from '@slack/bolt';
import { resolveBotIdentity, type BotIdentity } from '../../mesh/aws/bot-identity';
import { TABLES } from '../../mesh/store/table-definitions';
import { checkTables } from '../../mesh/store/table-check';
import type { SocketEnv } from './socket-env';

/** One thing Socket Mode needs, found ready or not, in words. */
export interface CheckLine {
  ok: boolean;
  what: string;
  detail: string;
}

/** What a Socket Mode start would use, and whether all of it is ready; the identity to act from when it is. */
export interface SocketCheck {
  ok: boolean;
  lines: CheckLine[];
  identity?: BotIdentity;
}

/** The Slack error code of a refused Web API call (`invalid_auth`); undefined when Slack was not reached. */
function slackError(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'data' in error) {
    const data = (error as { data?: { error?: unknown } }).data;
    if (typeof data?.error === 'string') return data.error;
  }
  return undefined;
}

const unreachable = (error: unknown): string => `Slack could not be reached (${error instanceof Error ? error.message : String(error)})`;

/** A Web API client for the checks: no retries, and failures told by the check rather than logged. */
function checkClient(token: string, env: SocketEnv): webApi.WebClient {
  return new webApi.WebClient(token, { ...(env.SLACK_API_URL !== undefined && { slackApiUrl: env.SLACK_API_URL }), retryConfig: { retries: 0 }, logLevel: webApi.LogLevel.ERROR });
}

async function checkBotToken(client: webApi.WebClient): Promise<{ line: CheckLine; teamId?: string }> {
  try {
    const auth = await client.auth.test();
    return {
      line: { ok: true, what: 'Slack bot token', detail: `workspace ${auth.team ?? '?'} (${auth.team_id ?? '?'}) as @${auth.user ?? '?'} (${auth.user_id ?? '?'})` },
      ...(auth.team_id !== undefined && { teamId: auth.team_id }),
    };
  } catch (error) {
    const code = slackError(error);
    return { line: { ok: false, what: 'Slack bot token', detail: code === undefined ? unreachable(error) : `Slack refused SLACK_BOT_TOKEN (${code}): copy the Bot User OAuth Token (xoxb-…) from OAuth & Permissions again` } };
  }
}

async function checkAppToken(env: SocketEnv): Promise<CheckLine> {
  const client = checkClient(env.SLACK_APP_TOKEN, env);
  try {
    // Mints a WebSocket URL without connecting to it: proves the token and that Socket Mode is on.
    await client.apps.connections.open();
    return { ok: true, what: 'Slack app token', detail: 'Socket Mode is on for the app' };
  } catch (error) {
    const code = slackError(error);
    if (code === undefined) return { ok: false, what: 'Slack app token', detail: unreachable(error) };
    const hint = code === 'not_allowed_token_type' ? 'it is not an app-level token' : 'turn Socket Mode on (Settings → Socket Mode) and copy the app-level token with connections:write';
    return { ok: false, what: 'Slack app token', detail: `Slack refused SLACK_APP_TOKEN (${code}): ${hint}` };
  }
}

async function checkAdmins(env: SocketEnv, client: webApi.WebClient, teamId: string | undefined): Promise<CheckLine> {
  const elsewhere = env.MESH_ADMINS.filter((admin) => teamId !== undefined && admin.teamId !== undefined && admin.teamId !== teamId);
  if (elsewhere.length > 0) {
    return { ok: false, what: 'Mesh admins', detail: `${elsewhere.map((a) => `${a.teamId ?? ''}:${a.userId}`).join(', ')} belong${elsewhere.length === 1 ? 's' : ''} to another workspace than the bot’s (${teamId ?? '?'})` };
  }
  const named = env.MESH_ADMINS.map((a) => a.userId);
  if (env.MESH_ADMIN_GROUP === undefined) return { ok: true, what: 'Mesh admins', detail: named.join(', ') };
  try {
    const members = (await client.usergroups.users.list({ usergroup: env.MESH_ADMIN_GROUP })).users ?? [];
    return { ok: true, what: 'Mesh admins', detail: [...named, `the ${String(members.length)} member${members.length === 1 ? '' : 's'} of ${env.MESH_ADMIN_GROUP}`].join(', ') };
  } catch (error) {
    return { ok: false, what: 'Mesh admins', detail: `MESH_ADMIN_GROUP ${env.MESH_ADMIN_GROUP} cannot be read (${slackError(error) ?? unreachable(error)}): is it a user group id, and has the app the usergroups:read scope?` };
  }
}

async function checkStore(env: SocketEnv, identity: BotIdentity): Promise<CheckLine> {
  const client = new DynamoDBClient({ region: env.AWS_REGION, ...(identity.credentials !== undefined && { credentials: identity.credentials }), maxAttempts: 2 });
  try {
    const problems = await checkTables(client, env.TABLE_PREFIX);
    return problems.length === 0
      ? { ok: true, what: 'DynamoDB tables', detail: `${String(TABLES.length)} tables ${env.TABLE_PREFIX}* in ${env.AWS_REGION}` }
      : { ok: false, what: 'DynamoDB tables', detail: `${problems.map((p) => `${p.table} ${p.problem}`).join('; ')}: deploy the Meshbot-Mesh stack in ${env.AWS_REGION} (or set TABLE_PREFIX, AWS_REGION)` };
  } catch (error) {
    return { ok: false, what: 'DynamoDB tables', detail: `cannot be read as MeshbotBot (${error instanceof Error ? `${error.name}: ${error.message}` : String(error)})` };
  } finally {
    client.destroy();
  }
}

/**
 * Check what Socket Mode needs before connecting: Slack's two tokens (auth.test, apps.connections.open),
 * the mesh admins, the AWS identity (MeshbotBot, assumed for a developer when needed) and the tables.
 */
export async function checkSocketBot(env: SocketEnv): Promise<SocketCheck> {
  const client = checkClient(env.SLACK_BOT_TOKEN, env);
  const [bot, app, aws] = await Promise.all([checkBotToken(client), checkAppToken(env), resolveBotIdentity({ region: env.AWS_REGION, meshAccountId: env.MESH_ACCOUNT_ID })]);
  const admins = await checkAdmins(env, client, bot.teamId);
  const lines: CheckLine[] = [bot.line, app, admins, { ok: true, what: 'Products channel', detail: `${env.PRODUCTS_CHANNEL} (the bot must be a member: /invite it there)` }];
  if (!aws.ok) {
    lines.push({ ok: false, what: 'AWS identity', detail: aws.problem });
    return { ok: false, lines };
  }
  const { identity } = aws;
  lines.push({
    ok: true,
    what: 'AWS identity',
    detail: identity.assumed ? `${identity.callerArn}, acting as ${identity.botRoleArn} (assumed for this run)` : `${identity.callerArn} (MeshbotBot itself)`,
  });
  lines.push(await checkStore(env, identity));
  return { ok: lines.every((line) => line.ok), lines, identity };
}
