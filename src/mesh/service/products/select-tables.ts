import { InvalidInputError } from '../../errors';

/** Whether a table name is selected. */
export type TableMatcher = (name: string) => boolean;

/** Table names shown at most in a "no table matches" refusal. */
const LISTED = 20;

/** `/…/` with optional flags, e.g. `/^usecase\d+_/i`. */
const REGEX = /^\/(.+)\/([a-z]*)$/;

function escapeRegex(text: string): string {
  return text.replace(/[.+^${}()|[\]\\]/g, '\\$&');
}

/**
 * The matcher of a table pattern: an exact name (`cell_towers`), a glob where `*` is any run of
 * characters and `?` one character (`usecase*`), or a regex between slashes (`/^usecase[12]_/`),
 * searched in the name. Absent matches every table. Names and globs ignore case, as Glue does.
 */
export function tableMatcher(pattern: string | undefined): TableMatcher {
  if (pattern === undefined) return () => true;
  const regex = REGEX.exec(pattern);
  if (regex) {
    const [, source = '', flags = ''] = regex;
    try {
      const compiled = new RegExp(source, flags.replace(/[gy]/g, ''));
      return (name) => compiled.test(name);
    } catch (error) {
      const problem = error instanceof Error ? error.message : String(error);
      throw new InvalidInputError({
        reason: 'invalid_table_regex',
        params: { pattern, problem },
        path: ['tablePattern'],
        message: `${pattern} is not a valid regular expression: ${problem}`,
        hint: 'write a JavaScript regular expression between slashes, e.g. `/^usecase\\d+_/`, or use a glob such as `usecase*`',
      });
    }
  }
  if (pattern.trim() === '') {
    throw new InvalidInputError({
      reason: 'empty_table_pattern',
      params: {},
      path: ['tablePattern'],
      message: 'the table pattern is empty',
      hint: 'name a table, a glob such as `usecase*`, or leave the pattern out to publish every table',
    });
  }
  const glob = new RegExp(`^${escapeRegex(pattern.toLowerCase()).replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return (name) => glob.test(name.toLowerCase());
}

/**
 * The names among `available` that `pattern` selects, sorted; none selected is an
 * InvalidInputError listing the tables that exist (the first 20).
 */
export function selectTables(available: readonly string[], pattern: string | undefined, database: string): string[] {
  const matches = tableMatcher(pattern);
  const selected = available.filter((name) => matches(name)).sort();
  if (selected.length > 0) return selected;
  const sorted = [...available].sort();
  const listed = sorted.slice(0, LISTED).join(', ') + (sorted.length > LISTED ? ` and ${sorted.length - LISTED} more` : '');
  if (sorted.length === 0) {
    throw new InvalidInputError({
      reason: 'no_tables_in_database',
      params: { database },
      path: ['sourceDatabase'],
      message: `database ${database} has no tables to publish`,
      hint: 'create the tables in the producer catalog first',
    });
  }
  throw new InvalidInputError({
    reason: 'no_table_matches',
    params: { database, pattern, tables: sorted },
    path: ['tablePattern'],
    message: `no table of ${database} matches ${pattern ?? 'the pattern'}; its tables are: ${listed}`,
    hint: 'give one of these names, a glob such as `usecase*`, or a regex such as `/^usecase/`',
  });
}
