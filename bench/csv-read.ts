// The CSV reader (src/io/csv-input.ts openCsv, read with forEach as a batch reads it) on 10 MB and
// 100 MB of generated CSV delivered as a stdin-like Readable in chunks of 64 KiB, 4 KiB and 7 bytes
// (a slow pipe): MB/s, and the ratio of the 100 MB time to the 10 MB time, which is 10 when the time
// is linear in the size. Each measurement runs in a process of its own (this script with --read),
// which generates its input in memory (the same bytes every time; nothing is written to disk),
// reads 10 MB to warm the JIT up, then reports the median of three reads (one for 7-byte chunks);
// the two sizes alternate (bench/measure.ts comparePair). The rows are those of a checkpoint-level
// training log: a name, four numbers and a note, quoted (with a comma, a doubled quote and a line
// break) on every tenth row. 7-byte chunks take long (the stream machinery's cost per chunk
// dominates): about 5 minutes for their three pairs.
//
//   npx tsx bench/csv-read.ts [pairs]
import { spawnSync } from 'node:child_process';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { openCsv } from '../src/io/csv-input.js';
import { comparePair, fmtRatio, machineLine, median, type RunTiming } from './measure.js';

const MB = 1e6;

/** About `size` bytes of CSV and its number of records (made a megabyte at a time). */
function generate(size: number): { bytes: Buffer; rows: number } {
  const pieces: Buffer[] = [];
  let piece = 'run,params,tokens,flops,loss,note\n';
  let length = 0;
  let rows = 0;
  for (; length + piece.length < size; rows++) {
    const params = 1e8 * 1000 ** ((rows % 997) / 997);
    const tokens = 20 * params * (1 + (rows % 13) / 13);
    const note = rows % 10 === 0 ? `"step ${rows}, lr ""warm""\nrestart"` : `step ${rows}`;
    piece += `run-${rows % 240}-ckpt-${rows},${params.toPrecision(6)},${tokens.toPrecision(6)},${(6 * params * tokens).toPrecision(6)},${(1.8 + 400 / params ** 0.34).toFixed(6)},${note}\n`;
    if (piece.length >= 1 << 20) {
      pieces.push(Buffer.from(piece));
      length += piece.length;
      piece = '';
    }
  }
  pieces.push(Buffer.from(piece));
  return { bytes: Buffer.concat(pieces), rows };
}

/** --read MB CHUNK: reads a generated input of MB megabytes in chunks of CHUNK bytes and prints its timing as JSON. */
async function readOnce(megabytes: number, chunkSize: number): Promise<void> {
  const read = async (input: { bytes: Buffer; rows: number }): Promise<RunTiming> => {
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
  };
  await read(generate(10 * MB)); // the JIT's warm-up: both sizes are then read by code as warm
  const input = generate(megabytes * MB);
  // The median of three reads (one with 7-byte chunks, which take long): a single read moves by 30%.
  const reads: RunTiming[] = [];
  for (let i = 0; i < (chunkSize < 1024 ? 1 : 3); i++) reads.push(await read(input));
  const ms = median(reads.map((r) => r.ms));
  console.log(JSON.stringify({ ms, cpuMs: reads.find((r) => r.ms === ms)!.cpuMs, bytes: input.bytes.length, rows: input.rows }));
}

const self = fileURLToPath(import.meta.url);
const tsx = fileURLToPath(new URL('../node_modules/tsx/dist/cli.mjs', import.meta.url));
const sizes: Record<number, { bytes: number; rows: number }> = {};
function read(megabytes: number, chunkSize: number): () => RunTiming {
  return () => {
    const child = spawnSync(process.execPath, [tsx, self, '--read', String(megabytes), String(chunkSize)], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`the read of ${megabytes} MB failed: ${child.stderr}`);
    const result = JSON.parse(child.stdout) as RunTiming & { bytes: number; rows: number };
    sizes[megabytes] = result;
    return result;
  };
}

if (process.argv[2] === '--read') {
  await readOnce(Number(process.argv[3]), Number(process.argv[4]));
} else {
  const pairs = Number(process.argv[2] ?? 3);
  const rate = (megabytes: number, t: RunTiming): string => `${(t.ms / 1000).toFixed(2)} s, ${(sizes[megabytes]!.bytes / MB / (t.ms / 1000)).toFixed(0).padStart(3)} MB/s`;
  console.log(machineLine());
  console.log('CSV reader on 10 MB and 100 MB of generated CSV, each read in a process of its own, the two sizes alternated\n');
  console.log(`${'chunks'.padEnd(7)} ${'10 MB'.padStart(17)} ${'100 MB'.padStart(17)}   100 MB / 10 MB (10 when linear)`);
  for (const [label, size] of [['64 KiB', 65536], ['4 KiB', 4096], ['7 B', 7]] as const) {
    const pair = comparePair(read(100, size), read(10, size), pairs, false);
    console.log(`${label.padEnd(7)} ${rate(10, pair.b).padStart(17)} ${rate(100, pair.a).padStart(17)}   ${fmtRatio(pair)}`);
  }
  console.log(`\n(${sizes[10]!.rows.toLocaleString('en')} and ${sizes[100]!.rows.toLocaleString('en')} records)`);
}
