import * as z from 'zod';
import { SlackUserSchema } from '../mesh/domain/slack-user';
import { NoticeRefSchema } from '../mesh/store/notice-store';
import { RequestOriginSchema } from '../mesh/service/request-context';

const ContextSchema = z.object({ user: SlackUserSchema, requestId: z.string().min(1), origin: RequestOriginSchema.optional() });

/** Where to tell the user who asked how it went (the channel of the command, or a DM). */
const ReplyToSchema = z.object({ channel: z.string().min(1), user: z.string().min(1) });

/** The FIFO group of a job that grants or revokes: its subscription's lock key (`subscriptionLockKey`). */
const GroupSchema = z.string().min(1).max(128).optional();

/**
 * Work that outlasts Slack's 3-second ack, run by the job queue: in this process locally, by the
 * worker Lambda from SQS in AWS. Every job carries the request context of the human it acts for.
 */
export const BotJobSchema = z.discriminatedUnion('kind', [
  /** Grant an approved subscription, import it on the consumer side, update its messages, tell the requester. */
  z.object({ kind: z.literal('grant'), id: z.string(), ctx: ContextSchema, group: GroupSchema }),
  /** Retry a FAILED (or stuck) subscription. */
  z.object({ kind: z.literal('retry'), id: z.string(), ctx: ContextSchema, replyTo: ReplyToSchema.optional(), group: GroupSchema }),
  /** Revoke an ACTIVE subscription. */
  z.object({ kind: z.literal('revoke'), id: z.string(), reason: z.string(), ctx: ContextSchema, replyTo: ReplyToSchema.optional(), group: GroupSchema }),
  /** Change the permissions of an ACTIVE subscription. */
  z.object({ kind: z.literal('modify'), input: z.record(z.string(), z.unknown()), ctx: ContextSchema, replyTo: ReplyToSchema.optional(), group: GroupSchema }),
  /** Publish (or re-publish) a product and post its card. */
  z.object({
    kind: z.literal('publish'),
    input: z.record(z.string(), z.unknown()),
    ctx: ContextSchema,
    replyTo: ReplyToSchema,
    /** The response URL of the message that says "Publishing…": the outcome replaces it. */
    progressUrl: z.url().optional(),
  }),
  /** Scheduled: product syncs due, pending reminders and expiry. */
  z.object({
    kind: z.literal('sweep'),
    requestId: z.string(),
    /**
     * Finish subscriptions left GRANTING, MODIFYING or REVOKING since before this time. Default: the
     * mesh config's `resumeInterruptedAfterMinutes` ago; a single process starting gives its start time
     * (whatever was in flight before it was interrupted: no other worker runs).
     */
    resumeUpdatedBefore: z.iso.datetime().optional(),
  }),
  /** Update every message showing a subscription to its current state and the Homes concerned (after any change); `homesOnly` when the messages show it already. */
  z.object({ kind: z.literal('refresh'), id: z.string(), requestId: z.string(), ref: NoticeRefSchema.optional(), homesOnly: z.boolean().optional() }),
]);

export type BotJob = z.infer<typeof BotJobSchema>;

/**
 * The SQS message group of a job. Jobs that grant or revoke carry the group of their subscription's
 * consumer account: every Lake Formation change for one account then runs in order across workers,
 * as the in-process lock orders them locally (overlapping subscriptions share grants and links).
 * Other jobs run in order per subscription, or per kind.
 */
export function jobGroup(job: BotJob): string {
  if ('group' in job && job.group !== undefined) return job.group;
  return 'id' in job ? job.id : job.kind;
}

/** A stable id per job for SQS deduplication (a Slack retry or a double click sends the same job twice). */
export function jobId(job: BotJob): string {
  return `${job.kind}:${'id' in job ? job.id : ''}:${'ctx' in job ? job.ctx.requestId : job.requestId}`;
}
