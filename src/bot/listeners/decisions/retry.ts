import { buildConfirmationMessage } from '../../blocks/confirmation-message';
import { code } from '../../blocks/mrkdwn';
import type { BotDeps } from '../../bot-deps';
import { subscriptionLockKey } from '../../../mesh/execute/grant-lock-key';
import { buttonValue, scopeOf, type ClickArgs } from '../interaction/interaction-scope';
import { replyToClicker } from '../interaction/reply-to-clicker';
import { answerRefusal } from '../interaction/answer-refusal';

/**
 * [Retry] on a failed grant: once the mesh allows the clicker a retry of the subscription as it is
 * now, the retry job sends only the entries not yet granted, redoes the import, and updates every
 * message; the clicker is told it started. A refused clicker is told why, and nothing is queued.
 */
export function retryListener(deps: BotDeps) {
  return async ({ ack, body, action, client, respond }: ClickArgs): Promise<void> => {
    await ack();
    const id = buttonValue(action);
    const { ctx, log } = scopeOf(deps, body, id);
    const reply = replyToClicker(client, body, respond, log);
    try {
      const { subscription } = await deps.mesh.checkMove(ctx, { id, move: 'retry' });
      await deps.jobs.enqueue({ kind: 'retry', id, ctx, group: subscriptionLockKey(subscription) });
      log.info('retry job queued');
      await reply(buildConfirmationMessage({ mrkdwn: `Retrying ${code(id)}: only what is still missing is granted. The request message updates when it is done.` }));
    } catch (error) {
      await answerRefusal(deps, error, reply, ctx, log, { clickedMessage: body.container.type === 'message' });
    }
  };
}
