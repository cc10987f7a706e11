import type { App, BlockAction, ViewSubmitAction } from '@slack/bolt';
import type { BotDeps } from '../bot-deps';
import { ACTIONS, actionIdPattern, VIEWS } from '../interaction-ids';
import { requestAccessListener } from './request/request-access-click';
import { requestSubmission } from './request/submit-request';
import { tableSearchListener } from './request/table-search';

/** Register the request flow: [Request access] → the request modal → its submission, and the table search. */
export function registerRequestListeners(app: App, deps: BotDeps): void {
  app.action<BlockAction>(actionIdPattern(ACTIONS.requestAccess), requestAccessListener(deps));
  app.view<ViewSubmitAction>(VIEWS.request, requestSubmission(deps));
  app.options(ACTIONS.requestTablesSearch, tableSearchListener(deps));
}
