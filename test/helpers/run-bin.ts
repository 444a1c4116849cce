// Spawns the built binary (bin/emerge.js → dist/), as a user or a CI job would.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/emerge.js', import.meta.url));

export interface BinResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runBin(args: string[], options: { input?: string; env?: Record<string, string>; shell?: string } = {}): BinResult {
  const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', ...options.env };
  const result = options.shell
    ? spawnSync('bash', ['-c', `emerge() { "${process.execPath}" "${BIN}" "$@"; }\n${options.shell}`], { cwd: ROOT, env, encoding: 'utf8', input: options.input })
    : spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env, encoding: 'utf8', input: options.input });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
