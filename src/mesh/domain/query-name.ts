/**
 * The name a consumer types in a query for one table: `"<database>"."<table>"`, each part in double
 * quotes (a `"` inside doubled), e.g. `"telco-111111111111"."usecase1_cell_kpis"`. Mesh databases are
 * named `<db>-<account>`, and Athena accepts a hyphen only inside double quotes: unquoted,
 * `telco-111111111111.usecase1_cell_kpis` fails to parse. Quoting both parts always gives one form
 * that every message can show and every reader can paste.
 * Sources: Athena User Guide, "Name databases, tables, and columns"
 * (https://docs.aws.amazon.com/athena/latest/ug/tables-databases-columns-names.html: identifiers
 * that are not plain are enclosed in double quotes in SELECT, CTAS and VIEW queries; underscore is
 * the only special character allowed bare), and the Knowledge Center page "parse-exception-missing-eof-athena"
 * (a hyphenated database name unquoted fails with `missing EOF at '-'`).
 */
export function queryName(database: string, table: string): string {
  return `${quoteIdentifier(database)}.${quoteIdentifier(table)}`;
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
