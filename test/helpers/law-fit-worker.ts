// Builds src/parallel/law-fit-worker.ts with esbuild into a temporary directory, as scripts/build.mjs
// does into dist/, so tests and benchmarks running from sources can use real worker threads.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

export async function buildLawFitWorker(): Promise<URL> {
  const outdir = mkdtempSync(join(tmpdir(), 'emerge-law-fit-worker-'));
  await build({
    entryPoints: [{ in: new URL('../../src/parallel/law-fit-worker.ts', import.meta.url).pathname, out: 'law-fit-worker' }],
    outdir,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
  });
  return pathToFileURL(join(outdir, 'law-fit-worker.js'));
}
