import { AwsError } from '../aws-error';
import type { GlueTable } from '../world';

/**
 * GetPartitions' `Expression`: "SQL syntax similar to the SQL WHERE filter clause" over the table's
 * partition keys (Glue API, GetPartitions). The emulator reads a subset of it: comparisons of a
 * partition key with a literal, `key op literal`, with the documented operators `=`, `<>`, `>`,
 * `<`, `>=`, `<=` (and `!=`), joined by `AND`, e.g. `year = '2024' AND month > '03'`. Literals are
 * 'quoted strings' ('' for a quote) or numbers; keys may be `backquoted`.
 *
 * Not supported (answered InvalidInputException, saying so): OR, NOT, IN, BETWEEN, LIKE, IS NULL,
 * parentheses, a literal on the left, and comparing two keys. Glue documents all of these operators.
 *
 * Comparison follows the key's type. The documented key types are string, date, timestamp, int,
 * bigint, long, tinyint, smallint and decimal ("if a type is encountered that is not valid, an
 * exception is thrown"): the integer and decimal types compare as numbers, the others as text (which
 * orders ISO dates and timestamps correctly). The texts of the refusals are not documented.
 */

const NUMERIC_TYPES = new Set(['int', 'bigint', 'long', 'tinyint', 'smallint', 'decimal']);
const TEXT_TYPES = new Set(['string', 'date', 'timestamp']);
const UNSUPPORTED_WORDS = new Set(['OR', 'NOT', 'IN', 'BETWEEN', 'LIKE', 'IS', 'NULL']);

type Operator = '=' | '<>' | '!=' | '<' | '<=' | '>' | '>=';
type Token = { kind: 'word' | 'key' | 'string' | 'number' | 'operator' | 'other'; text: string };

const TOKEN = /\s*(?:(`[^`]*`)|('(?:[^']|'')*')|(-?\d+(?:\.\d+)?)(?![\w.])|([A-Za-z_][\w.$]*)|(<>|!=|<=|>=|=|<|>)|(\S))/y;

function invalid(expression: string, why: string): AwsError {
  return new AwsError('InvalidInputException', `Invalid Expression ${JSON.stringify(expression)}: ${why}`);
}

function tokens(expression: string): Token[] {
  const found: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < expression.length) {
    const m = TOKEN.exec(expression);
    if (!m) break;
    const [, quotedKey, text, num, word, op, other] = m;
    if (quotedKey !== undefined) found.push({ kind: 'key', text: quotedKey.slice(1, -1) });
    else if (text !== undefined) found.push({ kind: 'string', text: text.slice(1, -1).replaceAll("''", "'") });
    else if (num !== undefined) found.push({ kind: 'number', text: num });
    else if (word !== undefined) found.push({ kind: 'word', text: word });
    else if (op !== undefined) found.push({ kind: 'operator', text: op });
    else if (other !== undefined) found.push({ kind: 'other', text: other });
  }
  return found;
}

function compare(a: number | string, b: number | string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function holds(op: Operator, order: number): boolean {
  switch (op) {
    case '=':
      return order === 0;
    case '<>':
    case '!=':
      return order !== 0;
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    case '>=':
      return order >= 0;
  }
}

/** One `key op literal` comparison, as a test of a partition's values. */
function comparison(expression: string, table: GlueTable, key: string, op: Operator, literal: Token): (values: readonly string[]) => boolean {
  const keys = table.PartitionKeys ?? [];
  const index = keys.findIndex((k) => k.Name.toLowerCase() === key.toLowerCase());
  const column = keys[index];
  if (!column) throw invalid(expression, `${key} is not a partition key of table ${table.Name}.`);
  const type = (column.Type ?? 'string').toLowerCase().replace(/\(.*$/, '');
  if (NUMERIC_TYPES.has(type)) {
    const bound = Number(literal.text);
    if (literal.text.trim() === '' || Number.isNaN(bound)) throw invalid(expression, `${literal.text} is not a number, as partition key ${column.Name} (${type}) needs.`);
    return (values) => {
      const value = Number(values[index]);
      return !Number.isNaN(value) && holds(op, compare(value, bound));
    };
  }
  if (!TEXT_TYPES.has(type)) throw invalid(expression, `partition key ${column.Name} has type ${type}, which Expression does not support.`);
  return (values) => holds(op, compare(values[index] ?? '', literal.text));
}

/**
 * The filter of GetPartitions' `Expression` for `table`: a test of a partition's values. An absent or
 * blank expression matches every partition.
 */
export function partitionFilter(expression: string | undefined, table: GlueTable): (values: readonly string[]) => boolean {
  if (expression === undefined || expression.trim() === '') return () => true;
  const list = tokens(expression);
  const terms: ((values: readonly string[]) => boolean)[] = [];
  let at = 0;
  for (;;) {
    const [key, op, literal] = [list[at], list[at + 1], list[at + 2]];
    const unsupported = list.slice(at, at + 3).find((t) => (t.kind === 'word' && UNSUPPORTED_WORDS.has(t.text.toUpperCase())) || (t.kind === 'other' && (t.text === '(' || t.text === ')')));
    if (unsupported) throw invalid(expression, `${unsupported.text} is not supported by the sandbox emulator (only key-versus-literal comparisons joined by AND are).`);
    if (!key || (key.kind !== 'word' && key.kind !== 'key')) throw invalid(expression, 'expected a partition key.');
    if (!op || op.kind !== 'operator') throw invalid(expression, `expected a comparison operator after ${key.text}.`);
    if (!literal || (literal.kind !== 'string' && literal.kind !== 'number')) throw invalid(expression, `expected a literal after ${key.text} ${op.text}.`);
    terms.push(comparison(expression, table, key.text, op.text as Operator, literal));
    at += 3;
    const next = list[at];
    if (next === undefined) break;
    if (next.kind === 'word' && next.text.toUpperCase() === 'AND') {
      at += 1;
      continue;
    }
    if (next.kind === 'word' && UNSUPPORTED_WORDS.has(next.text.toUpperCase())) throw invalid(expression, `${next.text} is not supported by the sandbox emulator (only key-versus-literal comparisons joined by AND are).`);
    throw invalid(expression, `unexpected ${next.text}.`);
  }
  return (values) => terms.every((term) => term(values));
}
