// The library loads only what computes: none of the CLI's packages (commander, chalk, cli-table3,
// asciichart) nor the renderers of tables, charts and pictures. Checked twice on the built library:
// in the bundle's inputs (dist/api.meta.json, esbuild's metafile, written by scripts/build.mjs) and
// in what a fresh node process has loaded after importing dist/api.js. Each check is also shown to
// fail, on a module that imports chalk and a renderer next to the API.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build, type Metafile } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-bin.js';

const CLI_PACKAGES = ['commander', 'chalk', 'cli-table3', 'asciichart'];
/** The renderers of tables, charts and pictures (src/render/*-view.ts, *-table.ts, *-chart.ts, ...). */
const RENDERER = /src\/render\/(?:[^/]*-(?:view|table|chart)\.ts|palette\.ts|table\.ts|chart\.ts|string-width\.cjs|plot\/)/;
const CLI_PACKAGE = new RegExp(`(?:^|/node_modules/)(?:${CLI_PACKAGES.join('|')})(?:/|$)`);
/** Bundles of the CLI (dist/cli.cjs, dist/predict.cjs, ...): the library never loads them. */
const CLI_BUNDLE = /\/dist\/[a-z-]+\.cjs$/;

/** What a metafile's bundle takes in that the library must not: renderers bundled, CLI packages imported. */
function cliInputs(metafile: Metafile): string[] {
  const inputs = Object.keys(metafile.inputs).filter((path) => RENDERER.test(path));
  const imports = Object.values(metafile.inputs).flatMap((input) => input.imports.filter((i) => i.external && CLI_PACKAGE.test(i.path)).map((i) => i.path));
  return [...new Set([...inputs, ...imports])].sort();
}

/** What modules a fresh node process has loaded after importing `entry`: every URL resolved (ESM) and every CommonJS module. */
async function loadedBy(entry: string): Promise<string[]> {
  const log = join(scratch, `loaded-${Math.random().toString(36).slice(2)}.txt`);
  const hooks = `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) { const r = await next(specifier, context); appendFileSync(${JSON.stringify(log)}, r.url + '\\n'); return r; }`;
  const register = `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)});`;
  const main = `import { createRequire } from 'node:module';
await import(${JSON.stringify(pathToFileURL(entry).href)});
process.stdout.write(JSON.stringify(Object.keys(createRequire(import.meta.url).cache)));`;
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(register)}`, '--input-type=module', '-e', main], { cwd: scratch });
  return [...readFileSync(log, 'utf8').trim().split('\n'), ...(JSON.parse(stdout) as string[])];
}

const forbidden = (loaded: string[]): string[] => [...new Set(loaded.filter((url) => CLI_PACKAGE.test(url) || RENDERER.test(url) || CLI_BUNDLE.test(url)))];

const scratch = mkdtempSync(join(tmpdir(), 'emerge-module-graph-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A module that imports the API and, against the rule, chalk and a renderer: the checks must catch it. */
const BAD_ENTRY = "export * from './src/api/index.ts'; export { default as chalk } from 'chalk'; export * from './src/render/palette.ts';";

describe('the library module graph', () => {
  it("bundles no renderer and imports no CLI package (the bundle's metafile)", () => {
    const metafile = JSON.parse(readFileSync(join(ROOT, 'dist', 'api.meta.json'), 'utf8')) as Metafile;
    expect(Object.keys(metafile.inputs)).toContain('src/api/index.ts');
    expect(cliInputs(metafile)).toEqual([]);
  });

  it('the metafile check fails on a bundle that takes in chalk and a renderer', async () => {
    const { metafile } = await build({
      stdin: { contents: BAD_ENTRY, resolveDir: ROOT, loader: 'ts' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    expect(cliInputs(metafile)).toEqual(['chalk', 'src/render/palette.ts']);
  });

  it('importing dist/api.js in a fresh process loads none of them', async () => {
    const loaded = await loadedBy(join(ROOT, 'dist', 'api.js'));
    expect(loaded.some((url) => url.endsWith('/dist/api.js'))).toBe(true);
    expect(forbidden(loaded)).toEqual([]);
  });

  it('the run-time check fails on a module that imports chalk next to the API', async () => {
    const entry = join(scratch, 'bad.mjs');
    writeFileSync(entry, `export * from ${JSON.stringify(pathToFileURL(join(ROOT, 'dist', 'api.js')).href)};\nexport { default as chalk } from ${JSON.stringify(pathToFileURL(join(ROOT, 'node_modules', 'chalk', 'source', 'index.js')).href)};\n`);
    expect(forbidden(await loadedBy(entry)).some((url) => /\/node_modules\/chalk\//.test(url))).toBe(true);
  });
});
