import type { BotDeps } from '../../bot-deps';
import { answerRefusal } from '../interaction/answer-refusal';
import { buttonValue, scopeOf, type ClickArgs } from '../interaction/interaction-scope';
import { replyToClicker } from '../interaction/reply-to-clicker';
import { showChange } from '../../notify/show-change';

/** [Cancel request] on the requester's message: CANCELLED, and every copy says so (the owners' buttons go). */
export function cancelListener(deps: BotDeps) {
  return async ({ ack, body, action, client, respond }: ClickArgs): Promise<void> => {
    await ack();
    const id = buttonValue(action);
    const { ctx, log } = scopeOf(deps, body, id);
    try {
      const cancelled = await deps.mesh.cancelRequest(ctx, { id });
      log.info('request cancelled');
      await showChange(deps, client, ctx, cancelled, log);
      // The Homes off the click's path: every copy shows the cancel already.
      await deps.jobs.enqueue({ kind: 'refresh', id, requestId: ctx.requestId, homesOnly: true });
    } catch (error) {
      await answerRefusal(deps, error, replyToClicker(client, body, respond, log), ctx, log, { clickedMessage: body.container.type === 'message' });
    }
  };
}
