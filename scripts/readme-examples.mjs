// The README's examples are ```console blocks: "$ emerge ..." then the output. This script runs
// each command (with NO_COLOR, through bash, `emerge` = the built bin) and either checks that the
// README shows its real output (default; used by test/e2e/readme.test.ts) or rewrites it (--update).
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const readmePath = `${root}README.md`;
const BLOCK = /```console\n\$ ([^\n]*)\n([\s\S]*?)```/g;

export function readmeExamples(text = readFileSync(readmePath, 'utf8')) {
  return [...text.matchAll(BLOCK)].map((m) => ({ command: m[1], shown: m[2], index: m.index }));
}

export function runExample(command) {
  const script = `emerge() { "${process.execPath}" "${root}bin/emerge.js" "$@"; }\n{ ${command}\n} 2>&1`;
  const result = spawnSync('bash', ['-c', script], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', COLUMNS: '' } });
  return result.stdout.replace(/[ \t]+$/gm, '');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const update = process.argv.includes('--update');
  let text = readFileSync(readmePath, 'utf8');
  let stale = 0;
  for (const example of readmeExamples(text).reverse()) {
    const actual = runExample(example.command);
    if (actual === example.shown) continue;
    stale++;
    const block = `\`\`\`console\n$ ${example.command}\n${actual}\`\`\``;
    const end = text.indexOf('```', example.index + 10) + 3;
    text = text.slice(0, example.index) + block + text.slice(end);
    if (!update) console.log(`stale: $ ${example.command}`);
  }
  if (update) writeFileSync(readmePath, text);
  console.log(`${stale} example(s) ${update ? 'updated' : 'stale'}`);
  process.exitCode = stale > 0 && !update ? 1 : 0;
}
