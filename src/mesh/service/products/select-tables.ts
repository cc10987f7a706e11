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
      throw new InvalidInputError(
        `${pattern} is not a valid regular expression: ${error instanceof Error ? error.message : String(error)}`,
        'write a JavaScript regular expression between slashes, e.g. `/^usecase\\d+_/`, or use a glob such as `usecase*`',
      );
    }
  }
  if (pattern.trim() === '') throw new InvalidInputError('the table pattern is empty', 'name a table, a glob such as `usecase*`, or leave the pattern out to publish every table');
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
  throw new InvalidInputError(
    sorted.length === 0
      ? `database ${database} has no tables to publish`
      : `no table of ${database} matches ${pattern ?? 'the pattern'}; its tables are: ${listed}`,
    sorted.length === 0 ? 'create the tables in the producer catalog first' : 'give one of these names, a glob such as `usecase*`, or a regex such as `/^usecase/`',
  );
}
