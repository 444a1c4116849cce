/**
 * Tables for the terminal (cli-table3). Colour is applied by the caller through the palette; the
 * table itself draws plain borders so that its output is the same on and off a TTY.
 */
import Table from 'cli-table3';

export type Align = 'left' | 'right' | 'center';

export interface TableSpec {
  head: string[];
  rows: string[][];
  align?: Align[];
}

export function renderTable({ head, rows, align }: TableSpec): string {
  const table = new Table({
    head,
    style: { head: [], border: [], compact: true },
    colAligns: align ?? head.map(() => 'left'),
  });
  for (const row of rows) table.push(row);
  return table.toString();
}

/** "Label   value" lines with the labels padded to a common width. */
export function renderFields(fields: [string, string][]): string {
  const width = Math.max(...fields.map(([label]) => label.length));
  return fields.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n');
}
