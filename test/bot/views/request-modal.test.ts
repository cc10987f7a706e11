import { describe, expect, it } from 'vitest';
import { ACTIONS, VIEWS } from '../../../src/bot/interaction-ids';
import { parseRequestModal } from '../../../src/bot/views/parse-request-modal';
import { buildRequestModal, REQUEST_BLOCKS } from '../../../src/bot/views/request-modal';
import { buildTableSearchOptions } from '../../../src/bot/views/table-options';
import { expectWithinSlackLimits } from '../blocks/slack-limits-check';
import { HOSTILE, TELCO } from '../blocks/telco-fixtures';
import { submittedState } from './modal-state';

const ONE_ACCOUNT = ['999999999999'];
const tablesN = (n: number, pad = ''): string[] => Array.from({ length: n }, (_, i) => `usecase${i}_kpis${pad}`);

describe('buildRequestModal', () => {
  it('asks for tables, the offered permissions, a reason and optional columns; one account travels in the metadata', () => {
    const view = buildRequestModal({ product: TELCO, consumerAccounts: ONE_ACCOUNT });
    expect(view).toMatchSnapshot();
    expectWithinSlackLimits(view, 'modal');
    expect(view.callback_id).toBe(VIEWS.request);
    expect(JSON.parse(view.private_metadata!)).toEqual({ productId: 'telco-111111111111', consumerAccountId: '999999999999' });
    expect(view.blocks.some((b) => b.block_id === REQUEST_BLOCKS.account)).toBe(false);
  });

  it('offers a select of accounts to a user who acts for several, prefilled from the command', () => {
    const view = buildRequestModal({
      product: TELCO,
      consumerAccounts: ['999999999999', '888888888888'],
      prefill: { tables: ['usecase1_cell_kpis', 'not_a_table'], permissions: ['DESCRIBE', 'DROP'], reason: 'Q4 churn', columns: { kind: 'exclude', names: ['msisdn'] }, consumerAccountId: '888888888888' },
    });
    expect(view).toMatchSnapshot();
    expectWithinSlackLimits(view, 'modal');
    const state = submittedState(view, {});
    expect(parseRequestModal(state, view.private_metadata)).toEqual({
      ok: true,
      value: {
        productId: 'telco-111111111111',
        consumerAccountId: '888888888888',
        tables: ['usecase1_cell_kpis'],
        permissions: ['DESCRIBE'],
        justification: 'Q4 churn',
        columns: { kind: 'exclude', names: ['msisdn'] },
      },
    });
  });

  it('switches from checkboxes to a multi-select past 10 tables, and to a searched external select past 100', () => {
    const element = (n: number) => buildRequestModal({ product: { ...TELCO, tables: tablesN(n) }, consumerAccounts: ONE_ACCOUNT }).blocks.find((b) => b.block_id === REQUEST_BLOCKS.tables);
    expect(element(10)).toMatchObject({ element: { type: 'checkboxes' } });
    expect(element(11)).toMatchObject({ element: { type: 'multi_static_select', action_id: 'tables' } });
    expect(element(100)).toMatchObject({ element: { type: 'multi_static_select' } });
    expect(element(101)).toMatchObject({ element: { type: 'multi_external_select', action_id: ACTIONS.requestTablesSearch, min_query_length: 0 } });
    for (const n of [10, 11, 100, 101, 5000]) {
      expectWithinSlackLimits(buildRequestModal({ product: { ...TELCO, tables: tablesN(n) }, consumerAccounts: ONE_ACCOUNT, prefill: { tables: tablesN(n) } }), 'modal');
    }
  });

  it('carries table names longer than an option value by index through the metadata', () => {
    const long = `t_${'x'.repeat(240)}`;
    const product = { ...TELCO, tables: ['short', long] };
    const view = buildRequestModal({ product, consumerAccounts: ONE_ACCOUNT });
    expectWithinSlackLimits(view, 'modal');
    const parsed = parseRequestModal(submittedState(view, { [REQUEST_BLOCKS.tables]: ['#0', 'short'], [REQUEST_BLOCKS.reason]: 'why' }), view.private_metadata);
    expect(parsed.ok && parsed.value.tables).toEqual([long, 'short']);
  });

  it('explains what to do to a user who acts for no consumer account, with nothing to submit', () => {
    const view = buildRequestModal({ product: TELCO, consumerAccounts: [] });
    expectWithinSlackLimits(view, 'modal');
    expect(view.submit).toBeUndefined();
    expect(JSON.stringify(view.blocks)).toContain('Ask a mesh admin to map you');
  });

  it('escapes a hostile product and keeps the prefilled reason within the input limit', () => {
    const view = buildRequestModal({ product: { ...TELCO, name: HOSTILE, description: HOSTILE.repeat(100) }, consumerAccounts: ONE_ACCOUNT, prefill: { reason: 'r'.repeat(4096) } });
    expectWithinSlackLimits(view, 'modal');
  });
});

describe('buildTableSearchOptions', () => {
  it('answers at most 100 matching tables, prefix matches first', () => {
    const product = { ...TELCO, tables: [...tablesN(300), 'kpis_summary'] };
    const { options } = buildTableSearchOptions(product, 'kpis');
    expect(options).toHaveLength(100);
    expect(options[0]?.value).toBe('kpis_summary');
    expect(buildTableSearchOptions(product, 'usecase29').options.map((o) => o.value)).toEqual(['usecase29_kpis', ...Array.from({ length: 10 }, (_, i) => `usecase29${i}_kpis`)]);
  });
});

describe('parseRequestModal', () => {
  const view = buildRequestModal({ product: TELCO, consumerAccounts: ONE_ACCOUNT });
  const valid = {
    [REQUEST_BLOCKS.tables]: ['usecase1_cell_kpis', 'usecase2_customer_churn'],
    [REQUEST_BLOCKS.permissions]: ['SELECT', 'DESCRIBE'],
    [REQUEST_BLOCKS.reason]: '  Churn model for Q4 retention campaign  ',
    [REQUEST_BLOCKS.columns]: 'cell_id, kpi_date,,',
    [REQUEST_BLOCKS.columnsMode]: 'include',
  };
  const parse = (answers: Record<string, string | string[] | undefined>, metadata = view.private_metadata) => parseRequestModal(submittedState(view, { ...valid, ...answers }), metadata);

  it('turns a valid submission into a typed request', () => {
    expect(parse({})).toEqual({
      ok: true,
      value: {
        productId: 'telco-111111111111',
        consumerAccountId: '999999999999',
        tables: ['usecase1_cell_kpis', 'usecase2_customer_churn'],
        permissions: ['SELECT', 'DESCRIBE'],
        justification: 'Churn model for Q4 retention campaign',
        columns: { kind: 'include', names: ['cell_id', 'kpi_date'] },
      },
    });
  });

  it('reads the query roles as a de-duplicated comma list, none when left empty', () => {
    const parsed = parse({ [REQUEST_BLOCKS.queryRoles]: ' Analyst, arn:aws:iam::999999999999:role/bi/Reporting,,Analyst ' });
    expect(parsed.ok && parsed.value.queryRoles).toEqual(['Analyst', 'arn:aws:iam::999999999999:role/bi/Reporting']);
    const empty = parse({ [REQUEST_BLOCKS.queryRoles]: '  ' });
    expect(empty.ok && empty.value.queryRoles).toBeUndefined();
  });

  it('leaves columns out when none are named', () => {
    const parsed = parse({ [REQUEST_BLOCKS.columns]: '', [REQUEST_BLOCKS.columnsMode]: 'exclude' });
    expect(parsed.ok && parsed.value.columns).toBeUndefined();
  });

  it.each([
    ['no table', REQUEST_BLOCKS.tables, { [REQUEST_BLOCKS.tables]: [] }, 'Choose at least one table.'],
    ['no permission', REQUEST_BLOCKS.permissions, { [REQUEST_BLOCKS.permissions]: [] }, 'Choose at least one permission.'],
    ['an unknown permission', REQUEST_BLOCKS.permissions, { [REQUEST_BLOCKS.permissions]: ['SELEC'] }, '"SELEC" is not a permission (ALL, SELECT, INSERT, DELETE, ALTER, DROP, DESCRIBE)'],
    ['an empty reason', REQUEST_BLOCKS.reason, { [REQUEST_BLOCKS.reason]: '' }, 'Tell the owners why you need this data.'],
    ['a blank reason', REQUEST_BLOCKS.reason, { [REQUEST_BLOCKS.reason]: '   \n ' }, 'Tell the owners why you need this data.'],
    ['a 4,097-character reason', REQUEST_BLOCKS.reason, { [REQUEST_BLOCKS.reason]: 'x'.repeat(4097) }, 'Keep the reason under 4,096 characters.'],
    ['a column name with a space', REQUEST_BLOCKS.columns, { [REQUEST_BLOCKS.columns]: 'cell id, kpi' }, '“cell id” is not a column name'],
  ])('reports %s on its block', (_label, blockId, answers, message) => {
    expect(parse(answers)).toEqual({ ok: false, errors: { [blockId]: message } });
  });

  it('reports every problem at once', () => {
    const parsed = parse({ [REQUEST_BLOCKS.tables]: [], [REQUEST_BLOCKS.reason]: '' });
    expect(!parsed.ok && Object.keys(parsed.errors).sort()).toEqual([REQUEST_BLOCKS.reason, REQUEST_BLOCKS.tables]);
  });

  it('asks for the account when the user acts for several and chose none', () => {
    const several = buildRequestModal({ product: TELCO, consumerAccounts: ['999999999999', '888888888888'] });
    const parsed = parseRequestModal(submittedState(several, { ...valid, [REQUEST_BLOCKS.account]: undefined }), several.private_metadata);
    expect(parsed).toEqual({ ok: false, errors: { [REQUEST_BLOCKS.account]: 'Choose the account to request for.' } });
  });

  it('refuses tampered metadata or state as an out-of-date form', () => {
    expect(parse({}, '{"productId":')).toEqual({ ok: false, errors: { [REQUEST_BLOCKS.reason]: 'This form is out of date. Close it and start again.' } });
    expect(parseRequestModal(submittedState(view, valid), undefined).ok).toBe(false);
    expect(parseRequestModal({ nope: 1 }, view.private_metadata).ok).toBe(false);
    expect(parse({ [REQUEST_BLOCKS.tables]: ['#7'] })).toEqual({ ok: false, errors: { [REQUEST_BLOCKS.tables]: 'This form is out of date. Close it and start again.' } });
  });
});
