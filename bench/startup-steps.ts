// What each start-up change bought: builds the given commits (git archive into a temporary
// directory, with this checkout's node_modules) and times `emerge predict --params 70e9` of every
// build and `node -e 0` in rounds, the order reversed every other round, so that all see the same
// machine load. Prints each build's median ratio to `node -e 0` (wall and CPU) and its median time.
//
//   npx tsx bench/startup-steps.ts [--rounds N] COMMIT...     e.g. 35dc723 HEAD~2 HEAD
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { machineLine, median, runOnce, type RunTiming } from './measure.js';

const argv = process.argv.slice(2);
const roundsAt = argv.indexOf('--rounds');
const rounds = roundsAt >= 0 ? Number(argv.splice(roundsAt, 2)[1]) : 31;
const root = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'emerge-startup-steps-'));
const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' };

const builds = argv.map((commit) => {
  const dir = join(work, commit.replace(/[^\w.-]/g, '_'));
  execFileSync('sh', ['-c', `mkdir -p "${dir}" && git -C "${root}" archive "${commit}" | tar -x -C "${dir}"`]);
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  const built = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: dir, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`build of ${commit} failed: ${built.stderr}`);
  const subject = execFileSync('git', ['-C', root, 'log', '-1', '--format=%h %s', commit], { encoding: 'utf8' }).trim();
  return { subject, run: () => runOnce(process.execPath, [join(dir, 'bin/emerge.js'), 'predict', '--params', '70e9'], { env }) };
});
const node = (): RunTiming => runOnce(process.execPath, ['-e', '0'], { env });

console.log(machineLine());
console.log(`emerge predict --params 70e9 of each build against node -e 0, ${rounds} rounds:\n`);
const runs = [node, ...builds.map((b) => b.run)];
runs.forEach((run) => run()); // warm-up
const times: RunTiming[][] = runs.map(() => []);
for (let round = 0; round < rounds; round++) {
  const order = runs.map((_, i) => i);
  if (round % 2 === 1) order.reverse();
  for (const i of order) times[i]!.push(runs[i]!());
}
const [baseline, ...others] = times as [RunTiming[], ...RunTiming[][]];
console.log(`node -e 0: ${median(baseline.map((t) => t.ms)).toFixed(1)} ms wall, ${median(baseline.map((t) => t.cpuMs)).toFixed(1)} ms CPU`);
others.forEach((t, b) => {
  const ratio = median(t.map((x, i) => x.ms / baseline[i]!.ms));
  const cpuRatio = median(t.map((x, i) => x.cpuMs / baseline[i]!.cpuMs));
  const extra = median(t.map((x, i) => x.ms - baseline[i]!.ms));
  console.log(`${ratio.toFixed(2)}× wall (+${extra.toFixed(1)} ms), ${cpuRatio.toFixed(2)}× CPU   ${builds[b]!.subject.slice(0, 110)}`);
});
rmSync(work, { recursive: true, force: true });
