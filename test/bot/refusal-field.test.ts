import { describe, expect, it } from 'vitest';
import { requestRefusalField } from '../../src/bot/listeners/request/request-refusal-field';
import { REQUEST_BLOCKS } from '../../src/bot/views/request-modal';
import { AccountNotEnabledError, InvalidInputError, NotAuthorizedError, productNotFound } from '../../src/mesh/errors';
import { canRequest } from '../../src/mesh/rules/can-request';
import { enforce } from '../../src/mesh/service/resolve-actor';

const EVERY_BLOCK = new Set(Object.values(REQUEST_BLOCKS));
const WITHOUT_ACCOUNT = new Set([...EVERY_BLOCK].filter((b) => b !== REQUEST_BLOCKS.account));
const STRANGER = { user: { teamId: 'T0SANDBOX', userId: 'U0STRANGER' }, identity: undefined, meshAdmin: false };

/** What `run` throws. */
function thrown(run: () => void): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a refusal');
}

describe('the field of the request modal a refusal is shown under', () => {
  it('follows the input path, whatever the sentence says', () => {
    // A sentence that speaks of tables and columns, about the permissions.
    const error = new InvalidInputError({
      reason: 'permission_not_offered',
      params: { productId: 'tables-and-columns-111111111111', permissions: ['ALL'], offered: ['SELECT'] },
      path: ['permissions'],
      message: 'product tables-and-columns-111111111111 does not offer ALL',
    });
    expect(requestRefusalField(error, EVERY_BLOCK)).toBe(REQUEST_BLOCKS.permissions);
  });

  it.each([
    [['tables', 2], REQUEST_BLOCKS.tables],
    [['justification'], REQUEST_BLOCKS.reason],
    [['columns'], REQUEST_BLOCKS.columns],
    [['queryPrincipals'], REQUEST_BLOCKS.queryRoles],
    [['consumerAccountId'], REQUEST_BLOCKS.account],
  ] as const)('maps the input %j to its block', (path, block) => {
    const error = new InvalidInputError({ reason: 'invalid_value', params: { problem: 'not valid' }, path, message: 'not valid' });
    expect(requestRefusalField(error, EVERY_BLOCK)).toBe(block);
  });

  it('takes the first problem whose field the modal has', () => {
    const error = new InvalidInputError([
      { reason: 'invalid_value', params: { problem: 'internal' }, path: ['meshCatalogId'], message: 'meshCatalogId: internal' },
      { reason: 'several_consumer_accounts', params: { accounts: ['888888888888', '999999999999'] }, path: ['consumerAccountId'], message: 'several' },
      { reason: 'unknown_table', params: { productId: 'p', tables: ['z'], productTables: ['a'] }, path: ['tables'], message: 'no table z' },
    ]);
    expect(requestRefusalField(error, EVERY_BLOCK)).toBe(REQUEST_BLOCKS.account);
    expect(requestRefusalField(error, WITHOUT_ACCOUNT)).toBe(REQUEST_BLOCKS.tables);
  });

  it('shows an account the user may not request for under the account, when the modal asks for one', () => {
    const refusal = thrown(() => {
      enforce(canRequest(STRANGER, '999999999999'), ['consumerAccountId']);
    });
    expect(refusal).toBeInstanceOf(NotAuthorizedError);
    expect(requestRefusalField(refusal, EVERY_BLOCK)).toBe(REQUEST_BLOCKS.account);
    expect(requestRefusalField(refusal, WITHOUT_ACCOUNT)).toBeUndefined();
    expect(requestRefusalField(new AccountNotEnabledError('999999999999', 'consumer', ['consumerAccountId']), EVERY_BLOCK)).toBe(REQUEST_BLOCKS.account);
  });

  it('shows nothing in the form for a refusal about no field of it', () => {
    expect(requestRefusalField(new NotAuthorizedError({ reason: 'not_mesh_admin', params: { meshAdmins: [] }, message: 'only mesh admins can do this' }), EVERY_BLOCK)).toBeUndefined();
    expect(requestRefusalField(productNotFound('telco-111111111111', ['productId']), EVERY_BLOCK)).toBeUndefined();
    expect(requestRefusalField(new Error('the tables are gone'), EVERY_BLOCK)).toBeUndefined();
  });
});
