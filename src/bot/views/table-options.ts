import type { DataProduct } from '../../mesh/domain/data-product';
import { option } from '../blocks/block-kit';
import { SLACK_LIMITS } from '../blocks/slack-limits';
import type { PlainTextOption } from '../blocks/slack-types';

// Option values are capped at 150 characters but Glue table names reach 255: a longer name travels as
// `#<n>`, its index in the modal's `private_metadata.longTables` ('#' is not allowed in a Glue name).

/** Names too long for an option value, in product order: they travel by index through the metadata. */
export function longTableNames(tables: readonly string[], budget = 2000): string[] {
  const out: string[] = [];
  let used = 2;
  for (const name of tables) {
    if (name.length <= SLACK_LIMITS.optionValue) continue;
    // A product with many 150+ character names gives up the last ones rather than break the metadata.
    if (used + name.length + 3 > budget) break;
    out.push(name);
    used += name.length + 3;
  }
  return out;
}

/** The option value of a table, or undefined when it cannot be carried. */
export function tableOptionValue(name: string, longTables: readonly string[]): string | undefined {
  if (name.length <= SLACK_LIMITS.optionValue) return name;
  const index = longTables.indexOf(name);
  return index >= 0 ? `#${index}` : undefined;
}

/** The table an option value stands for. */
export function tableFromOptionValue(value: string, longTables: readonly string[]): string | undefined {
  if (!value.startsWith('#')) return value;
  return longTables[Number(value.slice(1))];
}

/** Options for tables (text cut to 75 characters), skipping names that cannot be carried. */
export function tableOptions(tables: readonly string[], longTables: readonly string[]): PlainTextOption[] {
  const out: PlainTextOption[] = [];
  for (const name of tables) {
    const value = tableOptionValue(name, longTables);
    if (value !== undefined) out.push(option(name, value));
  }
  return out;
}

/**
 * The answer to the tables `multi_external_select`'s options request (`app.options`): up to 100 tables
 * of the product whose name contains the typed text, names starting with it first.
 */
export function buildTableSearchOptions(product: DataProduct, query: string): { options: PlainTextOption[] } {
  const q = query.trim().toLowerCase();
  const matches = product.tables.filter((t) => t.includes(q));
  const ranked = [...matches.filter((t) => t.startsWith(q)), ...matches.filter((t) => !t.startsWith(q))];
  return { options: tableOptions(ranked, longTableNames(product.tables)).slice(0, SLACK_LIMITS.staticOptions) };
}
