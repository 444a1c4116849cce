// Bundles the CLI into dist/: cli.js (the commander program and every command's options) and one
// self-contained bundle per subcommand (predict.js, fit.js, thresholds.js, simulate.js), which cli.js
// imports only when that command runs. `emerge predict` thus loads two files and nothing it does not
// use: start-up time is part of the product (bench/startup.ts).
import { build } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';

const COMMANDS = ['predict', 'fit', 'thresholds', 'simulate', 'completion'];

const common = {
  outdir: 'dist',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
  // CommonJS code in the bundle may call require() for Node built-ins.
  banner: { js: "import { createRequire as __emergeRequire } from 'node:module'; const require = __emergeRequire(import.meta.url);" },
};

/** In cli.js, `import('./commands/NAME.js')` stays a run-time import of the bundle dist/NAME.js. */
const commandsAreSeparateBundles = {
  name: 'commands-are-separate-bundles',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^\.\/commands\/[a-z]+\.js$/ }, (args) => ({ path: args.path.replace('/commands', ''), external: true }));
  },
};

/**
 * In a command's bundle, `import('../../io/plot-file.js')` stays a run-time import of dist/plot.js:
 * vega, vega-lite and resvg load only when --plot is given.
 */
const plotIsSeparateBundle = {
  name: 'plot-is-separate-bundle',
  setup(esbuild) {
    esbuild.onResolve({ filter: /\/io\/plot-file\.js$/ }, () => ({ path: './plot.js', external: true }));
  },
};

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({ ...common, entryPoints: ['src/cli.ts'], plugins: [commandsAreSeparateBundles] });
await Promise.all([
  ...COMMANDS.map((name) => build({ ...common, entryPoints: [{ in: `src/commands/${name}.ts`, out: name }], plugins: [plotIsSeparateBundle] })),
  // Pictures (--plot): vega and vega-lite bundled in; resvg is a native package, loaded from node_modules.
  build({ ...common, entryPoints: [{ in: 'src/io/plot-file.ts', out: 'plot' }], external: ['@resvg/resvg-js'], minify: true }),
  // The scaling-law fit's worker thread: src/parallel/law-fit-pool.ts loads dist/law-fit-worker.js
  // next to the bundle (and computes in-thread when it is absent).
  build({ ...common, entryPoints: [{ in: 'src/parallel/law-fit-worker.ts', out: 'law-fit-worker' }] }),
]);

// The shipped YAML data, precompiled to JSON: parsing YAML at every start of the CLI would cost tens
// of milliseconds (src/io/data-files.ts readShippedYaml uses the JSON when it is up to date).
mkdirSync(new URL('../dist/data', import.meta.url), { recursive: true });
for (const name of readdirSync(new URL('../data', import.meta.url)).filter((n) => n.endsWith('.yaml'))) {
  const value = parse(readFileSync(new URL(`../data/${name}`, import.meta.url), 'utf8'));
  writeFileSync(new URL(`../dist/data/${name.replace(/\.yaml$/, '.json')}`, import.meta.url), JSON.stringify(value));
}
