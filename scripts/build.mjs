// Bundles src/cli.ts into dist/ with one chunk per subcommand, so that `emerge --help` and
// `emerge predict` load only the code they use (start-up time is part of the product).
import { build } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  // The scaling-law fit's worker thread is its own entry: src/parallel/law-fit-pool.ts loads
  // dist/law-fit-worker.js next to the bundle (and computes in-thread when it is absent).
  entryPoints: ['src/cli.ts', { in: 'src/parallel/law-fit-worker.ts', out: 'law-fit-worker' }],
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  // CommonJS dependencies (cli-table3) call require() for Node built-ins.
  banner: { js: "import { createRequire as __emergeRequire } from 'node:module'; const require = __emergeRequire(import.meta.url);" },
});

// The shipped YAML data, precompiled to JSON: parsing YAML at every start of the CLI would cost tens
// of milliseconds (src/io/data-files.ts readShippedYaml uses the JSON when it is up to date).
mkdirSync(new URL('../dist/data', import.meta.url), { recursive: true });
for (const name of readdirSync(new URL('../data', import.meta.url)).filter((n) => n.endsWith('.yaml'))) {
  const value = parse(readFileSync(new URL(`../data/${name}`, import.meta.url), 'utf8'));
  writeFileSync(new URL(`../dist/data/${name.replace(/\.yaml$/, '.json')}`, import.meta.url), JSON.stringify(value));
}
