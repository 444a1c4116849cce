/**
 * Tables for the terminal, drawn with box characters:
 *
 *   ┌──────┬────┐
 *   │ head │  x │
 *   ├──────┼────┤
 *   │ row  │  1 │
 *   └──────┴────┘
 *
 * Columns are as wide as their widest cell, measured in terminal columns (ANSI colour codes take
 * none, Chinese characters two), with one space of padding on each side. Colour is applied by the
 * caller through the palette. (The layout is cli-table3's compact style, drawn here directly: that
 * package took 10–25 ms of every start of the CLI to measure and draw a table of 40 rows.)
 */
import stringWidth from './string-width.cjs';

export type Align = 'left' | 'right' | 'center';

export interface TableSpec {
  head: string[];
  rows: string[][];
  align?: Align[];
}

export function renderTable({ head, rows, align }: TableSpec): string {
  const table = [head, ...rows].map((row) => head.map((_, i) => (row[i] ?? '').split('\n')));
  const widths = head.map((_, i) => Math.max(...table.map((row) => Math.max(...row[i]!.map(stringWidth)))));
  const rule = (left: string, middle: string, right: string): string => `${left}${widths.map((w) => '─'.repeat(w + 2)).join(middle)}${right}`;
  const lines = (row: string[][]): string[] => {
    const height = Math.max(...row.map((cell) => cell.length));
    return Array.from({ length: height }, (_, line) => `│${row.map((cell, i) => ` ${pad(cell[line] ?? '', widths[i]!, align?.[i] ?? 'left')} `).join('│')}│`);
  };
  const [headRow, ...bodyRows] = table;
  const body = bodyRows.length > 0 ? [rule('├', '┼', '┤'), ...bodyRows.flatMap(lines)] : [];
  return [rule('┌', '┬', '┐'), ...lines(headRow!), ...body, rule('└', '┴', '┘')].join('\n');
}

function pad(text: string, width: number, align: Align): string {
  const room = width - stringWidth(text);
  if (align === 'right') return ' '.repeat(room) + text;
  if (align === 'center') return ' '.repeat(Math.floor(room / 2)) + text + ' '.repeat(Math.ceil(room / 2));
  return text + ' '.repeat(room);
}

/** "Label   value" lines with the labels padded to a common width. */
export function renderFields(fields: [string, string][]): string {
  const width = Math.max(...fields.map(([label]) => label.length));
  return fields.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n');
}
