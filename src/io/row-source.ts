/**
 * Rows given as objects (the library API: `fitLaw([{ params: 70e6, tokens: 1.4e9, loss: 3.1 }])`)
 * read as the CSV readers read a file: a CsvSource whose header is the rows' keys and whose cells are
 * the values as text.
 *
 * Lines are numbered as if the rows were written as a CSV file under a header line: line 1 is the
 * header (the column names), rows[0] is line 2, rows[i] is line i + 2. Messages about array input
 * thus read exactly as the CLI's for the same data in a CSV file whose path is `file`.
 */
import { InputError } from '../errors.js';
import { checkHeader, type CsvRecord, type CsvSource } from './csv-input.js';
import { describeValue } from './numbers.js';

/** A cell value: a number or text; null and undefined are an empty cell. */
export type RowValue = number | string | null | undefined;

/** One row: column name → value. */
export type Row = Readonly<Record<string, RowValue>>;

/**
 * The rows as a CsvSource named `file`. The header is every key of every row in order of first
 * appearance (a key missing from a row is an empty cell there); a number becomes `String(value)`,
 * which reads back as the same double.
 * @throws InputError when `rows` is not a non-empty array of objects, a header
 *   names a column twice (case-insensitive), or a value is neither a number nor text
 */
export function rowSource(rows: unknown, file: string): CsvSource {
  if (!Array.isArray(rows)) throw new InputError(file, undefined, `is ${describeValue(rows)}; expected an array of rows (objects of column name → value)`);
  if (rows.length === 0) throw new InputError(file, undefined, 'is empty; expected an array of rows (objects of column name → value)');
  const keys = new Map<string, number>();
  rows.forEach((row: unknown, i) => {
    if (row === null || typeof row !== 'object' || Array.isArray(row)) throw new InputError(file, i + 2, `the row is ${describeValue(row)}; expected an object of column name → value`);
    for (const key of Object.keys(row)) if (!keys.has(key)) keys.set(key, keys.size);
  });
  const header = [...keys.keys()];
  checkHeader(file, header);
  const records: CsvRecord[] = (rows as Row[]).map((row, i) => ({ line: i + 2, cells: header.map((key) => cellText(row[key], file, i + 2, key)) }));
  const forEach: CsvSource['forEach'] = async (onRecord, afterChunk) => {
    for (const record of records) onRecord(record.cells, record.line);
    await afterChunk?.();
  };
  return { file, header, records: iterate(records), forEach };
}

/** The items, as an async iterable that can be read again. */
function iterate<T>(items: readonly T[]): AsyncIterable<T> {
  return {
    async *[Symbol.asyncIterator]() {
      yield* items;
    },
  };
}

function cellText(value: unknown, file: string, line: number, key: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'string') return value;
  throw new InputError(file, line, `${key}: ${describeValue(value)} is not a number or text`);
}
