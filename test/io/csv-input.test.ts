import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { CsvParser, openCsv } from '../../src/io/csv-input.js';

async function read(text: string | Buffer, chunkSize = 7): Promise<{ header: string[]; records: { cells: string[]; line: number }[] }> {
  const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8');
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
  const csv = await openCsv('-', Readable.from(chunks));
  const records = [];
  for await (const record of csv.records) records.push(record);
  return { header: csv.header, records };
}

async function failure(text: string | Buffer): Promise<string> {
  try {
    await read(text);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error('expected an InputError');
}

describe('openCsv', () => {
  it('reads records with their line numbers, whatever the chunk boundaries', async () => {
    const text = 'name,params\nsmall,7B\n\nbig, 70B \n';
    for (const size of [1, 2, 3, 5, 64]) {
      const { header, records } = await read(text, size);
      expect(header).toEqual(['name', 'params']);
      expect(records).toEqual([
        { cells: ['small', '7B'], line: 2 },
        { cells: ['big', '70B'], line: 4 },
      ]);
    }
  });

  it('accepts a BOM, CRLF line ends and no final newline', async () => {
    const { header, records } = await read('\ufeffa,b\r\n1,2\r\n3,4');
    expect(header).toEqual(['a', 'b']);
    expect(records.map((r) => r.cells)).toEqual([['1', '2'], ['3', '4']]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks (RFC 4180)', async () => {
    for (const size of [1, 4, 100]) {
      const { records } = await read('name,note\n"a, b","say ""hi"""\n"multi\nline",x\nlast,"y"\r\n', size);
      expect(records).toEqual([
        { cells: ['a, b', 'say "hi"'], line: 2 },
        { cells: ['multi\nline', 'x'], line: 3 },
        { cells: ['last', 'y'], line: 5 },
      ]);
    }
  });

  it.each([
    ['', 'stdin: is empty; expected a header line and data rows'],
    ['a,b\n1,2\n3,4,5\n', 'stdin:3: invalid CSV: 3 fields where the header has 2'],
    ['a,b\n1\n', 'stdin:2: invalid CSV: 1 fields where the header has 2'],
    ['a,b\n"1,2\n', 'stdin:2: invalid CSV: a quoted field is not closed'],
    ['a,b\n"1"x,2\n', 'stdin:2: invalid CSV: text after a closing quote'],
    ['a,b\n1"x,2\n', 'stdin:2: invalid CSV: a quote inside an unquoted field'],
    ['a;b\n1;2\n', 'stdin:1: the header is separated by semicolons; emerge reads comma-separated CSV'],
    ['a\tb\n1\t2\n', 'stdin:1: the header is separated by tabs; emerge reads comma-separated CSV'],
    ['params,tokens,Params\n1,2,3\n', 'stdin:1: the column "Params" appears twice in the header'],
    ['name,params\n\u001b[31mred,7B\n', 'stdin:2: a field holds the control character U+001B'],
  ])('rejects %j', async (text, message) => {
    expect(await failure(text)).toBe(message);
  });

  it('rejects bytes that are not UTF-8, naming the line', async () => {
    expect(await failure(Buffer.concat([Buffer.from('a,b\n1,2\n'), Buffer.from([0xff, 0xfe, 0x2c, 0x31, 0x0a])]))).toMatch(/^stdin:\d+: is not valid UTF-8 text$/);
  });

  it('rejects a line longer than 1 MB', async () => {
    expect(await failure(`a\n${'x'.repeat(1_000_001)}\n`)).toContain('longer than 1 MB');
  });

  it('reads an 800 kB quoted record of 400,000 lines arriving 7 bytes at a time', async () => {
    const field = 'y\n'.repeat(400_000);
    const { records } = await read(`a,b\n"${field}",2\nnext,3\n`);
    expect(records.map((r) => [r.cells[0]!.length, r.cells[1], r.line])).toEqual([
      [field.length, '2', 2],
      ['next'.length, '3', 400_003],
    ]);
  });

  it('names a missing file', async () => {
    await expect(openCsv('fixtures/no-such.csv', Readable.from([]))).rejects.toThrow('fixtures/no-such.csv: no such file');
  });
});

describe('CsvParser', () => {
  it('keeps an incomplete record for the next push', () => {
    const parser = new CsvParser('f.csv');
    expect(parser.push('a,"b', false)).toEqual([]);
    expect(parser.push('c"\nd,e\n', false)).toEqual([
      { cells: ['a', 'bc'], line: 1 },
      { cells: ['d', 'e'], line: 2 },
    ]);
    expect(parser.push('', true)).toEqual([]);
  });
});
