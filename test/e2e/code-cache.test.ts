// bin/emerge.js compiles the bundles with the V8 code caches the build writes (dist/*.cjs.cache).
// Node itself must take them, and a cache it refuses (another V8) or one older than its bundle must
// change nothing but the time: the process is what is tested, so these spawn node.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-bin.js';

/** Runs `script` in a plain node (no test runner flags, which V8 would count against a cache). */
function node(script: string, cwd = ROOT): string {
  const result = spawnSync(process.execPath, ['-e', script], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' } });
  expect(result.stderr).toBe('');
  return result.stdout;
}

/** Loads cli.cjs and predict.cjs through bin/emerge.js of `root`, runs `emerge predict --params 70e9` and reports the caches' use. */
function predict(root: string): { stdout: string; use: unknown } {
  const bin = JSON.stringify(join(root, 'bin', 'emerge.js'));
  const out = node(`
    const bin = require(${bin});
    const chunks = [];
    const sink = Object.assign(new (require('node:events'))(), { write: (c) => (chunks.push(String(c)), true), isTTY: false });
    bin.loadBundle('cli.cjs').main(['predict', '--params', '70e9'], { stdout: sink, stderr: sink, stdin: null, env: {} })
      .then(() => process.stdout.write(JSON.stringify({ stdout: chunks.join(''), use: bin.codeCacheUse() })));`);
  return JSON.parse(out) as { stdout: string; use: unknown };
}

const copies: string[] = [];
/** The built package (bin, dist, data, package.json) copied into a temporary directory, times kept. */
function copyOfPackage(): string {
  const root = mkdtempSync(join(tmpdir(), 'emerge-code-cache-'));
  copies.push(root);
  for (const entry of ['bin', 'dist', 'data', 'package.json']) cpSync(join(ROOT, entry), join(root, entry), { recursive: true, preserveTimestamps: true });
  return root;
}
afterAll(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('code cache', () => {
  const built = predict(ROOT);

  it('is taken by V8 for the bundles `emerge predict` loads', () => {
    expect(built.use).toEqual({ 'cli.cjs': true, 'predict.cjs': true });
    expect(built.stdout).toContain('in-context-learning');
  });

  it('changes nothing when V8 refuses it', () => {
    const root = copyOfPackage();
    for (const name of readdirSync(join(root, 'dist')).filter((n) => n.endsWith('.cache'))) writeFileSync(join(root, 'dist', name), 'not a code cache');
    expect(predict(root)).toEqual({ stdout: built.stdout, use: { 'cli.cjs': false, 'predict.cjs': false } });
  });

  it('is ignored when it is older than its bundle', () => {
    const root = copyOfPackage();
    const later = new Date(Date.now() + 60_000);
    for (const name of ['cli.cjs', 'predict.cjs']) utimesSync(join(root, 'dist', name), later, later);
    expect(predict(root)).toEqual({ stdout: built.stdout, use: { 'cli.cjs': undefined, 'predict.cjs': undefined } });
  });
});
