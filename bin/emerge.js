#!/usr/bin/env node
// Runs the built CLI: the CommonJS bundles in dist/ (npm install runs the `prepare` build), each
// compiled with the V8 code cache the build wrote next to it (dist/NAME.cjs.cache), so that a start
// deserializes bytecode instead of compiling the bundle again. V8 refuses a cache made by
// another V8 version or with other flags (and this file ignores one older than its bundle): the
// bundle is then compiled as usual, only slower. (This file is CommonJS, see bin/package.json: Node
// starts a CommonJS entry point without setting up its ES module loader, a few milliseconds.)
'use strict';
const { readFileSync, statSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { Script } = require('node:vm');

const DIST = join(__dirname, '..', 'dist');
/** Loaded bundles by file name: their exports and compiled script (for writeCodeCaches). */
const bundles = new Map();

/** The cache of `file` when it exists and is not older than the bundle. */
function readCodeCache(file) {
  try {
    const cache = `${file}.cache`;
    if (statSync(cache).mtimeMs < statSync(file).mtimeMs) return undefined;
    return readFileSync(cache);
  } catch {
    return undefined;
  }
}

/** Loads dist/NAME (e.g. 'cli.cjs') once, as Node loads a CommonJS module, and returns its exports. */
function loadBundle(name) {
  const loaded = bundles.get(name);
  if (loaded) return loaded.module.exports;
  const file = join(DIST, name);
  let source;
  try {
    source = readFileSync(file, 'utf8');
  } catch (error) {
    if (error && error.code === 'ENOENT') {
      process.stderr.write('emerge: the CLI is not built; run `npm install` (or `npm run build`) in the project first\n');
      process.exit(2);
    }
    throw error;
  }
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    cachedData: readCodeCache(file),
  });
  const module = { exports: {} };
  bundles.set(name, { module, script });
  script.runInThisContext().call(module.exports, module.exports, bundleRequire, module, file, DIST);
  return module.exports;
}

/** require() inside a bundle: another bundle of dist/ (`./predict.cjs`), or a Node built-in. */
function bundleRequire(id) {
  return id.startsWith('./') ? loadBundle(id.slice(2)) : require(id);
}

/** Writes the code cache of every bundle loaded so far (scripts/build.mjs, after typical commands). */
function writeCodeCaches() {
  for (const [name, { script }] of bundles) writeFileSync(join(DIST, `${name}.cache`), script.createCachedData());
}

/** Whether V8 used each loaded bundle's cache (true), refused it (false) or had none (undefined). */
function codeCacheUse() {
  const use = {};
  for (const [name, { script }] of bundles) use[name] = script.cachedDataRejected === undefined ? undefined : !script.cachedDataRejected;
  return use;
}

if (require.main === module) {
  loadBundle('cli.cjs').runFromProcess();
} else {
  module.exports = { loadBundle, writeCodeCaches, codeCacheUse };
}
