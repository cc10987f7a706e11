import type { DataProduct } from '../../mesh/domain/data-product';
import type { Subscription } from '../../mesh/domain/subscription';
import { context, message, section } from './block-kit';
import { code, escapeMrkdwn, joinCapped, mention } from './mrkdwn';
import {
  approvalDifferenceBlocks,
  cancelText,
  expiredText,
  failureCountText,
  grantedText,
  lastGrantDecision,
  modifyBlocks,
  modifyInline,
  namesToQueryBlocks,
  revokeBlocks,
} from './request-outcome-parts';
import { decidedByText, reasonBlocks } from './request-summary';
import type { KnownBlock, SlackMessage } from './slack-types';
import { columnsText, queryRolesText, STATUS_STYLE, statusBadge, tablesText } from './subscription-facts';

export interface RequestOutcomeInput {
  subscription: Subscription;
  product: DataProduct;
}

/** What the subscription gives now, who can query it and the names to query. */
function accessBlocks(s: Subscription, label: string): KnownBlock[] {
  return [section(`${label}${grantedText(s)} · *columns:* ${columnsText(s.columns)}\n*Tables:* ${tablesText(s.tables, 1200)}`)];
}

function queryBlocks(s: Subscription): KnownBlock[] {
  return [section(`*Who can query:* ${queryRolesText(s)}`), ...namesToQueryBlocks(s, `*Query them in account ${code(s.consumerAccountId)} as:*`)];
}

/**
 * DM to the requester when their request or subscription changes: granted (with the names to query
 * and how the approval differs from the request), changed by a modify (what was added and removed,
 * by whom and why), denied (with the reason), failed, revoked (what went, by whom and why), expired or
 * cancelled.
 */
export function buildRequestOutcomeMessage(input: RequestOutcomeInput): SlackMessage {
  const { subscription: s, product } = input;
  const name = `*${escapeMrkdwn(product.name)}*`;
  const owners = joinCapped(product.owners.map((o) => mention(o).mrkdwn), ', ', 400, 3);
  const blocks: KnownBlock[] = [];
  const decision = lastGrantDecision(s);
  const modified = decision?.event === 'modify' ? decision : undefined;
  let title = `Your request for ${escapeMrkdwn(product.name)}: ${STATUS_STYLE[s.status].label}`;
  switch (s.status) {
    case 'ACTIVE':
      if (modified) {
        // A modify done: what changed, not a second "Access granted" with the old approval's time.
        title = `Your access to ${escapeMrkdwn(product.name)} was changed`;
        blocks.push(...modifyBlocks(modified, `:pencil2: Your access to ${name} for account ${code(s.consumerAccountId)} was *changed*`), ...accessBlocks(s, '*Now:* '), ...queryBlocks(s));
        break;
      }
      blocks.push(
        section(`:white_check_mark: *Access granted* to ${name} for account ${code(s.consumerAccountId)} — ${decidedByText(s, 'approved')}`),
        ...approvalDifferenceBlocks(s),
        ...accessBlocks(s, ''),
        ...(s.decisionNotes ? reasonBlocks('Notes from the approver', s.decisionNotes) : []),
        ...queryBlocks(s),
      );
      break;
    case 'DENIED':
      blocks.push(
        section(`${STATUS_STYLE.DENIED.emoji} Your request for ${name} was *denied* ${decidedByText(s, '')}`),
        ...(s.decisionNotes ? reasonBlocks('Why', s.decisionNotes) : []),
        section(`If something was missing, ask again with ${code(`/mesh request ${s.productId}`)} or talk to ${owners}.`),
      );
      break;
    case 'FAILED':
      blocks.push(
        section(
          (modified
            ? `${statusBadge('FAILED')} — your access to ${name} was being changed ${modifyInline(modified)}, but ${failureCountText(s)}. `
            : `${statusBadge('FAILED')} — your request for ${name} was ${decidedByText(s, 'approved')}, but ${failureCountText(s)}. `) +
            'The owners can retry it; nothing for you to do yet.',
        ),
      );
      break;
    case 'REVOKED':
    case 'REVOKING':
      blocks.push(
        ...revokeBlocks(s, `${STATUS_STYLE[s.status].emoji} Your access to ${name} for account ${code(s.consumerAccountId)} ${s.status === 'REVOKED' ? 'was *revoked*' : 'is being *revoked*'}`),
        section('Queries on its names stop working. To get access again, make a new request.'),
      );
      break;
    case 'EXPIRED':
      blocks.push(section(`${statusBadge('EXPIRED')} — your request for ${name} expired${expiredText(s)}: nobody decided in time. Ask again with ${code(`/mesh request ${s.productId}`)}.`));
      break;
    case 'CANCELLED':
      blocks.push(section(`${statusBadge('CANCELLED')} — your request for ${name} was cancelled${cancelText(s)}.`));
      break;
    case 'PENDING':
      blocks.push(section(`${statusBadge('PENDING')} — your request for ${name} waits for ${owners}.`));
      break;
    case 'GRANTING':
      blocks.push(
        section(
          s.history.at(-1)?.event === 'share-pending'
            ? `${STATUS_STYLE.GRANTING.emoji} Your request for ${name} was ${decidedByText(s, 'approved')} and granted; AWS RAM has not yet delivered the share to account ${code(s.consumerAccountId)}. I'll keep checking and message you the names to query once it is there.`
            : `${STATUS_STYLE.GRANTING.emoji} Your request for ${name} was ${decidedByText(s, 'approved')}; granting now. I'll message you the names to query.`,
        ),
      );
      break;
    case 'MODIFYING':
      blocks.push(
        section(
          `${STATUS_STYLE.MODIFYING.emoji} Your access to ${name} for account ${code(s.consumerAccountId)} is being changed${modified ? ` ${modifyInline(modified)}` : ''} to ${grantedText(s)}. I'll message you when it is done.`,
        ),
      );
      break;
  }
  blocks.push(context(`Request ${code(s.id)} · ${code(`/mesh subscription ${s.id}`)}`));
  return message(title, blocks);
}
