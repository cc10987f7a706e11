import { describe, expect, it } from 'vitest';
import { queryName } from '../../../src/mesh/domain/query-name';

describe('queryName', () => {
  it('quotes both parts, so a hyphenated mesh database is one name Athena parses', () => {
    expect(queryName('telco-111111111111', 'usecase1_cell_kpis')).toBe('"telco-111111111111"."usecase1_cell_kpis"');
  });

  it('quotes plain names the same way (one form everywhere)', () => {
    expect(queryName('sales', 'orders')).toBe('"sales"."orders"');
  });

  it('doubles a double quote inside a name instead of ending the identifier', () => {
    expect(queryName('odd"db', 't')).toBe('"odd""db"."t"');
  });
});
