import type * as z from 'zod';
import { BotEnvSchema, settingProblems, type BotEnv } from '../bot-config';

/** What Socket Mode needs beyond the bot's common settings, each with where to find it. */
const REQUIRED = {
  SLACK_APP_TOKEN: 'is missing: Socket Mode needs the app-level token (xapp-…, Basic Information → App-Level Tokens, scope connections:write); unset SLACK_BOT_TOKEN to run the sandbox instead',
  SLACK_BOT_TOKEN: 'is missing: the Bot User OAuth Token (xoxb-…, OAuth & Permissions); unset SLACK_APP_TOKEN to run the sandbox instead',
  MESH_ACCOUNT_ID: 'is missing: the mesh account (12 digits) whose Meshbot-Mesh stack holds the bot’s tables and roles',
  PRODUCTS_CHANNEL: 'is missing: the channel id (C…) product cards are posted to (invite the bot there)',
} as const satisfies Partial<Record<keyof BotEnv, string>>;

/** The bot's settings in Socket Mode: Slack's two tokens, the mesh account, a products channel and at least one admin. */
export type SocketEnv = BotEnv & Required<Pick<BotEnv, keyof typeof REQUIRED>>;

/**
 * `BotEnvSchema` plus what Socket Mode needs (`npm start` with Slack tokens): every missing setting is
 * one issue naming it and where to find it. Without an admin (`MESH_ADMINS` or `MESH_ADMIN_GROUP`)
 * nobody could enable an account or map a person.
 */
export const SocketEnvSchema = BotEnvSchema.superRefine((env, ctx) => {
  for (const [key, why] of Object.entries(REQUIRED) as [keyof typeof REQUIRED, string][]) {
    if (env[key] === undefined) ctx.addIssue({ code: 'custom', path: [key], message: why });
  }
  if (env.MESH_ADMINS.length === 0 && env.MESH_ADMIN_GROUP === undefined) {
    ctx.addIssue({ code: 'custom', path: ['MESH_ADMINS'], message: 'is empty and MESH_ADMIN_GROUP is unset: name at least one mesh admin (T…:U…), or a user group (S…) whose members are, or nobody can enable accounts' });
  }
}).transform((env) => env as SocketEnv);

/** One line per problem of a Socket Mode configuration: `SLACK_APP_TOKEN is missing: …`. */
export function socketEnvProblems(error: z.ZodError): string[] {
  return settingProblems(error);
}
