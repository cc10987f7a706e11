import type { BotDeps } from '../../bot-deps';
import { subscriptionLockKey } from '../../../mesh/execute/grant-lock-key';
import { republishHomes } from '../app-home/publish-home';
import { answerRefusal } from '../interaction/answer-refusal';
import { buttonValue, clickedInHome, scopeOf, type ClickArgs } from '../interaction/interaction-scope';
import { replyToClicker } from '../interaction/reply-to-clicker';
import { showChange } from '../../notify/show-change';

/**
 * [Approve]: the one conditional write decides the winner (→ GRANTING); every copy of the request
 * then says "Granting… by @x" at once, and the grant job does the Lake Formation work (and shows its
 * outcome: the copies once more, the requester's DM, each App Home once). The loser of a
 * race, a second click, or a click by someone who may not decide changes nothing and is told why.
 */
export function approveListener(deps: BotDeps) {
  return async ({ ack, body, action, client, respond }: ClickArgs): Promise<void> => {
    await ack();
    const id = buttonValue(action);
    const { ctx, log } = scopeOf(deps, body, id);
    try {
      const approved = await deps.mesh.approveRequest(ctx, { id });
      log.info('approved; grant job queued');
      // The messages say Granting before the job starts, so its final update always lands last.
      await showChange(deps, client, ctx, approved, log);
      await deps.jobs.enqueue({ kind: 'grant', id, ctx, group: subscriptionLockKey(approved.subscription) });
      if (clickedInHome(body)) await republishHomes(deps, client, [ctx.user], ctx.requestId, log);
    } catch (error) {
      await answerRefusal(deps, error, replyToClicker(client, body, respond, log), ctx, log);
    }
  };
}
