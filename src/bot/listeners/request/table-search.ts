import type { AllMiddlewareArgs, BlockSuggestion, SlackOptionsMiddlewareArgs } from '@slack/bolt';
import type { BotDeps } from '../../bot-deps';
import { RequestModalMetadataSchema } from '../../views/parse-request-modal';
import { buildTableSearchOptions } from '../../views/table-options';
import { decodeMetadata } from '../../views/view-state';
import { scopeOf } from '../interaction/interaction-scope';

/** An options request's listener arguments. */
type SuggestionArgs = SlackOptionsMiddlewareArgs<'block_suggestion'> & AllMiddlewareArgs;

/**
 * The tables menu of the request modal for products of more than 100 tables: Slack asks as the user
 * types; the answer is the product's tables containing the text. A modal that cannot be read gets
 * no options (Slack then shows "no results").
 */
export function tableSearchListener(deps: BotDeps) {
  return async ({ ack, body }: SuggestionArgs): Promise<void> => {
    const suggestion: BlockSuggestion = body;
    const metadata = decodeMetadata(RequestModalMetadataSchema, suggestion.view?.private_metadata);
    if (metadata === undefined) {
      await ack({ options: [] });
      return;
    }
    const { ctx, log } = scopeOf(deps, suggestion);
    try {
      const product = await deps.mesh.getProduct(ctx, { productId: metadata.productId });
      await ack(buildTableSearchOptions(product, suggestion.value));
    } catch (error) {
      log.warn({ err: error, productId: metadata.productId }, 'could not list tables for the search');
      await ack({ options: [] });
    }
  };
}
