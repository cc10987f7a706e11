import type { BotDeps } from '../../bot-deps';
import { buttonValue, scopeOf, type ClickArgs } from '../interaction/interaction-scope';
import { replyToClicker } from '../interaction/reply-to-clicker';
import { openRequestModal } from './open-request-modal';

/** [Request access] on a product card, a product list or App Home: the request modal for that product. */
export function requestAccessListener(deps: BotDeps) {
  return async ({ ack, body, action, client, respond }: ClickArgs): Promise<void> => {
    await ack();
    const productId = buttonValue(action);
    const { ctx, log } = scopeOf(deps, body);
    await openRequestModal(deps, client, { triggerId: body.trigger_id, ctx, productId, reply: replyToClicker(client, body, respond, log) });
  };
}
