import { DENY_BLOCKS } from './deny-modal';
import { SubscriptionModalMetadataSchema } from './parse-approve-modal';
import { REVOKE_BLOCKS } from './revoke-modal';
import { decodeMetadata, STALE_FORM, textValue, ViewStateValuesSchema, type ModalParseResult } from './view-state';

/** A submitted deny or revoke: the subscription and the reason given. */
export interface ReasonModalSubmission {
  subscriptionId: string;
  reason: string;
}

const REASON_MAX = 4096;

function parseReason(blockId: string, values: unknown, privateMetadata: string | undefined, missing: string): ModalParseResult<ReasonModalSubmission> {
  const state = ViewStateValuesSchema.safeParse(values);
  const metadata = decodeMetadata(SubscriptionModalMetadataSchema, privateMetadata);
  if (!state.success || !metadata) return { ok: false, errors: { [blockId]: STALE_FORM } };
  const reason = textValue(state.data, blockId).trim();
  if (reason.length === 0) return { ok: false, errors: { [blockId]: missing } };
  if (reason.length > REASON_MAX) return { ok: false, errors: { [blockId]: 'Keep the reason under 4,096 characters.' } };
  return { ok: true, value: { subscriptionId: metadata.subscriptionId, reason } };
}

/** Parses the deny modal: the subscription id and the (required) reason, or per-block errors. */
export function parseDenyModal(values: unknown, privateMetadata: string | undefined): ModalParseResult<ReasonModalSubmission> {
  return parseReason(DENY_BLOCKS.reason, values, privateMetadata, 'Tell the requester why — they will read it.');
}

/** Parses the revoke modal: the subscription id and the (required) reason, or per-block errors. */
export function parseRevokeModal(values: unknown, privateMetadata: string | undefined): ModalParseResult<ReasonModalSubmission> {
  return parseReason(REVOKE_BLOCKS.reason, values, privateMetadata, 'Say why access is revoked — the requester will read it.');
}
