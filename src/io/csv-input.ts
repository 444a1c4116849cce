/**
 * Streaming CSV input (csv-parse) with the file and line of every record, for inputs of any size:
 * a million rows are read in bounded memory. `-` reads stdin.
 */
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { InputError } from '../errors.js';
import { describeReadError } from './yaml-source.js';

export interface CsvRecord {
  cells: string[];
  /** 1-based line where the record ends. */
  line: number;
}

export interface CsvSource {
  /** Name for messages: the path, or "stdin". */
  file: string;
  header: string[];
  records: AsyncIterable<CsvRecord>;
}

/** Opens a CSV file (or stdin for "-"), reads its header and returns the records as a stream. */
export async function openCsv(path: string, stdin: NodeJS.ReadableStream): Promise<CsvSource> {
  const file = path === '-' ? 'stdin' : path;
  const input: NodeJS.ReadableStream = path === '-' ? stdin : createReadStream(path);
  const parser = parse({ bom: true, skip_empty_lines: true, info: true, relax_column_count: false, trim: true, max_record_size: 1_000_000 });
  const failures: InputError[] = [];
  input.on('error', (error: Error) => {
    failures.push(new InputError(file, undefined, describeReadError(error)));
    parser.end();
  });
  input.pipe(parser);
  const iterator = parser[Symbol.asyncIterator]() as AsyncIterator<{ record: string[]; info: { lines: number } }>;
  const next = async (): Promise<CsvRecord | undefined> => {
    let step: IteratorResult<{ record: string[]; info: { lines: number } }>;
    try {
      step = await iterator.next();
    } catch (error) {
      throw failures[0] ?? csvError(file, error);
    }
    if (failures[0]) throw failures[0];
    return step.done ? undefined : { cells: step.value.record, line: step.value.info.lines };
  };
  const first = await next();
  if (!first) throw new InputError(file, undefined, 'is empty; expected a header line and data rows');
  const header = first.cells.map((h) => h.trim());
  return {
    file,
    header,
    records: {
      [Symbol.asyncIterator]: () => ({ next: async () => {
        const record = await next();
        return record ? { done: false, value: record } : { done: true, value: undefined };
      } }),
    },
  };
}

function csvError(file: string, error: unknown): InputError {
  const e = error as { code?: string; lines?: number; message?: string };
  const detail = (e.message ?? String(error)).split('\n')[0]!;
  return new InputError(file, e.lines, `invalid CSV: ${detail}`);
}

/**
 * Header aliases: the names under which each column is recognised (case-insensitive), the first
 * found wins. `--columns params=Model Size` maps others.
 */
export const COLUMN_ALIASES: Record<string, readonly string[]> = {
  params: ['params', 'n', 'parameters', 'model_size', 'model_size_params', 'num_params', 'n_params'],
  tokens: ['tokens', 'd', 'training_tokens', 'data', 'num_tokens', 'n_tokens'],
  compute: ['compute', 'c', 'flops', 'training_flop', 'training_flops', 'train_flops'],
  loss: ['loss', 'l', 'final_loss', 'train_loss', 'eval_loss'],
  name: ['name', 'model', 'label', 'id'],
};

/** Index of each wanted column in `header` (undefined when absent). */
export function findColumns(header: readonly string[], wanted: readonly string[], explicit: Record<string, string> = {}): Record<string, number | undefined> {
  const lower = header.map((h) => h.trim().toLowerCase());
  const result: Record<string, number | undefined> = {};
  for (const key of wanted) {
    const names = explicit[key] !== undefined ? [explicit[key]!.toLowerCase()] : COLUMN_ALIASES[key] ?? [key];
    const index = names.map((n) => lower.indexOf(n)).find((i) => i >= 0);
    result[key] = index;
  }
  return result;
}
