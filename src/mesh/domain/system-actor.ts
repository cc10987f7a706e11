import * as z from 'zod';

/**
 * The bot acting on its own, as a subscription's history records it: `{ system: 'expiry-sweep' }`
 * names the task (the sweep, a job), never a person.
 */
export const SystemActorSchema = z.object({ system: z.string() });

export type SystemActor = z.infer<typeof SystemActorSchema>;

/**
 * The STS SourceIdentity of the bot's own work in AWS (the sweep's syncs, resumed jobs), so CloudTrail
 * tells it from any person's. STS takes 2–64 characters of `[\w+=,.@-]`; a Slack user id is upper-case
 * letters and digits (`U0ADMIN`, see SlackUserSchema), so this lower-case, hyphenated name can never be
 * taken for a person; it starts like the role session names (`meshbot-<request id>`), so one prefix
 * finds the bot in CloudTrail.
 */
export const SYSTEM_SOURCE_IDENTITY = 'meshbot-system';

/** What AWS is told acts (the SourceIdentity): the Slack user's id, or the bot's own `meshbot-system`. */
export function sourceIdentityOf(actor: { userId: string } | SystemActor): string {
  return 'userId' in actor ? actor.userId : SYSTEM_SOURCE_IDENTITY;
}
