import { describe, expect, it } from 'vitest';
import { AwsError } from '../../../../src/sandbox/aws/aws-error';
import { tableNamePattern } from '../../../../src/sandbox/aws/glue/table-name-pattern';

describe('tableNamePattern', () => {
  it('matches every name without an expression', () => {
    expect(tableNamePattern(undefined)('anything')).toBe(true);
  });

  it('treats a bare * as any characters and keeps regex forms', () => {
    const names = ['usecase1', 'usecase22', 'cell_towers', 'my_usecase'];
    expect(names.filter(tableNamePattern('usecase*'))).toEqual(['usecase1', 'usecase22']);
    expect(names.filter(tableNamePattern('usecase.*'))).toEqual(['usecase1', 'usecase22']);
    expect(names.filter(tableNamePattern('usecase[0-9]'))).toEqual(['usecase1']);
    expect(names.filter(tableNamePattern('*towers|my_*'))).toEqual(['cell_towers', 'my_usecase']);
  });

  it('matches whole names, case-insensitively', () => {
    expect(tableNamePattern('USECASE1')('usecase1')).toBe(true);
    expect(tableNamePattern('case1')('usecase1')).toBe(false);
  });

  it('refuses an expression that is not a regular expression', () => {
    expect(() => tableNamePattern('(')).toThrow(AwsError);
  });
});
