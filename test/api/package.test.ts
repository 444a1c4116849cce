// The package as a user gets it: `npm pack` (of the build `npm test` ran first), installed into a
// fresh ESM project outside the repository, imported from TypeScript by its name, type-checked with
// the repository's tsc (strict, nodenext) and run with node. One pack and one install, shared by
// every test of the file. npm installs the tarball's dependencies from its cache when it can
// (--prefer-offline): the CI machine has a warm cache after `npm ci`.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { transform } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { ROOT } from '../helpers/run-bin.js';

const run = promisify(execFile);
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const USE_TS = `import { predict } from 'emerge';
import { loss, presetLaw, type PredictionDocument, type ScalingLaw } from 'emerge';

const law: ScalingLaw = presetLaw('besiroglu2024');
const value: number = loss(law, 70e9, 1.4e12);
const prediction: PredictionDocument = predict({ params: 70e9 });
const tokens: number = prediction.reference_tokens;
console.log(JSON.stringify({ loss: value, predict: prediction, tokens, results: prediction.results.length }));
`;
// A consumer's type error: if the declarations were `any`, tsc would accept it.
const BAD_TS = `import { loss, presetLaw } from 'emerge';
loss('x', 70e9, 1.4e12);
presetLaw().alpha.toFixed(2);
`;

/** A tsconfig for one file: strict, nodenext, node's types from the repository, declarations checked. */
const tsconfig = (file: string): string =>
  JSON.stringify({
    compilerOptions: {
      strict: true,
      noEmit: true,
      module: 'nodenext',
      moduleResolution: 'nodenext',
      target: 'es2022',
      lib: ['es2023'],
      types: ['node'],
      typeRoots: [join(ROOT, 'node_modules', '@types')],
      skipLibCheck: false,
    },
    files: [file],
  });

let dir: string;
let packed: string[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'emerge-package-'));
  const { stdout } = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: ROOT });
  const [tarball] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
  packed = tarball!.files.map((f) => f.path);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'emerge-consumer', version: '1.0.0', private: true, type: 'module' }));
  await run('npm', ['install', `./${tarball!.filename}`, '--prefer-offline', '--no-audit', '--no-fund'], { cwd: dir });
  writeFileSync(join(dir, 'use.ts'), USE_TS);
  writeFileSync(join(dir, 'bad.ts'), BAD_TS);
  writeFileSync(join(dir, 'tsconfig.json'), tsconfig('use.ts'));
  writeFileSync(join(dir, 'tsconfig.bad.json'), tsconfig('bad.ts'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** tsc on the scratch project: its exit code and what it printed. */
async function typecheck(project: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout } = await run(process.execPath, [TSC, '-p', project], { cwd: dir });
    return { code: 0, output: stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: e.stdout + e.stderr };
  }
}

describe('the packed package', () => {
  it('holds the library, its declarations, the CLI, the data and the man page, and not the bundle metafile', () => {
    for (const file of ['dist/api.js', 'dist/types/api/index.d.ts', 'dist/law-fit-worker.js', 'dist/cli.cjs', 'dist/data/laws.json', 'bin/emerge.js', 'data/laws.yaml', 'man/emerge.1', 'package.json']) {
      expect(packed, file).toContain(file);
    }
    expect(packed).not.toContain('dist/api.meta.json');
    expect(packed.filter((f) => f.startsWith('src/') || f.startsWith('test/'))).toEqual([]);
  });

  it('type-checks a strict TypeScript consumer importing it by name', async () => {
    const { code, output } = await typecheck('tsconfig.json');
    expect(output).toBe('');
    expect(code).toBe(0);
  });

  it('has real types: a consumer with a type error fails tsc', async () => {
    const { code, output } = await typecheck('tsconfig.bad.json');
    expect(code).not.toBe(0);
    expect(output).toMatch(/bad\.ts\(2,6\): error TS2345: Argument of type 'string' is not assignable to parameter of type 'ScalingLaw'/);
    // presetLaw() is a ScalingLaw, a union: alpha is not on every member (Kaplan laws have alpha_N).
    expect(output).toMatch(/bad\.ts\(3,/);
  });

  it('runs: the consumer, compiled, prints what the API computes', async () => {
    const { code } = await transform(USE_TS, { loader: 'ts', format: 'esm', target: 'node20' });
    writeFileSync(join(dir, 'use.mjs'), code);
    const { stdout } = await run(process.execPath, ['use.mjs'], { cwd: dir });
    const out = JSON.parse(stdout) as { loss: number; predict: unknown; tokens: number; results: number };
    expect(out.loss).toBeCloseTo(1.97342, 5);
    expect(out.tokens).toBe(3e11);
    expect(out.results).toBe(1);
    // The record the CLI prints with --format json, field for field.
    const cli = await runCli(['predict', '--params', '70e9', '--format', 'json']);
    expect(out.predict).toEqual(JSON.parse(cli.stdout));
  });

  it("installs the CLI too: the package's bin runs from the installed copy", async () => {
    const { stdout } = await run(process.execPath, [join(dir, 'node_modules', 'emerge', 'bin', 'emerge.js'), 'predict', '--params', '70e9', '--format', 'json'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    expect((JSON.parse(stdout) as { reference_tokens: number }).reference_tokens).toBe(3e11);
  });
});
