import type { RamInvitations, SharedResource } from '../aws/ram-invitations';
import { ShareNotReadyError } from '../errors';
import { backoffDelay, defaultSleep, type RetryPolicy } from '../execute/retry-policy';
import type { MeshDeps } from './mesh-deps';

/**
 * How long one job looks for a RAM share before leaving it for later: RAM associates shared resources
 * and sends the invitation asynchronously, usually within seconds (about 25 s at most here).
 */
export const SHARE_POLL: RetryPolicy = { maxAttempts: 6, baseDelayMs: 1_000, maxDelayMs: 10_000 };

/** The two sides of a cross-account share: who owns it and who receives it, each through RAM as its role session. */
export interface ShareSides {
  owner: { accountId: string; ram: RamInvitations };
  receiver: { accountId: string; ram: RamInvitations };
  /** The Glue ARNs the grants put in the share; all must be listed as shared. */
  resourceArns: readonly string[];
}

/** The shares the receiving account can use now, and the invitations accepted to get there. */
export interface ShareReady {
  shareArns: string[];
  accepted: string[];
}

/**
 * The shares that hold the expected resources, and the expected resources no share holds yet. The
 * owner may share other things with the same account (another share, made by hand or by another
 * tool): those shares are not the grant's, and their invitations are not the mesh's to accept.
 */
function sharesHolding(listed: readonly SharedResource[], resourceArns: readonly string[]): { shareArns: string[]; missing: string[] } {
  const expected = new Set(resourceArns);
  const holding = listed.filter((r) => expected.has(r.resourceArn));
  const listedArns = new Set(holding.map((r) => r.resourceArn));
  return { shareArns: [...new Set(holding.map((r) => r.shareArn))].sort(), missing: resourceArns.filter((arn) => !listedArns.has(arn)) };
}

/**
 * Wait, within SHARE_POLL, until RAM lists every expected resource as shared with the receiving
 * account and that account can use the shares holding them — accepting the owner's invitations to
 * exactly those shares, never another pending invitation of the same owner, and never taking a
 * missing invitation for an Organization share. Throws ShareNotReadyError saying what is still missing.
 */
export async function awaitShare(deps: MeshDeps, { owner, receiver, resourceArns }: ShareSides): Promise<ShareReady> {
  const { sleep = defaultSleep, random = Math.random } = deps.executor ?? {};
  let waitingFor = '';
  const accepted: string[] = [];
  for (let attempt = 1; attempt <= SHARE_POLL.maxAttempts; attempt++) {
    if (attempt > 1) await sleep(backoffDelay(SHARE_POLL, attempt, random));
    const { shareArns, missing } = sharesHolding(await owner.ram.sharedWith(receiver.accountId), resourceArns);
    if (missing.length > 0) {
      waitingFor = `RAM does not list ${missing.length} of ${resourceArns.length} granted resources as shared yet, e.g. ${missing[0] ?? ''}`;
      continue;
    }
    const outcome = await receiver.ram.accept(owner.accountId, shareArns);
    accepted.push(...outcome.accepted);
    if (outcome.notYetThere.length === 0) return { shareArns, accepted };
    waitingFor = `no invitation yet for ${outcome.notYetThere.join(', ')}`;
  }
  throw new ShareNotReadyError(receiver.accountId, waitingFor);
}
