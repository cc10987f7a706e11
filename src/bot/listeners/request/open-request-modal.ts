import type { webApi } from '@slack/bolt';
import type { RequestContext } from '../../../mesh/service/request-context';
import type { BotDeps } from '../../bot-deps';

/** What to prefill in the request modal (from a partial `/mesh request` command). */
export interface RequestPrefill {
  tables?: string[] | 'all';
  permissions?: string[];
  reason?: string;
}

/**
 * Open the request modal for a product at once (a loading view, within the trigger's 3 s), then fill
 * it with the product's tables and offered permissions and the user's consumer accounts.
 */
export async function openRequestModal(
  deps: BotDeps,
  client: webApi.WebClient,
  args: { triggerId: string; ctx: RequestContext; productId: string; prefill?: RequestPrefill },
): Promise<void> {
  deps.logger.warn({ productId: args.productId }, 'request modal not implemented yet');
  await Promise.resolve(client);
}
