import * as z from 'zod';
import { PermissionSchema, type Permission } from '../../mesh/domain/permission';
import { SubscriptionIdSchema, type Subscription } from '../../mesh/domain/subscription';
import type { GrantDecision } from '../../mesh/service/subscriptions/grant-decision';
import { ACTIONS } from '../interaction-ids';
import { actions, button, context, message, section } from './block-kit';
import { planChangeLines, planLinesCapped } from './grant-plan-text';
import { code, escapeMrkdwn } from './mrkdwn';
import { reasonBlocks } from './request-summary';
import type { KnownBlock, SlackMessage } from './slack-types';
import { columnsText, permissionsText } from './subscription-facts';

/**
 * The value of `/mesh modify`'s [Confirm] button: the change and the version it was previewed on,
 * e.g. `{"id":"01J…","permissions":["SELECT"],"reason":"Read only","version":4}`.
 */
export const ModifyConfirmValueSchema = z.object({
  id: SubscriptionIdSchema,
  permissions: z.array(PermissionSchema).min(1),
  reason: z.string().min(1),
  version: z.number().int().positive(),
});

export type ModifyConfirmValue = z.infer<typeof ModifyConfirmValueSchema>;

/** Change lines shown at most in one section. */
const MAX_CHANGE_LINES = 20;

/** What a modify would add and remove in Lake Formation, as mrkdwn lines; one line when nothing changes. */
export function modifyChangeText(subscription: Subscription, decision: Pick<GrantDecision, 'plan'>): string {
  const { added, removed } = planChangeLines(subscription.plan, decision.plan);
  if (added.length === 0 && removed.length === 0) return '_Nothing changes in Lake Formation: the subscription already grants exactly this._';
  return planLinesCapped([...removed, ...added], MAX_CHANGE_LINES).join('\n');
}

/** `SELECT, INSERT → SELECT · all columns → only `a``: the subscription's terms before and after. */
export function modifyTermsText(subscription: Subscription, decision: Pick<GrantDecision, 'grantedPermissions' | 'columns'>): string {
  const before = `${permissionsText(subscription.grantedPermissions)} · ${columnsText(subscription.columns)}`;
  const after = `${permissionsText(decision.grantedPermissions)} · ${columnsText(decision.columns)}`;
  return before === after ? `${before} (unchanged)` : `${before} → *${after}*`;
}

export interface ModifyConfirmationInput {
  subscription: Subscription;
  decision: GrantDecision;
  permissions: readonly Permission[];
  reason: string;
}

/**
 * `/mesh modify`'s answer: what the subscription would grant after the change, what that adds and
 * removes in Lake Formation, the reason, and [Confirm] [Cancel]; nothing changes before [Confirm],
 * which checks everything again on the subscription as it is then.
 */
export function buildModifyConfirmationMessage(input: ModifyConfirmationInput): SlackMessage {
  const { subscription: s, decision, reason } = input;
  const value: ModifyConfirmValue = { id: s.id, permissions: [...input.permissions], reason, version: s.version };
  const changes = modifyChangeText(s, decision);
  const nothing = changes.startsWith('_Nothing changes');
  const blocks: KnownBlock[] = [
    section(`:pencil2: *Modify subscription ${code(s.id)}?* ${code(s.productId)} for account ${code(s.consumerAccountId)}\n${modifyTermsText(s, decision)}`),
    section(`*What changes in Lake Formation*\n${changes}`),
    ...reasonBlocks('Why (recorded, and sent to the requester)', reason),
  ];
  if (nothing) blocks.push(context('Nothing to confirm.'));
  else {
    blocks.push(
      actions(
        [
          button({ text: 'Confirm', actionId: ACTIONS.modifyConfirm, value: JSON.stringify(value), style: 'primary' }),
          button({ text: 'Cancel', actionId: ACTIONS.modifyCancel, value: s.id }),
        ],
        'modify_confirm',
      ),
      context('Nothing changes until you confirm; the confirmation checks everything again on the subscription as it is then.'),
    );
  }
  return message(`Modify subscription ${escapeMrkdwn(s.id)}?`, blocks);
}
