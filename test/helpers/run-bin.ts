// Spawns the built binary (bin/emerge.js → dist/), as a user or a CI job would.
import { spawn, spawnSync } from 'node:child_process';
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

/** `runBin` without blocking: several runs of the binary side by side (the suite's shared fits). */
export function runBinAsync(args: string[]): Promise<BinResult> {
  const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}
