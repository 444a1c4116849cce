/**
 * Streaming CSV input (RFC 4180) with the file and line of every record, for inputs of any size: a
 * million rows are read in bounded memory, a chunk at a time. `-` reads stdin.
 *
 * Fields are separated by commas and may be double-quoted (a quoted field may hold commas, quotes
 * written as "" and line breaks). Unquoted fields are trimmed; empty lines are skipped; a UTF-8 BOM
 * and CRLF line ends are accepted. Every record must have as many fields as the header. Problems are
 * InputErrors naming the file and line: bytes that are not UTF-8, control characters, an
 * unterminated quote, a ragged row, a line longer than 1 MB.
 *
 * (csv-parse with line numbers read a million rows in about 4 s, most of a batch prediction's
 * time; this reader takes a fraction of that, and test/property/csv.property.test.ts checks that it
 * reads what csv-parse reads.)
 */
import { createReadStream } from 'node:fs';
import { InputError } from '../errors.js';
import { quoteUserText } from './numbers.js';
import { describeReadError } from './yaml-source.js';

export interface CsvRecord {
  cells: string[];
  /** 1-based line where the record starts. */
  line: number;
}

export interface CsvSource {
  /** Name for messages: the path, or "stdin". */
  file: string;
  header: string[];
  /** The records after the header, one by one. */
  records: AsyncIterable<CsvRecord>;
  /**
   * The same records again, the fastest way through a large file: `onRecord` is called for each
   * record as it is parsed (no record is kept, so a batch's garbage dies young), and `afterChunk`
   * is awaited after each chunk of input (to write output with back-pressure). Read the records
   * once, by one of the two.
   */
  forEach(onRecord: RecordSink, afterChunk?: () => Promise<void>): Promise<void>;
}

/** Receives a record: its cells and the line it starts on. */
export type RecordSink = (cells: string[], line: number) => void;

export const MAX_RECORD_BYTES = 1_000_000;

/** Control characters other than tab and line breaks have no place in a field (and could drive a terminal). */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** Opens a CSV file (or stdin for "-"), reads its header and returns the records as a stream. */
export async function openCsv(path: string, stdin: NodeJS.ReadableStream): Promise<CsvSource> {
  const file = path === '-' ? 'stdin' : path;
  const input: NodeJS.ReadableStream = path === '-' ? stdin : createReadStream(path);
  const parser = new CsvParser(file);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const iterator = (input as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
  let done = false;

  /** The next piece of decoded text, or undefined after the last. */
  const nextText = async (): Promise<string | undefined> => {
    if (done) return undefined;
    let step: IteratorResult<Buffer | string>;
    try {
      step = await iterator.next();
    } catch (error) {
      throw new InputError(file, undefined, describeReadError(error));
    }
    try {
      if (step.done) done = true;
      return step.done ? decoder.decode() : typeof step.value === 'string' ? step.value : decoder.decode(step.value, { stream: true });
    } catch {
      // Find the line of the first bad byte: decode again, replacing, and count the lines before it.
      const replaced = new TextDecoder('utf-8').decode(step.value as Buffer);
      throw new InputError(file, parser.lineOf(replaced.slice(0, replaced.indexOf('\ufffd'))), 'is not valid UTF-8 text');
    }
  };
  const nextChunk = async (): Promise<CsvRecord[] | undefined> => {
    for (let text = await nextText(); text !== undefined; text = await nextText()) {
      const records = parser.push(text, done);
      if (records.length > 0) return records;
    }
    return undefined;
  };

  // The header is the first record; the rest of its chunk is kept for the caller.
  let first = await nextChunk();
  if (!first || first.length === 0) throw new InputError(file, undefined, 'is empty; expected a header line and data rows');
  const header = first[0]!.cells;
  checkHeader(file, header);
  parser.expectFields(header.length, 'the header');
  for (const record of first.slice(1)) parser.checkWidth(record);
  first = first.slice(1);

  return {
    file,
    header,
    records: {
      async *[Symbol.asyncIterator]() {
        if (first) yield* first;
        first = undefined;
        for (let chunk = await nextChunk(); chunk; chunk = await nextChunk()) yield* chunk;
      },
    },
    async forEach(onRecord, afterChunk) {
      for (const record of first ?? []) onRecord(record.cells, record.line);
      first = undefined;
      await afterChunk?.();
      for (let text = await nextText(); text !== undefined; text = await nextText()) {
        parser.pushEach(text, done, onRecord);
        await afterChunk?.();
      }
    },
  };
}

/** A header must name distinct columns, and be comma-separated. */
export function checkHeader(file: string, header: string[]): void {
  if (header.length === 1) {
    const [only] = header as [string];
    const delimiter = only.includes(';') ? 'semicolons' : only.includes('\t') ? 'tabs' : undefined;
    if (delimiter) throw new InputError(file, 1, `the header is separated by ${delimiter}; emerge reads comma-separated CSV`);
  }
  const seen = new Set<string>();
  for (const name of header) {
    const key = name.toLowerCase();
    if (seen.has(key)) throw new InputError(file, 1, `the column ${quoteUserText(name)} appears twice in the header`);
    seen.add(key);
  }
}

/**
 * An incremental RFC 4180 parser: push text as it arrives, get back the complete records. Lines
 * without a quote take a fast path (split on commas); quoted fields go through a small state
 * machine that may span lines.
 */
export class CsvParser {
  /** Line number of the next unread line (1-based). */
  line = 1;
  /**
   * The unparsed tail: the start of a record that has not ended yet, kept as the pieces it arrived
   * in. A slow pipe delivers a long record a few bytes at a time; joining and rescanning it on every
   * chunk would be quadratic, so each new chunk is scanned once, alone, for the record's end.
   */
  private pieces: string[] = [];
  private pendingLength = 0;
  /** Whether the tail holds an odd number of quotes, i.e. ends inside a quoted field. */
  private insideQuotes = false;
  private started = false;
  private fields: number | undefined;
  private fieldsOf = '';

  constructor(readonly file: string) {}

  /** Every later record must have `count` fields. */
  expectFields(count: number, what: string): void {
    this.fields = count;
    this.fieldsOf = what;
  }

  /** The line reached after the unparsed rest and then `text`. */
  lineOf(text: string): number {
    return this.line + countNewlines(this.pieces.join('') + text, 0, Infinity);
  }

  checkWidth(record: CsvRecord): void {
    if (this.fields !== undefined && record.cells.length !== this.fields) {
      throw new InputError(this.file, record.line, `invalid CSV: ${record.cells.length} fields where ${this.fieldsOf} has ${this.fields}`);
    }
  }

  /** Parses `chunk` (the text after the previous one; `final` for the last) into complete records. */
  push(chunk: string, final: boolean): CsvRecord[] {
    const records: CsvRecord[] = [];
    this.pushEach(chunk, final, (cells, line) => records.push({ cells, line }));
    return records;
  }

  /** As `push`, handing each record to `emit` as it is parsed. */
  pushEach(chunk: string, final: boolean, emit: RecordSink): void {
    // While the pending record cannot have ended, keep the chunk and look no further: the record
    // ends at the first line break outside quotes (RFC 4180 quotes come in pairs, "" included). A
    // tail past the size limit is parsed anyway, so that a specific error takes precedence.
    if (this.pendingLength > 0 && !final && this.recordEnd(chunk) < 0) {
      this.pieces.push(chunk);
      this.pendingLength += chunk.length;
      if (this.pendingLength <= MAX_RECORD_BYTES) return;
      chunk = '';
    }
    let text = this.pieces.length > 0 ? this.pieces.join('') + chunk : chunk;
    if (!this.started && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      this.started = true;
    }
    // Control characters are looked for line by line only in a text that has one (to name its line).
    const controls = CONTROL.test(text);
    let position = 0;
    let quote = -1; // the next quote at or after `position` (Infinity: none left in this text)
    while (position < text.length) {
      const end = text.indexOf('\n', position);
      if (end < 0 && !final) break;
      const lineEnd = end < 0 ? text.length : end;
      if (lineEnd - position > MAX_RECORD_BYTES) throw new InputError(this.file, this.line, `a line is longer than ${MAX_RECORD_BYTES / 1e6} MB`);
      if (quote < position) {
        const found = text.indexOf('"', position);
        quote = found < 0 ? Infinity : found;
      }
      if (quote > lineEnd) {
        // Fast path: an unquoted line.
        let raw = text.slice(position, lineEnd);
        if (raw.endsWith('\r')) raw = raw.slice(0, -1);
        if (raw !== '') {
          if (controls) this.checkControls(raw, this.line);
          const cells = raw.split(',');
          for (let i = 0; i < cells.length; i++) {
            const cell = cells[i]!;
            if (!(isPlainAscii(cell.charCodeAt(0)) && isPlainAscii(cell.charCodeAt(cell.length - 1)))) cells[i] = cell.trim();
          }
          this.emit(emit, cells, this.line);
        }
        this.line++;
        position = lineEnd + 1;
        continue;
      }
      const parsed = this.quotedRecord(text, position, final);
      if (!parsed) break; // the record continues in the next chunk
      if (controls) for (const cell of parsed.cells) this.checkControls(cell, this.line);
      this.emit(emit, parsed.cells, this.line);
      this.line += parsed.lines;
      position = parsed.next;
    }
    const rest = position < text.length ? text.slice(position) : '';
    if (rest.length > MAX_RECORD_BYTES) throw new InputError(this.file, this.line, `a line is longer than ${MAX_RECORD_BYTES / 1e6} MB`);
    this.pieces = rest === '' ? [] : [rest];
    this.pendingLength = rest.length;
    this.insideQuotes = false;
    this.recordEnd(rest);
  }

  /**
   * Scans `text`, which continues the pending tail, for the line break that ends the record: the
   * first one outside quotes. Returns its index, or -1; updates the quote state either way.
   */
  private recordEnd(text: string): number {
    let position = 0;
    for (;;) {
      const quote = text.indexOf('"', position);
      if (!this.insideQuotes) {
        const end = text.indexOf('\n', position);
        if (end >= 0 && (quote < 0 || end < quote)) return end;
      }
      if (quote < 0) return -1;
      this.insideQuotes = !this.insideQuotes;
      position = quote + 1;
    }
  }

  private checkControls(text: string, line: number): void {
    const control = CONTROL.exec(text);
    if (control) throw new InputError(this.file, line, `a field holds the control character U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
  }

  private emit(emit: RecordSink, cells: string[], line: number): void {
    if (this.fields !== undefined && cells.length !== this.fields) this.checkWidth({ cells, line });
    emit(cells, line);
  }

  /** A record with quoted fields starting at `start`, or undefined when it is not complete yet. */
  private quotedRecord(text: string, start: number, final: boolean): { cells: string[]; next: number; lines: number } | undefined {
    const cells: string[] = [];
    let lines = 1;
    let i = start;
    for (;;) {
      // At the start of a field: skip leading blanks before an opening quote.
      let j = i;
      while (text[j] === ' ' || text[j] === '\t') j++;
      if (text[j] === '"') {
        let value = '';
        let k = j + 1;
        for (;;) {
          const close = text.indexOf('"', k);
          if (close < 0) {
            if (final) throw new InputError(this.file, this.line, 'invalid CSV: a quoted field is not closed');
            return undefined;
          }
          value += text.slice(k, close);
          lines += countNewlines(text, k, close);
          if (text[close + 1] === '"') {
            value += '"';
            k = close + 2;
            continue;
          }
          k = close + 1;
          break;
        }
        while (text[k] === ' ' || text[k] === '\t') k++;
        if (k >= text.length && !final) return undefined;
        cells.push(value);
        const c = text[k];
        if (c === ',') {
          i = k + 1;
          continue;
        }
        if (c === '\r' && text[k + 1] === '\n') return { cells, next: k + 2, lines };
        if (c === '\n' || c === undefined) return { cells, next: k + 1, lines };
        if (c === '\r' && k + 1 >= text.length && !final) return undefined;
        throw new InputError(this.file, this.line + lines - 1, 'invalid CSV: text after a closing quote');
      }
      // An unquoted field: up to the next comma or line end.
      let k = i;
      while (k < text.length && text[k] !== ',' && text[k] !== '\n') k++;
      if (k >= text.length && !final) return undefined;
      const value = text.slice(i, k).replace(/\r$/, '').trim();
      if (value.includes('"')) throw new InputError(this.file, this.line + lines - 1, 'invalid CSV: a quote inside an unquoted field');
      cells.push(value);
      if (text[k] === ',') {
        i = k + 1;
        continue;
      }
      return { cells, next: k + 1, lines };
    }
  }
}

/** A printable ASCII character other than the space: nothing String.trim would remove. */
function isPlainAscii(code: number): boolean {
  return code > 32 && code < 127;
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) count++;
  return count;
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
