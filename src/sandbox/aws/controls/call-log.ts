import * as z from 'zod';
import { createCallLog as createGenericCallLog, SinceTextSchema, type CallLog as GenericCallLog } from '../../calls/call-log';
import type { ServiceName } from '../service-name';

// Sources: AWS CloudTrail User Guide, "CloudTrail record contents"
// (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html):
// what a record keeps follows it — eventSource/eventName (service, operation), recipientAccountId,
// userIdentity.arn and sessionContext.sourceIdentity, errorCode (outcome). The control itself
// (`/_sandbox/calls`) is the sandbox's own API, on which the AWS documentation is silent.

/** One authenticated call, as listed by `GET /_sandbox/calls`. */
export interface CallRecord {
  /** ISO time on the emulator clock. */
  at: string;
  requestId: string;
  service: ServiceName;
  operation: string;
  accountId: string;
  arn: string;
  roleName: string | null;
  sessionName: string | null;
  sourceIdentity: string | null;
  /** `ok` or the error code answered (for the whole call). */
  outcome: string;
  /** Whether a sandbox fault fired in this call (whole call or one of its entries). */
  injected: boolean;
}

/** Filters of `GET /_sandbox/calls?service=&operation=&accountId=&since=` (since: ISO time or epoch ms). */
export const CallFilterSchema = z
  .object({
    service: z.string().optional(),
    operation: z.string().optional(),
    accountId: z.string().optional(),
    since: SinceTextSchema.optional(),
  })
  .strict();

export type CallFilter = z.infer<typeof CallFilterSchema>;

/**
 * The record of AWS calls, newest last; `counts` are per `service.operation`, e.g.
 * `{ "lakeformation.BatchGrantPermissions": 3 }`.
 */
export type CallLog = GenericCallLog<CallRecord, CallRecord, CallFilter>;

/** An empty call log of AWS calls. */
export function createCallLog(): CallLog {
  return createGenericCallLog<CallRecord, CallRecord, CallFilter>({
    toRecord: (call) => call,
    nameOf: (r) => `${r.service}.${r.operation}`,
    matches: (r, filter) =>
      (filter.service === undefined || r.service === filter.service) &&
      (filter.operation === undefined || r.operation === filter.operation) &&
      (filter.accountId === undefined || r.accountId === filter.accountId),
  });
}
