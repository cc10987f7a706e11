import * as z from 'zod';
import { SlackUserSchema } from './slack-user';
import { SystemActorSchema } from './system-actor';

/** Who did something: a Slack user, or the bot itself (sweeps, workers). */
export const ActorSchema = z.union([SlackUserSchema, SystemActorSchema]);

export type Actor = z.infer<typeof ActorSchema>;
