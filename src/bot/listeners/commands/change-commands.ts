import type { Subscription } from '../../../mesh/domain/subscription';
import { buildConfirmationMessage } from '../../blocks/confirmation-message';
import { code, mention } from '../../blocks/mrkdwn';
import { sameUser } from '../../../mesh/rules/actor';
import { buildModifyConfirmationMessage } from '../../blocks/modify-confirmation-message';
import { statusBadge } from '../../blocks/subscription-facts';
import { subscriptionLockKey } from '../../../mesh/execute/grant-lock-key';
import type { CommandOf } from '../../commands/mesh-command';
import { showChange } from '../../notify/show-change';
import { replyToOf, type CommandScope } from './command-scope';

/** `Subscription `01J…` (product `telco-…`, account `999…`)`: which record a confirmation is about. */
function subscriptionText(subscription: Subscription): string {
  return `subscription ${code(subscription.id)} (${code(subscription.productId)} for account ${code(subscription.consumerAccountId)})`;
}

/** The subscription a command names, once the mesh allows the user the move on it as it is now (the job's operation judges again). */
async function judged(scope: CommandScope, id: string, move: 'revoke' | 'retry'): Promise<Subscription> {
  return (await scope.deps.mesh.checkMove(scope.ctx, { id, move })).subscription;
}

/**
 * `/mesh modify <id> <permissions> <reason…>`: nothing changes yet. The mesh plans the change as it
 * would make it (refusing at once what it would refuse), and the answer shows what it adds and
 * removes, with [Confirm] [Cancel]; [Confirm] queues the `modify` job.
 */
export async function answerModify(scope: CommandScope, command: CommandOf<'modify'>): Promise<void> {
  const { subscription, decision } = await scope.deps.mesh.previewDecision(scope.ctx, {
    id: command.subscriptionId,
    kind: 'modify',
    changes: { permissions: command.permissions },
  });
  await scope.reply(buildModifyConfirmationMessage({ subscription, decision, permissions: command.permissions, reason: command.reason }));
}

/** `/mesh revoke <id> <reason…>`: a `revoke` job revokes the grants and deletes the links; the reason is recorded. */
export async function answerRevoke(scope: CommandScope, command: CommandOf<'revoke'>): Promise<void> {
  const subscription = await judged(scope, command.subscriptionId, 'revoke');
  await scope.deps.jobs.enqueue({ kind: 'revoke', id: subscription.id, reason: command.reason, ctx: scope.ctx, replyTo: replyToOf(scope), group: subscriptionLockKey(subscription) });
  await scope.reply(
    buildConfirmationMessage(
      { mrkdwn: `Revoking ${subscriptionText(subscription)}…` },
      'The requester is told, with your reason. You are told here when the grants are revoked.',
    ),
  );
}

/** `/mesh retry <id>`: a `retry` job grants (or revokes) what did not finish. */
export async function answerRetry(scope: CommandScope, command: CommandOf<'retry'>): Promise<void> {
  const subscription = await judged(scope, command.subscriptionId, 'retry');
  await scope.deps.jobs.enqueue({ kind: 'retry', id: subscription.id, ctx: scope.ctx, replyTo: replyToOf(scope), group: subscriptionLockKey(subscription) });
  await scope.reply(
    buildConfirmationMessage(
      { mrkdwn: `Retrying ${subscriptionText(subscription)}…` },
      { mrkdwn: `It is ${statusBadge(subscription.status)}; only the entries not done yet are sent again. You are told here how it went.` },
    ),
  );
}

/** `/mesh cancel <id>`: the requester withdraws a pending request; every message showing it is updated. */
export async function answerCancel(scope: CommandScope, command: CommandOf<'cancel'>): Promise<void> {
  const change = await scope.deps.mesh.cancelRequest(scope.ctx, { id: command.subscriptionId });
  const cancelled = change.subscription;
  // As the [Cancel request] button does: every copy updated now (best effort), Homes by the refresh job.
  await showChange(scope.deps, scope.client, scope.ctx, change, scope.log);
  await scope.deps.jobs.enqueue({ kind: 'refresh', id: cancelled.id, requestId: scope.ctx.requestId, homesOnly: true });
  // A mesh admin may cancel someone else's request.
  const whose = sameUser(cancelled.requester, scope.ctx.user) ? 'your request' : `the request of ${mention(cancelled.requester).mrkdwn}`;
  await scope.reply(buildConfirmationMessage({ mrkdwn: `Cancelled ${whose} ${code(cancelled.id)} for ${code(cancelled.productId)}.` }, 'The owners’ messages now show it as cancelled.'));
}
