import * as z from 'zod';

/** A Slack user in a workspace: `{ teamId: 'T0SANDBOX', userId: 'U0PRODUCER' }`. */
export const SlackUserSchema = z.object({
  teamId: z.string().regex(/^[TE][A-Z0-9]+$/, { error: 'a Slack team id starts with T or E' }),
  userId: z.string().regex(/^[UW][A-Z0-9]+$/, { error: 'a Slack user id starts with U or W' }),
});

export type SlackUser = z.infer<typeof SlackUserSchema>;

/** Stable key of a Slack user across workspaces, e.g. `T0SANDBOX#U0PRODUCER`. */
export function slackUserKey(user: SlackUser): string {
  return `${user.teamId}#${user.userId}`;
}
