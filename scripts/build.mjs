// Bundles the CLI into dist/: cli.cjs (the commander program and every command's options) and one
// self-contained bundle per subcommand (predict.cjs, fit.cjs, thresholds.cjs, simulate.cjs,
// completion.cjs), which cli.cjs loads only when that command runs. `emerge predict` thus loads two
// files and nothing it does not use: start-up time is part of the product (bench/startup.ts).
// Pictures (--plot) are a bundle of their own too, plot.cjs, loaded only when a picture is drawn.
//
// The bundles are CommonJS so that bin/emerge.js can compile them with a V8 code cache, which this
// script writes next to each bundle (NAME.cjs.cache) after running a typical command of each: V8 then
// deserializes the bytecode of every function those commands ran instead of compiling it again.
//
// The library (the package's `exports`, `import { predict } from 'emerge'`) is apart from all that:
// dist/api.js, an ES module bundled from src/api/index.ts with the npm dependencies left to
// node_modules, and its type declarations in dist/types/ (tsconfig.api.json). bin/emerge.js never
// loads it. dist/api.meta.json lists the bundle's inputs (test/api/module-graph.test.ts; not packed).
import { execFile } from 'node:child_process';
import { build } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const COMMANDS = ['predict', 'fit', 'thresholds', 'simulate', 'completion'];
const require = createRequire(import.meta.url);
const YAML_EXPORTS = Object.keys(require('yaml'));

const common = {
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
};

const cjs = {
  ...common,
  format: 'cjs',
  // Without blanks and with shorter syntax the bundles are half the text to read at each start
  // (names are kept, for stack traces).
  minifyWhitespace: true,
  minifySyntax: true,
  outExtension: { '.js': '.cjs' },
  // import() of another bundle becomes require(), which bin/emerge.js routes through its code cache.
  supported: { 'dynamic-import': false },
  // The sources locate data/ and the worker from import.meta.url, which CommonJS has not: it is
  // made from __filename when asked for. ("use strict" comes first, as the ES modules were strict.)
  define: { 'import.meta': '__emergeImportMeta' },
  banner: { js: `"use strict";var __emergeImportMeta={get url(){return require('node:url').pathToFileURL(__filename).href}};` },
  plugins: [
    {
      name: 'emerge-bundles',
      setup(esbuild) {
        // In cli.cjs, `import('./commands/NAME.js')` stays a run-time load of the bundle dist/NAME.cjs.
        esbuild.onResolve({ filter: /^\.\/commands\/[a-z]+\.js$/ }, (args) => ({ path: args.path.replace('/commands', '').replace(/\.js$/, '.cjs'), external: true }));
        // commander needs node:child_process (which loads node:net and more) only to run executable
        // subcommands, which emerge has none of: load it when it is first used.
        esbuild.onResolve({ filter: /^node:child_process$/ }, (args) => (args.importer.includes('/node_modules/commander/') ? { path: 'lazy-child-process', namespace: 'emerge' } : undefined));
        esbuild.onLoad({ filter: /^lazy-child-process$/, namespace: 'emerge' }, () => ({
          contents: "module.exports = { get spawn() { return require('node:child_process').spawn; } };",
          loader: 'js',
        }));
        // emerge gives chalk its colour level (src/render/palette.ts; src/cli.ts decides it), so chalk's
        // own look at the terminal is left out: it loads node:tty, and node:net with it, at start-up.
        esbuild.onResolve({ filter: /^#supports-color$/ }, () => ({ path: 'no-supports-color', namespace: 'emerge' }));
        esbuild.onLoad({ filter: /^no-supports-color$/, namespace: 'emerge' }, () => ({ contents: 'export default { stdout: false, stderr: false };', loader: 'js' }));
        // The YAML library (250 KB, most of a command bundle) is a bundle of its own, dist/yaml.cjs,
        // loaded when a YAML file is first parsed: the shipped data is read from JSON (below), so
        // `emerge predict --params 70e9` never needs it.
        esbuild.onResolve({ filter: /^yaml$/ }, () => ({ path: 'lazy-yaml', namespace: 'emerge' }));
        esbuild.onLoad({ filter: /^lazy-yaml$/, namespace: 'emerge' }, () => ({
          contents: `let yaml;\nfor (const name of ${JSON.stringify(YAML_EXPORTS)}) Object.defineProperty(exports, name, { enumerable: true, get: () => (yaml ??= require('./yaml.cjs'))[name] });`,
          loader: 'js',
        }));
        esbuild.onResolve({ filter: /^\.\/yaml\.cjs$/ }, (args) => ({ path: args.path, external: true }));
        // In a command's bundle, `import('../../io/plot-file.js')` stays a run-time load of dist/plot.cjs:
        // vega, vega-lite and resvg load only when --plot is given.
        esbuild.onResolve({ filter: /\/io\/plot-file\.js$/ }, () => ({ path: './plot.cjs', external: true }));
        // vega-canvas looks for the optional package canvas with a top-level await, which CommonJS
        // cannot have; emerge draws SVG without a canvas (src/io/plot-file.ts measures text itself),
        // so it gets what vega-canvas gives when canvas is not installed: no canvas.
        esbuild.onResolve({ filter: /^vega-canvas$/ }, () => ({ path: 'no-canvas', namespace: 'emerge' }));
        esbuild.onLoad({ filter: /^no-canvas$/, namespace: 'emerge' }, () => ({ contents: 'const none = () => null; export { none as canvas, none as domCanvas, none as image, none as nodeCanvas };', loader: 'js' }));
      },
    },
  ],
};

// The library's declarations, with their TSDoc: the repository's own tsc (TypeScript 7), emit only.
const declarations = () =>
  promisify(execFile)(process.execPath, [join(dirname(require.resolve('typescript/package.json')), 'bin', 'tsc'), '-p', 'tsconfig.api.json'], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
  }).catch((error) => {
    throw new Error(`build: tsc -p tsconfig.api.json failed:\n${error.stdout}${error.stderr}`);
  });

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await Promise.all([
  // The library: ESM for Node 20, every npm package (yaml, ...) imported from node_modules. Next to
  // the CLI's bundles, so that it finds data/ above it and the law-fit worker beside it.
  build({ ...common, format: 'esm', entryPoints: [{ in: 'src/api/index.ts', out: 'api' }], packages: 'external', metafile: true }).then(({ metafile }) =>
    writeFileSync(new URL('../dist/api.meta.json', import.meta.url), JSON.stringify(metafile)),
  ),
  declarations(),
  build({ ...cjs, entryPoints: ['src/cli.ts'] }),
  ...COMMANDS.map((name) => build({ ...cjs, entryPoints: [{ in: `src/commands/${name}.ts`, out: name }] })),
  build({ ...cjs, entryPoints: [{ in: require.resolve('yaml'), out: 'yaml' }] }),
  // Pictures (--plot): vega and vega-lite bundled in; resvg is a native package, loaded from node_modules.
  build({ ...cjs, entryPoints: [{ in: 'src/io/plot-file.ts', out: 'plot' }], external: ['@resvg/resvg-js'], minify: true }),
  // The scaling-law fit's worker thread (an ES module, run by worker_threads): src/parallel/law-fit-pool.ts
  // loads dist/law-fit-worker.js next to the bundle (and computes in-thread when it is absent).
  build({
    ...common,
    format: 'esm',
    entryPoints: [{ in: 'src/parallel/law-fit-worker.ts', out: 'law-fit-worker' }],
    // CommonJS code in the bundle may call require() for Node built-ins.
    banner: { js: "import { createRequire as __emergeRequire } from 'node:module'; const require = __emergeRequire(import.meta.url);" },
  }),
]);

// The shipped YAML data, precompiled to JSON: parsing YAML at every start of the CLI would cost tens
// of milliseconds (src/io/data-files.ts readShippedYaml uses the JSON when it is up to date).
mkdirSync(new URL('../dist/data', import.meta.url), { recursive: true });
for (const name of readdirSync(new URL('../data', import.meta.url)).filter((n) => n.endsWith('.yaml'))) {
  const value = parse(readFileSync(new URL(`../data/${name}`, import.meta.url), 'utf8'));
  writeFileSync(new URL(`../dist/data/${name.replace(/\.yaml$/, '.json')}`, import.meta.url), JSON.stringify(value));
}

// The shipped catalogs as their readers make them (src/io/data-files.ts readShippedData): a start
// then reads the ability catalog, the factor tables and the default forecast with one JSON.parse
// instead of checking every field again. The readers are bundled from the sources for the purpose,
// here and not written out.
const readers = await build({
  ...common,
  format: 'cjs',
  write: false,
  define: { 'import.meta': '{}' },
  stdin: {
    contents: "export { parseAbilityCatalog } from './src/io/abilities.ts'; export { parseFactors } from './src/io/factors.ts'; export { parseForecast } from './src/io/forecast-file.ts'; export { readYamlFile, YamlReader } from './src/io/yaml-source.ts';",
    resolveDir: fileURLToPath(new URL('..', import.meta.url)),
    loader: 'ts',
  },
});
const readersModule = { exports: {} };
new Function('module', 'exports', 'require', readers.outputFiles[0].text)(readersModule, readersModule.exports, require);
const { parseAbilityCatalog, parseFactors, parseForecast, readYamlFile, YamlReader } = readersModule.exports;
const readShipped = (name, parse) => parse(new YamlReader(readYamlFile(fileURLToPath(new URL(`../data/${name}.yaml`, import.meta.url)))));
// (The catalog's origin is where its YAML is when the CLI runs: src/io/abilities.ts sets it.)
const { origin: _origin, ...catalog } = readShipped('abilities', parseAbilityCatalog);
writeFileSync(new URL('../dist/data/abilities.parsed.json', import.meta.url), JSON.stringify(catalog));
writeFileSync(new URL('../dist/data/factors.parsed.json', import.meta.url), JSON.stringify(readShipped('factors', parseFactors)));
writeFileSync(new URL('../dist/data/forecast-default.parsed.json', import.meta.url), JSON.stringify(readShipped('forecast-default', parseForecast)));

// The code caches: every bundle loaded by typical commands, after they ran (so that the cache holds
// the functions they compiled, not only the top level). Output goes nowhere.
const { loadBundle, writeCodeCaches } = require('../bin/emerge.js');
const cli = loadBundle('cli.cjs');
let messages = '';
const io = {
  stdout: { write: () => true, isTTY: false },
  stderr: { write: (text) => ((messages += text), true), isTTY: false },
  get stdin() {
    return process.stdin;
  },
  env: { NO_COLOR: '1' },
};
for (const argv of [
  ['predict', '--params', '70e9'],
  ['predict', '--params', '70e9', '--format', 'json'],
  ['predict', '--config', 'fixtures/plan.yaml'],
  ['thresholds', '--params', '70e9', '--require', 'in-context-learning'],
  ['simulate', '--scenario', 'phase', '--steps', '200'],
  ['fit', 'fixtures/emergence_obsscaling_bigbench.csv', '--bootstrap', '0'],
]) {
  const code = await cli.main(argv, io);
  if (code !== 0) throw new Error(`build: \`emerge ${argv.join(' ')}\` exited with ${code} while writing the code cache: ${messages}`);
}
writeCodeCaches();
