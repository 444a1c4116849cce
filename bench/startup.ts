// Start-up time of the CLI against bare Node.js (issue 7's target: `emerge predict --params 70e9`
// within 1.5× of `node -e 0`). Needs the build (`npm run build`).
//
//   npx tsx bench/startup.ts [runs]
import { fileURLToPath } from 'node:url';
import { fmt, measure } from './measure.js';

const runs = Number(process.argv[2] ?? 21);
const bin = fileURLToPath(new URL('../bin/emerge.js', import.meta.url));
const env = { ...process.env, NO_COLOR: '1' };
const node = measure(process.execPath, ['-e', '0'], runs, { env });
console.log(`node -e 0                                   ${fmt(node)}`);
for (const args of [['--help'], ['predict', '--params', '70e9'], ['predict', '--params', '70e9', '--format', 'json'], ['thresholds', '--params', '70e9', '--require', 'in-context-learning']]) {
  const m = measure(process.execPath, [bin, ...args], runs, { env });
  console.log(`emerge ${args.join(' ').padEnd(36)} ${fmt(m)}  (${(m.ms / node.ms).toFixed(2)}× node -e 0)`);
}
