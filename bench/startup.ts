// Start-up time of the CLI against bare Node.js (issue 10's target: `emerge predict --params 70e9`
// at most 1.3× `node -e 0`), each pair measured side by side: runs of the two alternate and the
// figure is the median of the pairwise ratios (bench/measure.ts comparePair). Needs the build
// (`npm run build`, which also writes the V8 code caches the CLI starts from).
//
//   npx tsx bench/startup.ts [pairs]
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { comparePair, fmtRatio, fmtRun, machineLine, runOnce } from './measure.js';

const pairs = Number(process.argv[2] ?? 31);
const bin = fileURLToPath(new URL('../bin/emerge.js', import.meta.url));
const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' };
const node = (args: string[]) => () => runOnce(process.execPath, args, { env });

console.log(machineLine());
console.log(`code cache: ${codeCacheUse()}`);
console.log(`each command against \`node -e 0\`, ${pairs} alternated pairs:\n`);
for (const args of [['predict', '--params', '70e9'], ['predict', '--params', '70e9', '--format', 'json'], ['thresholds', '--params', '70e9', '--require', 'in-context-learning'], ['--help']]) {
  const pair = comparePair(node([bin, ...args]), node(['-e', '0']), pairs);
  console.log(`emerge ${args.join(' ')}`);
  console.log(`  ${fmtRun(pair.a)}   node -e 0: ${fmtRun(pair.b)}`);
  console.log(`  ${fmtRatio(pair)}\n`);
}

/** Whether V8 accepted the code cache of each bundle `emerge predict` loads (it refuses one made by another V8). */
function codeCacheUse(): string {
  const script = `const b = require(${JSON.stringify(bin)}); b.loadBundle('cli.cjs'); b.loadBundle('predict.cjs'); console.log(JSON.stringify(b.codeCacheUse()))`;
  const use = JSON.parse(spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' }).stdout || '{}') as Record<string, boolean | undefined>;
  return Object.entries(use).map(([name, used]) => `${name} ${used === undefined ? 'has none' : used ? 'used' : 'REFUSED'}`).join(', ') || 'unknown';
}
