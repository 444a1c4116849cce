// The CSV reader (src/io/csv-input.ts openCsv, read with forEach as a batch reads it) on 10 MB and
// 100 MB of generated CSV delivered as a stdin-like Readable in chunks of 64 KiB, 4 KiB and 7 bytes
// (a slow pipe): MB/s, and the ratio of the 100 MB time to the 10 MB time, which is 10 when the time
// is linear in the size. The two sizes are read alternately, in this process (bench/measure.ts
// comparePairAsync), from text generated in memory: the same bytes every run, nothing on disk. The
// rows are those of a checkpoint-level training log: a name, four numbers and a note, quoted (with a
// comma, a doubled quote and a line break) on every tenth row. 7-byte chunks take long (the stream
// machinery's cost per chunk dominates): they get one pair, after the JIT has warmed up on the others.
//
//   npx tsx bench/csv-read.ts [pairs]
import { Readable } from 'node:stream';
import { openCsv } from '../src/io/csv-input.js';
import { comparePairAsync, fmtRatio, machineLine, type RunTiming } from './measure.js';

const pairs = Number(process.argv[2] ?? 3);
const MB = 1e6;

/** About `size` bytes of CSV and its number of records. */
function generate(size: number): { bytes: Buffer; rows: number } {
  const lines = ['run,params,tokens,flops,loss,note'];
  let length = lines[0]!.length + 1;
  let rows = 0;
  for (; length < size; rows++) {
    const params = 1e8 * 1000 ** ((rows % 997) / 997);
    const tokens = 20 * params * (1 + (rows % 13) / 13);
    const note = rows % 10 === 0 ? `"step ${rows}, lr ""warm""\nrestart"` : `step ${rows}`;
    const line = `run-${rows % 240}-ckpt-${rows},${params.toPrecision(6)},${tokens.toPrecision(6)},${(6 * params * tokens).toPrecision(6)},${(1.8 + 400 / params ** 0.34).toFixed(6)},${note}`;
    lines.push(line);
    length += line.length + 1;
  }
  return { bytes: Buffer.from(`${lines.join('\n')}\n`, 'utf8'), rows };
}

/** Reads `input` in chunks of `chunkSize` bytes, checking that every record arrives. */
async function read(input: { bytes: Buffer; rows: number }, chunkSize: number): Promise<RunTiming> {
  const chunks = function* (): Generator<Buffer> {
    for (let i = 0; i < input.bytes.length; i += chunkSize) yield input.bytes.subarray(i, i + chunkSize);
  };
  const cpu = process.cpuUsage();
  const start = performance.now();
  const csv = await openCsv('-', Readable.from(chunks()));
  let rows = 0;
  await csv.forEach(() => void rows++);
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  if (rows !== input.rows) throw new Error(`read ${rows} records, expected ${input.rows}`);
  return { ms, cpuMs: (used.user + used.system) / 1000 };
}

const small = generate(10 * MB);
const large = generate(100 * MB);
const rate = (bytes: number, t: RunTiming): string => `${(t.ms / 1000).toFixed(2)} s, ${(bytes / MB / (t.ms / 1000)).toFixed(0).padStart(3)} MB/s`;
console.log(machineLine());
console.log(`CSV reader: ${(small.bytes.length / MB).toFixed(0)} MB (${small.rows.toLocaleString('en')} records) and ${(large.bytes.length / MB).toFixed(0)} MB (${large.rows.toLocaleString('en')}), read alternately\n`);
console.log(`${'chunks'.padEnd(7)} ${'10 MB'.padStart(17)} ${'100 MB'.padStart(17)}   100 MB / 10 MB (10 when linear)`);
for (const [label, size] of [['64 KiB', 65536], ['4 KiB', 4096], ['7 B', 7]] as const) {
  const slow = size < 1024;
  const pair = await comparePairAsync(() => read(large, size), () => read(small, size), slow ? 1 : pairs, !slow);
  console.log(`${label.padEnd(7)} ${rate(small.bytes.length, pair.b).padStart(17)} ${rate(large.bytes.length, pair.a).padStart(17)}   ${fmtRatio(pair)}`);
}
