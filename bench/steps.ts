// What each change bought: builds the given commits (git archive into a temporary directory, with
// this checkout's node_modules) and times one emerge command of every build, and `node -e 0`, in
// rounds (the order reversed every other round), so that all see the same machine load. Prints each
// build's median time and its median ratio to the first build and to `node -e 0`, wall and CPU.
// Output goes to /dev/null; the command runs in this checkout's directory.
//
//   npx tsx bench/steps.ts [--rounds N] [--args 'EMERGE ARGS'] COMMIT...
//   npx tsx bench/steps.ts --rounds 41 35dc723 HEAD~3 HEAD                          (start-up)
//   npx tsx bench/steps.ts --rounds 3 --args 'predict --input bench/out/plans-1000000.csv
//     --ability in-context-learning --format csv' 35dc723 HEAD      (after bench/batch-predict.ts)
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { machineLine, median, runOnce, type RunTiming } from './measure.js';

const argv = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const at = argv.indexOf(name);
  return at >= 0 ? argv.splice(at, 2)[1]! : fallback;
};
const rounds = Number(option('--rounds', '31'));
const emergeArgs = option('--args', 'predict --params 70e9');
const root = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'emerge-steps-'));
const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' };
const toNull = (command: string) => (): RunTiming => runOnce('sh', ['-c', `exec ${command} > /dev/null`], { cwd: root, env });

const builds = argv.map((commit) => {
  const dir = join(work, commit.replace(/[^\w.-]/g, '_'));
  execFileSync('sh', ['-c', `mkdir -p "${dir}" && git -C "${root}" archive "${commit}" | tar -x -C "${dir}"`]);
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  const built = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: dir, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`build of ${commit} failed: ${built.stderr}`);
  const subject = execFileSync('git', ['-C', root, 'log', '-1', '--format=%h %s', commit], { encoding: 'utf8' }).trim();
  return { subject, run: toNull(`"${process.execPath}" "${join(dir, 'bin/emerge.js')}" ${emergeArgs}`) };
});

console.log(machineLine());
console.log(`emerge ${emergeArgs}: each build against the first and against node -e 0, ${rounds} rounds\n`);
const runs = [toNull(`"${process.execPath}" -e 0`), ...builds.map((b) => b.run)];
runs.forEach((run) => run()); // warm-up
const times: RunTiming[][] = runs.map(() => []);
for (let round = 0; round < rounds; round++) {
  const order = runs.map((_, i) => i);
  if (round % 2 === 1) order.reverse();
  for (const i of order) times[i]!.push(runs[i]!());
}
const [node, first, ...rest] = times as [RunTiming[], RunTiming[], ...RunTiming[][]];
const ratio = (t: RunTiming[], to: RunTiming[], key: 'ms' | 'cpuMs'): string => `${median(t.map((x, i) => x[key] / to[i]![key])).toFixed(2)}×`;
console.log(`node -e 0: ${median(node.map((t) => t.ms)).toFixed(1)} ms wall, ${median(node.map((t) => t.cpuMs)).toFixed(1)} ms CPU`);
console.log(`${'wall ms'.padStart(9)} ${'CPU ms'.padStart(9)}  ${'/ first'.padStart(14)}  ${'/ node -e 0'.padStart(14)}   (wall, CPU)`);
[first, ...rest].forEach((t, b) => {
  const ms = (key: 'ms' | 'cpuMs'): string => median(t.map((x) => x[key])).toFixed(1).padStart(9);
  console.log(`${ms('ms')} ${ms('cpuMs')}  ${`${ratio(t, first, 'ms')} ${ratio(t, first, 'cpuMs')}`.padStart(14)}  ${`${ratio(t, node, 'ms')} ${ratio(t, node, 'cpuMs')}`.padStart(14)}   ${builds[b]!.subject.slice(0, 80)}`);
});
rmSync(work, { recursive: true, force: true });
