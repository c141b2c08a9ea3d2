/** One column of a table: its header and how to read the cell from a row. */
export interface TableColumn<Row> {
  readonly header: string;
  readonly value: (row: Row) => string | number | boolean | undefined;
}

/** Plain aligned columns, two spaces apart, header first; no colours so it pipes cleanly. */
export function renderTable<Row>(
  rows: readonly Row[],
  columns: readonly TableColumn<Row>[],
): string {
  const cells = rows.map((row) => columns.map((column) => String(column.value(row) ?? '')));
  const widths = columns.map((column, i) =>
    Math.max(column.header.length, ...cells.map((row) => (row[i] ?? '').length)),
  );
  const format = (values: readonly string[]): string =>
    values
      .map((value, i) => value.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return (
    [format(columns.map((c) => c.header.toUpperCase())), ...cells.map(format)].join('\n') + '\n'
  );
}
