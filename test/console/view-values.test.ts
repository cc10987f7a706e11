import { describe, expect, it } from 'vitest';
import { buildRequestModal, REQUEST_BLOCKS } from '../../src/bot/views/request-modal';
import { parseRequestModal } from '../../src/bot/views/parse-request-modal';
import { principalText, resourceText } from '../../src/sandbox/console/mesh-view';
import { ViewValuesError, viewStateValues } from '../../src/sandbox/console/view-values';
import { TELCO } from '../bot/blocks/telco-fixtures';

const modal = buildRequestModal({ product: TELCO, consumerAccounts: ['999999999999', '888888888888'] });

describe('viewStateValues', () => {
  it('builds the view.state.values Slack sends, which the bot’s own request-modal parser accepts', () => {
    // Prepare: what the page reads from the modal's inputs.
    const values = {
      [REQUEST_BLOCKS.tables]: { tables: ['usecase1_cell_kpis'] },
      [REQUEST_BLOCKS.permissions]: { permissions: ['SELECT', 'DESCRIBE'] },
      [REQUEST_BLOCKS.reason]: { reason: 'Churn model for Q4' },
      [REQUEST_BLOCKS.columns]: { columns: null },
      [REQUEST_BLOCKS.columnsMode]: { columns_mode: 'include' },
      [REQUEST_BLOCKS.account]: { account: '888888888888' },
    };

    // Act
    const state = viewStateValues(modal.blocks, values);

    // Assess: options carry Slack's text objects, copied from the view.
    expect(state[REQUEST_BLOCKS.permissions]?.permissions).toMatchObject({
      type: 'checkboxes',
      selected_options: [
        { text: { type: 'plain_text', text: 'SELECT' }, value: 'SELECT' },
        { text: { type: 'plain_text', text: 'DESCRIBE' }, value: 'DESCRIBE' },
      ],
    });
    expect(state[REQUEST_BLOCKS.account]?.account).toMatchObject({ type: 'static_select', selected_option: { value: '888888888888' } });
    expect(state[REQUEST_BLOCKS.columns]?.columns).toEqual({ type: 'plain_text_input', value: null });
    expect(parseRequestModal(state, modal.private_metadata)).toEqual({
      ok: true,
      value: {
        productId: 'telco-111111111111',
        consumerAccountId: '888888888888',
        tables: ['usecase1_cell_kpis'],
        permissions: ['SELECT', 'DESCRIBE'],
        justification: 'Churn model for Q4',
      },
    });
  });

  it('refuses an input the view does not have, an option it does not offer, and a list for a text', () => {
    expect(() => viewStateValues(modal.blocks, { nope: { reason: 'x' } })).toThrow(new ViewValuesError('Input nope/reason is not in the view.'));
    expect(() => viewStateValues(modal.blocks, { [REQUEST_BLOCKS.permissions]: { permissions: ['DROP'] } })).toThrow(/has no option "DROP"/);
    expect(() => viewStateValues(modal.blocks, { [REQUEST_BLOCKS.reason]: { reason: ['a', 'b'] } })).toThrow(/takes one text, not a list/);
  });
});

describe('the mesh in words', () => {
  it('names Lake Formation resources as a reader of the console would say them', () => {
    expect(resourceText({ Database: { CatalogId: '555555555555', Name: 'telco-111111111111' } })).toBe('database telco-111111111111');
    expect(resourceText({ Table: { CatalogId: '555555555555', DatabaseName: 'telco-111111111111', TableWildcard: {} } })).toBe('table telco-111111111111.*');
    expect(resourceText({ TableWithColumns: { DatabaseName: 'd', Name: 't', ColumnWildcard: {} } })).toBe('table d.t (all columns)');
    expect(resourceText({ TableWithColumns: { DatabaseName: 'd', Name: 't', ColumnWildcard: { ExcludedColumnNames: ['msisdn'] } } })).toBe('table d.t (all columns but msisdn)');
    expect(resourceText({ TableWithColumns: { DatabaseName: 'd', Name: 't', ColumnNames: ['a', 'b'] } })).toBe('table d.t (columns a, b)');
    expect(resourceText({ Catalog: {} })).toBe('the catalog');
  });

  it('names principals: accounts, roles and users', () => {
    expect(principalText('999999999999')).toBe('account 999999999999');
    expect(principalText('arn:aws:iam::999999999999:role/MeshbotConsumer')).toBe('role MeshbotConsumer (999999999999)');
    expect(principalText('IAM_ALLOWED_PRINCIPALS')).toBe('IAM_ALLOWED_PRINCIPALS');
  });
});
