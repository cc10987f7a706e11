import { InvalidInputError } from '../../../mesh/errors';
import { buildConfirmationMessage } from '../../blocks/confirmation-message';
import { code, joinCapped, mention, plural } from '../../blocks/mrkdwn';
import { permissionsText } from '../../blocks/subscription-facts';
import type { CommandOf } from '../../commands/mesh-command';
import { announceRequest } from '../../notify/announce-request';
import { openRequestModal } from '../request/open-request-modal';
import type { CommandScope } from './command-scope';
import { explainUnmapped } from './unmapped-refusal';

/** The refusal the mesh gives for tables a product does not have, under the `tables` field. */
function unknownTables(productId: string, tables: string[], productTables: readonly string[]): InvalidInputError {
  return new InvalidInputError({
    reason: 'unknown_table',
    params: { productId, tables, productTables },
    path: ['tables'],
    message: `product ${productId} has no table ${tables.join(', ')}`,
    hint: `its tables are ${productTables.join(', ')}`,
  });
}

/**
 * `/mesh request <product> [tables] [permissions] [--query-roles …] [reason…]`. Without a reason the request modal
 * opens, filled in with what was typed (called first thing: the trigger id lives 3 s). With one, the
 * request is recorded, the owners get it with the decision buttons, and the user its id.
 */
export async function answerRequest(scope: CommandScope, command: CommandOf<'request'>): Promise<void> {
  const { deps, ctx } = scope;
  if (command.needsModal || command.reason === undefined || command.permissions === undefined) {
    // Refused here, before any modal: a product that is not there, or a table it does not have
    // (a modal would open with that table silently left out).
    const product = await deps.mesh.getProduct(ctx, { productId: command.product });
    if (Array.isArray(command.tables)) {
      const unknown = command.tables.filter((t) => !product.tables.includes(t));
      if (unknown.length > 0) throw unknownTables(product.id, unknown, product.tables);
    }
    await openRequestModal(deps, scope.client, {
      triggerId: scope.origin.triggerId,
      ctx,
      productId: product.id,
      prefill: {
        // Help says "every table if left out": the modal opens with every table checked.
        tables: command.tables ?? 'all',
        ...(command.permissions !== undefined && { permissions: command.permissions }),
        ...(command.queryRoles !== undefined && { queryRoles: command.queryRoles }),
        ...(command.reason !== undefined && { reason: command.reason }),
      },
    });
    return;
  }
  const result = await deps.mesh
    .requestAccess(ctx, {
      productId: command.product,
      // `all` (or nothing) is every table of the product, which the mesh takes as no list.
      ...(command.tables !== undefined && command.tables !== 'all' && { tables: command.tables }),
      permissions: command.permissions,
      ...(command.queryRoles !== undefined && { queryPrincipals: command.queryRoles }),
      justification: command.reason,
      // The same signed command delivered twice is the same request (a replay records nothing).
      ...(scope.origin.signedAtMs !== undefined && {
        idempotency: { key: `slash-command|${ctx.user.teamId}|${ctx.user.userId}|${JSON.stringify(command)}|${String(scope.origin.signedAtMs)}`, atMs: scope.origin.signedAtMs },
      }),
    })
    .catch(async (error: unknown) => {
      throw await explainUnmapped(scope, error, 'consumer', 'request access');
    });
  const { subscription } = result;
  if (result.replayed) {
    await scope.reply(buildConfirmationMessage({ mrkdwn: `This request was already recorded as ${code(subscription.id)}; nothing new was sent.` }, { mrkdwn: `See it with ${code(`/mesh subscription ${subscription.id}`)}.` }));
    return;
  }
  let told = true;
  try {
    await announceRequest(deps, scope.client, ctx, result);
  } catch (error) {
    // The request is recorded either way; the owners also find it in /mesh pending and App Home.
    told = false;
    scope.log.error({ err: error, subscriptionId: subscription.id }, 'could not tell the owners about a request');
  }
  const owners = joinCapped(result.notify.map((o) => mention(o).mrkdwn), ', ', 600, 10);
  const what = `${permissionsText(subscription.requestedPermissions)} on ${plural(subscription.tables.length, 'table')} of ${code(subscription.productId)}`;
  const detail = told
    ? `Sent to the owners (${owners}). You get a DM when they decide. Changed your mind? ${code(`/mesh cancel ${subscription.id}`)}`
    : `:warning: The owners (${owners}) could not be told just now; they see it in ${code('/mesh pending')}. Cancel with ${code(`/mesh cancel ${subscription.id}`)}`;
  await scope.reply(
    buildConfirmationMessage({ mrkdwn: `Access requested: ${what} for account ${code(subscription.consumerAccountId)} — request ${code(subscription.id)}` }, { mrkdwn: detail }),
  );
}
