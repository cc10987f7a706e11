import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../../src/mesh/errors';
import { selectTables, tableMatcher } from '../../../../src/mesh/service/products/select-tables';

const TELCO = ['usecase1_cell_kpis', 'usecase2_customer_churn', 'cell_towers'];

describe('selectTables', () => {
  it('selects every table when no pattern is given, sorted', () => {
    expect(selectTables(TELCO, undefined, 'telco')).toEqual(['cell_towers', 'usecase1_cell_kpis', 'usecase2_customer_churn']);
  });

  it('selects by exact name, ignoring case', () => {
    expect(selectTables(TELCO, 'Cell_Towers', 'telco')).toEqual(['cell_towers']);
  });

  it('selects by glob: * is any run of characters, ? one character, anchored at both ends', () => {
    expect(selectTables(TELCO, 'usecase*', 'telco')).toEqual(['usecase1_cell_kpis', 'usecase2_customer_churn']);
    expect(selectTables(TELCO, 'usecase?_cell*', 'telco')).toEqual(['usecase1_cell_kpis']);
    expect(selectTables(TELCO, '*towers', 'telco')).toEqual(['cell_towers']);
    expect(() => selectTables(TELCO, 'cell', 'telco')).toThrow(InvalidInputError);
  });

  it('treats regex metacharacters of a glob literally', () => {
    expect(selectTables(['a.b', 'axb'], 'a.b', 'db')).toEqual(['a.b']);
  });

  it('selects by /regex/, searched in the name, with flags', () => {
    expect(selectTables(TELCO, '/^usecase[2-9]_/', 'telco')).toEqual(['usecase2_customer_churn']);
    expect(selectTables(TELCO, '/TOWER/i', 'telco')).toEqual(['cell_towers']);
  });

  it('refuses a pattern that matches nothing, listing the tables that exist', () => {
    const attempt = (): string[] => selectTables(TELCO, 'billing*', 'telco');
    expect(attempt).toThrow(InvalidInputError);
    expect(attempt).toThrow('no table of telco matches billing*; its tables are: cell_towers, usecase1_cell_kpis, usecase2_customer_churn');
  });

  it('lists at most 20 tables in the refusal', () => {
    const many = Array.from({ length: 25 }, (_, i) => `t${String(i).padStart(2, '0')}`);
    expect(() => selectTables(many, 'x*', 'big')).toThrow(/t19 and 5 more$/);
  });

  it('refuses an empty database with its own sentence', () => {
    expect(() => selectTables([], undefined, 'empty')).toThrow('database empty has no tables to publish');
  });
});

describe('tableMatcher', () => {
  it('refuses an invalid regex with a clear error and an example', () => {
    try {
      tableMatcher('/usecase[/');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).message).toMatch(/^\/usecase\[\/ is not a valid regular expression: /);
      expect((error as InvalidInputError).hint).toContain('usecase*');
    }
  });

  it('refuses a blank pattern', () => {
    expect(() => tableMatcher('  ')).toThrow('the table pattern is empty');
  });
});
