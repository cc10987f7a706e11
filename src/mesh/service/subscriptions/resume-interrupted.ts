import type { Subscription } from '../../domain/subscription';
import type { SubscriptionStatus } from '../../domain/subscription-status';
import { MeshError } from '../../errors';
import { readAllPages } from '../../store/page';
import type { MeshDeps } from '../mesh-deps';
import { actorOf, type SystemContext } from '../request-context';
import { finishModify } from './modify-subscription';
import { finishRevoke } from './revoke-subscription';
import { grantSubscription } from './run-grant';
import { logFields } from '../log-fields';

/** Statuses a job leaves behind only while it works: one found there long after its last write was interrupted. */
const IN_FLIGHT: readonly SubscriptionStatus[] = ['GRANTING', 'MODIFYING', 'REVOKING'];

/** One interrupted subscription, after the attempt to finish it: where it ended, and why not ACTIVE or REVOKED when it failed. */
export interface Resumed {
  subscription: Subscription;
  /** Why finishing failed, when it did (the subscription then says FAILED, or REVOKING with the entries' results). */
  problem?: string;
}

/** Subscriptions GRANTING, MODIFYING or REVOKING whose last write is older than `updatedBeforeMs` (epoch ms). */
async function interruptedSubscriptions(deps: MeshDeps, updatedBeforeMs: number): Promise<Subscription[]> {
  const found: Subscription[] = [];
  for (const status of IN_FLIGHT) {
    const page = await readAllPages((p) => deps.stores.subscriptions.listByStatus(status, p));
    found.push(...page.filter((s) => Date.parse(s.updatedAt) < updatedBeforeMs));
  }
  return found;
}

/**
 * Finish the work of subscriptions a job left half-way (a worker killed, a process restarted): each is
 * recorded as resumed by the system (`retry` by `resume-sweep`, with how long it waited), then its
 * grant, modify or revoke runs again as the bot itself — in AWS as `meshbot-system`, not as the person
 * who started it, who did not ask for this run — all of which are safe to repeat.
 * By default the cutoff is `resumeInterruptedAfterMinutes` ago (longer than a worker may run).
 * A subscription another worker finishes meanwhile is left to it. Each outcome is returned, to tell
 * both sides.
 */
export async function resumeInterrupted(deps: MeshDeps, input: { updatedBeforeMs?: number; requestId: string }): Promise<Resumed[]> {
  const updatedBeforeMs = input.updatedBeforeMs ?? deps.clock() - deps.config.resumeInterruptedAfterMinutes * 60_000;
  const resumed: Resumed[] = [];
  for (const stuck of await interruptedSubscriptions(deps, updatedBeforeMs)) {
    const ctx: SystemContext = { system: 'resume-sweep', requestId: `${input.requestId}-${stuck.id}`.slice(0, 100) };
    const log = deps.logger.child({ ...logFields(ctx, { subscriptionId: stuck.id }), status: stuck.status });
    try {
      await deps.stores.subscriptions.record(
        stuck.id,
        { event: 'retry', actor: actorOf(ctx), at: new Date(deps.clock()).toISOString(), note: `${stuck.status} since ${stuck.updatedAt} without progress: resumed` },
        stuck.version,
      );
    } catch (error) {
      // Moved on since it was listed: a worker is at it, or finished it.
      if (!(error instanceof MeshError)) throw error;
      log.info({ code: error.code }, 'interrupted subscription moved on; left to its worker');
      continue;
    }
    log.warn('resuming an interrupted subscription');
    try {
      const finished = stuck.status === 'REVOKING' ? await finishRevoke(deps, ctx, stuck.id) : stuck.status === 'MODIFYING' ? await finishModify(deps, ctx, stuck.id) : await grantSubscription(deps, ctx, stuck.id);
      resumed.push({ subscription: finished, ...(finished.status === 'FAILED' && { problem: finished.history.at(-1)?.note ?? 'the grant failed' }) });
    } catch (error) {
      if (!(error instanceof MeshError)) throw error;
      const now = await deps.stores.subscriptions.get(stuck.id);
      resumed.push({ subscription: now ?? stuck, problem: error.message });
    }
  }
  return resumed;
}
