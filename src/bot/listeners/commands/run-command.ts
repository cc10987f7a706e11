import type { MeshCommand } from '../../commands/mesh-command';
import { answerAdminAccounts, answerAdminEnable, answerAdminMap, answerAdminUnmap, answerWhoami } from './account-commands';
import { answerCancel, answerModify, answerRetry, answerRevoke } from './change-commands';
import type { CommandScope } from './command-scope';
import { answerHelp } from './help-command';
import { answerProduct, answerProducts } from './product-commands';
import { answerPublish } from './publish-command';
import { answerRequest } from './request-command';
import { answerPending, answerSubscription, answerSubscriptions } from './subscription-commands';

/** Run one parsed command after its ack: one handler per command, each answering the user itself. */
export function runCommand(scope: CommandScope, command: MeshCommand): Promise<void> {
  switch (command.kind) {
    case 'help':
      return answerHelp(scope, command.topic);
    case 'publish':
      return answerPublish(scope, command);
    case 'products':
      return answerProducts(scope, command);
    case 'product':
      return answerProduct(scope, command);
    case 'request':
      return answerRequest(scope, command);
    case 'pending':
      return answerPending(scope);
    case 'subscriptions':
      return answerSubscriptions(scope, command);
    case 'subscription':
      return answerSubscription(scope, command);
    case 'modify':
      return answerModify(scope, command);
    case 'revoke':
      return answerRevoke(scope, command);
    case 'cancel':
      return answerCancel(scope, command);
    case 'retry':
      return answerRetry(scope, command);
    case 'whoami':
      return answerWhoami(scope);
    case 'admin-map':
      return answerAdminMap(scope, command);
    case 'admin-unmap':
      return answerAdminUnmap(scope, command);
    case 'admin-enable':
      return answerAdminEnable(scope, command);
    case 'admin-accounts':
      return answerAdminAccounts(scope);
  }
}
