// Property-based tests (fast-check) of the streaming CSV reader and of CSV output.
import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { openCsv } from '../../src/io/csv-input.js';
import { csvCell } from '../../src/render/csv.js';

async function parseChunks(chunks: Buffer[]): Promise<string[][]> {
  const csv = await openCsv('-', Readable.from(chunks));
  const rows = [csv.header];
  for await (const record of csv.records) rows.push(record.cells);
  return rows;
}

function split(bytes: Buffer, cuts: number[]): Buffer[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let start = 0;
  for (const p of points) {
    chunks.push(bytes.subarray(start, p));
    start = p;
  }
  chunks.push(bytes.subarray(start));
  return chunks;
}

const quoted = (cell: string): string => `"${cell.replace(/"/g, '""')}"`;
// Distinct, non-empty header names (the reader refuses duplicates).
const header = fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/), { minLength: 1, maxLength: 5 });

describe('openCsv (properties)', () => {
  it('round-trips quoted fields of any text, whatever the chunk boundaries and line ends', async () => {
    await fc.assert(
      fc.asyncProperty(
        header.chain((names) => fc.tuple(fc.constant(names), fc.array(fc.array(fc.string({ unit: 'grapheme' }), { minLength: names.length, maxLength: names.length }), { maxLength: 8 }))),
        fc.constantFrom('\n', '\r\n'),
        fc.array(fc.nat(), { maxLength: 6 }),
        async ([names, rows], eol, cuts) => {
          const text = [names.join(','), ...rows.map((r) => r.map(quoted).join(','))].join(eol) + eol;
          expect(await parseChunks(split(Buffer.from(text, 'utf8'), cuts))).toEqual([names, ...rows]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reads plain fields trimmed', async () => {
    await fc.assert(
      fc.asyncProperty(header, fc.array(fc.stringMatching(/^[a-zA-Z0-9.e+-]{1,12}$/), { minLength: 1, maxLength: 5 }), async (names, values) => {
        const row = names.map((_, i) => ` ${values[i % values.length]} `);
        expect(await parseChunks([Buffer.from(`${names.join(',')}\n${row.join(',')}\n`)])).toEqual([names, row.map((c) => c.trim())]);
      }),
    );
  });

  it('reads what csv-parse reads (the library it replaces for speed), on any valid document', async () => {
    const field = fc.oneof(fc.stringMatching(/^[a-z0-9.+-]{0,8}$/), fc.string({ unit: 'grapheme' }).map(quoted));
    await fc.assert(
      fc.asyncProperty(
        // Two columns at least: csv-parse skips a line holding only "" as empty, which a one-column file would hit.
        header.filter((names) => names.length >= 2).chain((names) => fc.tuple(fc.constant(names), fc.array(fc.array(field, { minLength: names.length, maxLength: names.length }), { maxLength: 6 }))),
        fc.constantFrom('\n', '\r\n'),
        async ([names, rows], eol) => {
          const text = [names.join(','), ...rows.map((r) => r.join(','))].join(eol) + eol;
          const reference = parse(text, { skip_empty_lines: true, relax_column_count: false }) as string[][];
          expect(await parseChunks([Buffer.from(text, 'utf8')])).toEqual(reference);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('returns records or an InputError for any bytes, nothing else', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), fc.array(fc.nat(), { maxLength: 4 }), async (bytes, cuts) => {
        try {
          const rows = await parseChunks(split(Buffer.from(bytes), cuts));
          const width = rows[0]!.length;
          expect(rows.every((r) => r.length === width)).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
        }
      }),
      { numRuns: 300 },
    );
  });
  it('gives the same records, or the same error, however the input is chunked', async () => {
    const outcome = async (chunks: Buffer[]): Promise<unknown> => {
      try {
        return await parseChunks(chunks);
      } catch (error) {
        expect(error).toBeInstanceOf(InputError);
        return (error as Error).message;
      }
    };
    // Text made of the characters that steer the parser, so that quotes, commas and line ends meet chunk edges.
    const text = fc.string({ unit: fc.constantFrom('a', '1', ',', '"', '\n', '\r', ' '), maxLength: 80 });
    await fc.assert(
      fc.asyncProperty(text, fc.array(fc.nat(), { maxLength: 12 }), async (body, cuts) => {
        const bytes = Buffer.from(`a,b\n${body}`, 'utf8');
        expect(await outcome(split(bytes, cuts))).toEqual(await outcome([bytes]));
      }),
      { numRuns: 500 },
    );
  });

  it('hands forEach the records the iterators give, or fails the same way', async () => {
    const outcome = async (chunks: Buffer[], each: boolean): Promise<unknown> => {
      try {
        if (!each) return { rows: await parseChunks(chunks) };
        const csv = await openCsv('-', Readable.from(chunks));
        const rows = [csv.header];
        let afterChunk = 0;
        await csv.forEach((cells) => rows.push(cells), async () => void afterChunk++);
        expect(afterChunk).toBeGreaterThan(0);
        return { rows };
      } catch (error) {
        expect(error).toBeInstanceOf(InputError);
        return (error as Error).message;
      }
    };
    const text = fc.string({ unit: fc.constantFrom('a', '1', ',', '"', '\n', '\r', ' ', '\u0001', 'é'), maxLength: 80 });
    await fc.assert(
      fc.asyncProperty(text, fc.array(fc.nat(), { maxLength: 12 }), async (body, cuts) => {
        const chunks = split(Buffer.from(`a,b\n${body}`, 'utf8'), cuts);
        expect(await outcome(chunks, true)).toEqual(await outcome(chunks, false));
      }),
      { numRuns: 500 },
    );
  });
});

describe('csvCell (properties)', () => {
  it('never starts a cell with a spreadsheet formula, and reads back as the text (or the guarded text)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme' }), async (text) => {
        const cell = csvCell(text);
        const unquoted = cell.startsWith('"') ? cell.slice(1) : cell;
        expect(/^[=+\-@\t\r]/.test(unquoted)).toBe(false);
        const [, row] = await parseChunks([Buffer.from(`x,y\n${cell},end\n`)]);
        const expected = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
        // Unquoted cells are trimmed on reading; quoted ones keep their spaces.
        expect(row![0]).toBe(cell.startsWith('"') ? expected : expected.trim());
      }),
      { numRuns: 300 },
    );
  });
});
