// Wall-clock time of `emerge fit` as a user runs it: the built binary (npm run build first), process
// start, CSV reading, worker threads and output included. Each command runs 3 times; the median and
// the fastest are printed, with the objective or the first threshold as a check that the work was
// done. Asserts nothing.  Run: npx tsx bench/fit-cli.ts
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = fileURLToPath(new URL('../bin/emerge.js', import.meta.url));

const commands: [string, string[]][] = [
  ['law: 240 runs, 4,500 starts, 1000 bootstraps', ['fit', 'fixtures/chinchilla_runs.csv', '--format', 'json']],
  ['law: 240 runs, 4,500 starts, no bootstrap', ['fit', 'fixtures/chinchilla_runs.csv', '--bootstrap', '0', '--format', 'json']],
  ['law: 240 runs, coarse grid (108), 1000 bootstraps', ['fit', 'fixtures/chinchilla_runs.csv', '--grid', 'coarse', '--format', 'json']],
  ['law: back-test at 1e21 FLOPs, 4,500 starts twice', ['fit', 'fixtures/chinchilla_runs.csv', '--holdout-above', '1e21', '--bootstrap', '0', '--format', 'json']],
  ['curve: ObsScaling, 8 tasks, 1000 bootstraps each', ['fit', 'fixtures/emergence_obsscaling_bigbench.csv', '--x', 'compute', '--format', 'json']],
  ['curve: back-test at 8.4e22 FLOPs', ['fit', 'fixtures/emergence_obsscaling_bigbench.csv', '--x', 'compute', '--holdout-above', '8.4e22', '--bootstrap', '0', '--format', 'json']],
];

console.log(`emerge fit, built binary, ${availableParallelism()} cores, node ${process.version}`);
for (const [label, args] of commands) {
  const ms: number[] = [];
  let check = '';
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });
    ms.push(performance.now() - start);
    if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
    const doc = JSON.parse(result.stdout) as { objective?: number; curves?: { threshold: number | null }[] };
    check = doc.objective !== undefined ? `objective ${doc.objective.toPrecision(11)}` : `first threshold ${doc.curves![0]!.threshold!.toPrecision(4)}`;
  }
  ms.sort((a, b) => a - b);
  console.log(`${label.padEnd(52)} median ${(ms[1]! / 1000).toFixed(2)} s   min ${(ms[0]! / 1000).toFixed(2)} s   (${check})`);
}
