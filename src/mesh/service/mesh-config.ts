import * as z from 'zod';
import { AccountIdSchema } from '../domain/account-id';
import { SlackUserSchema } from '../domain/slack-user';

/**
 * How the mesh is set up, e.g. `{ meshAccountId: '555555555555', region: 'us-east-1',
 * meshAdmins: [{ teamId: 'T0SANDBOX', userId: 'U0ADMIN' }] }`; everything else has a default.
 */
export const MeshConfigSchema = z.object({
  meshAccountId: AccountIdSchema,
  region: z.string().min(1),
  /** Slack users who administer the mesh (enable accounts, map users, decide any request); without a team: in any workspace. */
  meshAdmins: z.array(SlackUserSchema.partial({ teamId: true })).default([]),
  /** Suffix of the resource links publishing creates back in the producer's catalog. */
  linkSuffix: z.string().regex(/^[a-z0-9_-]*$/).default('_link'),
  /** Default re-sync cadence of a product, in hours (aws-data-mesh-utils' schedule: every 4 hours). */
  defaultSyncEveryHours: z.number().int().min(0).max(168).default(4),
  /** A pending request gets a reminder after this many hours… */
  remindPendingAfterHours: z.number().positive().default(24),
  /** …and expires after this many. */
  expirePendingAfterHours: z.number().positive().default(168),
  /**
   * A subscription left GRANTING, MODIFYING or REVOKING this long without a write was interrupted (a
   * worker killed mid-job): the sweep finishes it. Longer than a worker may run (5 minutes on Lambda).
   */
  resumeInterruptedAfterMinutes: z.number().positive().default(15),
  /**
   * How long a granted subscription may wait for its RAM share to reach the consumer account before
   * it is FAILED (retry sends a new one): RAM invitations expire after 12 hours unanswered.
   */
  shareWaitHours: z.number().positive().max(12).default(12),
  /** Glue creates in flight at once while publishing. */
  publishConcurrency: z.number().int().min(1).max(64).default(8),
});

export type MeshConfigInput = z.input<typeof MeshConfigSchema>;
export type MeshConfig = z.infer<typeof MeshConfigSchema>;
