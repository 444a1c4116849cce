// The README's examples are ```console blocks: "$ emerge ..." then the output; and, for the
// library, ```ts blocks each followed by a ```text block of what it prints. This script runs each
// command (with NO_COLOR, through bash, `emerge` = the built bin) and each TypeScript example (with
// tsx, importing 'emerge' as a user's project does: the package's own exports, the built dist/) and
// either checks that the README shows its real output (default; used by test/e2e/readme.test.ts) or
// rewrites it (--update).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const readmePath = `${root}README.md`;
const BLOCK = /```console\n\$ ([^\n]*)\n([\s\S]*?)```/g;
const TS_BLOCK = /```ts\n([\s\S]*?)```\n\n```text\n([\s\S]*?)```/g;

export function readmeExamples(text = readFileSync(readmePath, 'utf8')) {
  return [...text.matchAll(BLOCK)].map((m) => ({ command: m[1], shown: m[2], index: m.index }));
}

/** The TypeScript examples: their code, the output shown, and where the output block starts. */
export function readmeCodeExamples(text = readFileSync(readmePath, 'utf8')) {
  return [...text.matchAll(TS_BLOCK)].map((m) => ({ code: m[1], shown: m[2], index: m.index + m[0].lastIndexOf('```text') }));
}

/**
 * What a TypeScript example prints (stdout and stderr). It runs from a file inside the project (not
 * under node_modules), so that `from 'emerge'` resolves to the package itself through its exports.
 */
export function runCodeExample(code) {
  const dir = `${root}.readme-examples/`;
  mkdirSync(dir, { recursive: true });
  const file = `${dir}example-${process.pid}-${Math.random().toString(36).slice(2)}.mts`;
  writeFileSync(file, code);
  try {
    const result = spawnSync(process.execPath, ['--import', 'tsx', file], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    return `${result.stdout}${result.stderr}`.replace(/[ \t]+$/gm, '');
  } finally {
    rmSync(file, { force: true });
  }
}

export function runExample(command) {
  const script = `emerge() { "${process.execPath}" "${root}bin/emerge.js" "$@"; }\n{ ${command}\n} 2>&1`;
  const result = spawnSync('bash', ['-c', script], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', COLUMNS: '' } });
  return result.stdout.replace(/[ \t]+$/gm, '');
}

/**
 * What `tsc --strict` says of the TypeScript examples, each a module importing 'emerge' (resolved,
 * as for any project, through the package's exports to its declarations in dist/types): '' when
 * they type-check.
 */
export function typeCheckCodeExamples(codes) {
  const dir = `${root}.readme-examples/check-${process.pid}/`;
  mkdirSync(dir, { recursive: true });
  const files = codes.map((code, i) => {
    const file = `${dir}example-${i + 1}.mts`;
    writeFileSync(file, code);
    return file;
  });
  try {
    const args = ['--ignoreConfig', '--strict', '--noEmit', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--types', 'node', ...files];
    const result = spawnSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, ...args], { cwd: root, encoding: 'utf8' });
    return `${result.stdout}${result.stderr}`.replaceAll(dir, '').replaceAll(dir.slice(root.length), '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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
  for (const example of readmeCodeExamples(text).reverse()) {
    const actual = runCodeExample(example.code);
    if (actual === example.shown) continue;
    stale++;
    const end = text.indexOf('```', example.index + 7) + 3;
    text = `${text.slice(0, example.index)}\`\`\`text\n${actual}\`\`\`${text.slice(end)}`;
    if (!update) console.log(`stale: the TypeScript example before line ${text.slice(0, example.index).split('\n').length}`);
  }
  if (update) writeFileSync(readmePath, text);
  console.log(`${stale} example(s) ${update ? 'updated' : 'stale'}`);
  process.exitCode = stale > 0 && !update ? 1 : 0;
}
