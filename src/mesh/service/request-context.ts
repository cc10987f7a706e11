import * as z from 'zod';
import type { SlackUser } from '../domain/slack-user';
import type { Actor } from '../domain/actor';

/** What the caller was doing when it asked (`/mesh approve`, a button, a job), for the log lines of the request. */
export const RequestOriginSchema = z.object({
  command: z.string().max(64).optional(),
  action: z.string().max(255).optional(),
  job: z.string().max(64).optional(),
});

export type RequestOrigin = z.infer<typeof RequestOriginSchema>;

/** Who asks, and the id of the request, carried into logs and the STS session name. */
export interface RequestContext {
  user: SlackUser;
  requestId: string;
  origin?: RequestOrigin;
}

/**
 * Work the bot does on its own (the sweep, refreshing messages): which task, recorded as the actor, and
 * the id of the run. No Slack user: in AWS it acts as `meshbot-system` (see SYSTEM_SOURCE_IDENTITY).
 */
export interface SystemContext {
  system: string;
  requestId: string;
  origin?: RequestOrigin;
}

/** Whom an operation runs for: a person's request, or the bot's own work. */
export type Caller = RequestContext | SystemContext;

/** Whether the bot runs the operation on its own. */
export function isSystem(ctx: Caller): ctx is SystemContext {
  return 'system' in ctx;
}

/** The actor a caller is recorded as: the person, or `{ system: <task> }`. */
export function actorOf(ctx: Caller): Actor {
  return isSystem(ctx) ? { system: ctx.system } : ctx.user;
}

/**
 * Who acts in AWS for work done on someone's behalf: the bot itself when it runs the work on its own,
 * else `person` (e.g. the approver of the grant being executed), else the caller.
 */
export function actingAs(ctx: Caller, person: SlackUser | undefined): Actor {
  return isSystem(ctx) ? { system: ctx.system } : (person ?? ctx.user);
}
