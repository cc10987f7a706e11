import { isSystem, type Caller } from './request-context';

/** What a log line is about, beside who asked. */
export interface LogSubject {
  subscriptionId?: string;
  productId?: string;
  accountId?: string;
}

/**
 * The fields of every log line about one request, the same in the bot and the mesh: the request id,
 * the workspace and Slack user (or the system task), what the caller was doing (command, action, job)
 * and what the line is about. Ids only: never names, tokens or secrets.
 */
export function logFields(ctx: Caller, about: LogSubject = {}): Record<string, string> {
  const who = isSystem(ctx) ? { system: ctx.system } : { team: ctx.user.teamId, user: ctx.user.userId };
  const fields: Record<string, string | undefined> = { requestId: ctx.requestId, ...who, ...ctx.origin, ...about };
  return Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
