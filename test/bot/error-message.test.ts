import { describe, expect, it } from 'vitest';
import { MAPPED_CODES, toUserMessage, userMessageText } from '../../src/bot/error-message';
import { WORDED_REASONS } from '../../src/bot/refusal-wordings';
import { REASON_CODES } from '../../src/mesh/error-reasons';
import { AccountNotEnabledError, AlreadyDecidedError, InvalidInputError, MeshErrorCode, NotAuthorizedError, NotFoundError } from '../../src/mesh/errors';
import { canCancel } from '../../src/mesh/rules/can-cancel';
import { canDecide } from '../../src/mesh/rules/can-decide';
import { canRequest } from '../../src/mesh/rules/can-request';
import type { Verdict } from '../../src/mesh/rules/verdict';
import { checkAgainstProduct } from '../../src/mesh/service/subscriptions/request-checks';
import type { DataProduct } from '../../src/mesh/domain/data-product';
import { pendingSubscription } from '../support/subscription-fixture';

const PAT = { teamId: 'T0SANDBOX', userId: 'U0PRODUCER' };
const STRANGER = { user: { teamId: 'T0SANDBOX', userId: 'U0STRANGER' }, identity: undefined, meshAdmin: false };
const PRODUCT = { id: 'telco-111111111111', owners: [PAT], tables: ['a', 'b', 'c'], offeredPermissions: ['SELECT', 'DESCRIBE'] } as Pick<DataProduct, 'id' | 'owners' | 'tables' | 'offeredPermissions'> as DataProduct;

/** The refusal of a verdict as the error the service throws. */
function refusalOf(verdict: Verdict): NotAuthorizedError {
  if (verdict.allowed) throw new Error('expected a refusal');
  return new NotAuthorizedError(verdict.refusal);
}

describe('toUserMessage', () => {
  it('has a title for every mesh error code', () => {
    expect(MAPPED_CODES.toSorted()).toEqual(Object.values(MeshErrorCode).toSorted());
  });

  it('has a Slack wording for every reason the mesh gives', () => {
    expect(WORDED_REASONS.toSorted()).toEqual(Object.keys(REASON_CODES).toSorted());
  });

  it('words a refusal from its reason and params, naming users as mentions', () => {
    const message = toUserMessage(refusalOf(canDecide(STRANGER, PRODUCT, pendingSubscription('01J'))), 'ref-1');

    expect(message).toEqual({
      title: 'Not allowed',
      text: 'you are not an owner of product telco-111111111111',
      hint: 'ask an owner (<@U0PRODUCER>) or a mesh admin',
      expected: true,
    });
    expect(userMessageText(message)).toBe(':warning: *Not allowed*: you are not an owner of product telco-111111111111\n_ask an owner (<@U0PRODUCER>) or a mesh admin_');
  });

  it('names who decided when a second click comes too late', () => {
    const message = toUserMessage(new AlreadyDecidedError('01J', 'GRANTING', { teamId: 'T0SANDBOX', userId: 'U0OWNER2' }, '2026-11-23T10:00:00.000Z'), 'r');
    // A date token (the reader's time zone), not the raw ISO string.
    expect(userMessageText(message)).toContain('(by <@U0OWNER2> <!date^1795428000^{date_short_pretty} at {time}|2026-11-23 10:00 UTC>)');
    expect(userMessageText(message)).not.toContain('2026-11-23T10:00:00.000Z');
    // No "refresh": a slash command has nothing to refresh.
    expect(userMessageText(message)).not.toContain('refresh');
  });

  it('gives the /mesh command that helps, where the mesh only says what is wrong', () => {
    const unmapped = toUserMessage(refusalOf(canRequest(STRANGER, '999999999999')), 'r');
    expect(unmapped.hint).toBe('ask a mesh admin to map you: `/mesh admin map @you <account> consumer`');

    const notEnabled = toUserMessage(new AccountNotEnabledError('999999999999', 'consumer'), 'r');
    expect(notEnabled).toMatchObject({ text: 'account 999999999999 is not enabled as a consumer', hint: 'a mesh admin can enable it with `/mesh admin enable 999999999999 consumer`' });

    const hidden = toUserMessage(new NotFoundError({ reason: 'product_not_found_or_private', params: { productId: 'hr-1' }, message: 'no data product hr-1' }), 'r');
    expect(hidden).toMatchObject({ title: 'Not found', text: 'no data product hr-1', hint: 'search the published products with `/mesh products <text>`' });
  });

  it('suggests the table or product a mistyped name was meant as', () => {
    const table = new InvalidInputError({
      reason: 'unknown_table',
      params: { productId: 'telco-111111111111', tables: ['usecase1'], productTables: ['usecase1_cell_kpis', 'usecase2_customer_churn'] },
      path: ['tables'],
      message: 'product telco-111111111111 has no table usecase1',
    });
    expect(toUserMessage(table, 'r')).toMatchObject({
      text: 'product telco-111111111111 has no table usecase1',
      hint: 'did you mean `usecase1_cell_kpis`? its tables are `usecase1_cell_kpis`, `usecase2_customer_churn`',
    });
    const product = new NotFoundError({ reason: 'product_not_found_or_private', params: { productId: 'telco', similar: ['telco-111111111111'] }, message: 'no data product telco' });
    expect(toUserMessage(product, 'r').hint).toBe('did you mean `telco-111111111111`? search the published products with `/mesh products <text>`');
  });

  it('mentions the requester a non-requester should ask', () => {
    const request = pendingSubscription('01J');
    expect(toUserMessage(refusalOf(canCancel({ ...STRANGER, user: PAT }, request)), 'r').hint).toBe(`ask <@${request.requester.userId}>, or deny it if you own the product`);
  });

  it('words every problem of an input, each hint once', () => {
    let error: unknown;
    try {
      checkAgainstProduct(PRODUCT, { tables: ['a', 'z'], permissions: ['INSERT'] });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(toUserMessage(error, 'r')).toMatchObject({
      text: 'product telco-111111111111 has no table z; product telco-111111111111 does not offer INSERT',
      hint: 'its tables are `a`, `b`, `c`; it offers SELECT, DESCRIBE',
    });

    const twice = new InvalidInputError([
      { reason: 'invalid_value', params: { problem: 'too long' }, path: ['justification'], message: 'justification: too long', hint: 'shorten it' },
      { reason: 'invalid_value', params: { problem: 'not a name' }, path: ['tables', 0], message: 'tables.0: not a name', hint: 'shorten it' },
    ]);
    expect(toUserMessage(twice, 'r')).toMatchObject({ text: 'justification: too long; tables.0: not a name', hint: 'correct the values named and try again' });
  });

  it('turns anything else into a generic line with a reference, without its message or stack', () => {
    const error = new TypeError("Cannot read properties of undefined (reading 'Credentials') at secret-thing.ts:12");

    const message = toUserMessage(error, 'ref-42');
    const text = userMessageText(message);

    expect(message.expected).toBe(false);
    expect(text).toContain('ref-42');
    expect(text).not.toContain('Credentials');
    expect(text).not.toContain('.ts');
  });
});
