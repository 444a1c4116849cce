/**
 * Where the shipped data (data/*.yaml, data/*.csv) lives: next to the package root, found by walking
 * up from this module (src/io in development, dist/ when bundled).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readYamlFile, type YamlSource } from './yaml-source.js';

let cachedRoot: string | undefined;

export function packageRoot(): string {
  if (cachedRoot) return cachedRoot;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'data', 'abilities.yaml'))) return (cachedRoot = dir);
    const parent = dirname(dir);
    if (parent === dir) throw new Error('emerge: cannot find its data/ directory next to package.json');
    dir = parent;
  }
}

/** Absolute path of a shipped data file, e.g. dataFile('laws.yaml'). */
export function dataFile(name: string): string {
  return join(packageRoot(), 'data', name);
}

/**
 * A shipped YAML file (e.g. 'abilities.yaml'). The build (scripts/build.mjs) also writes it as JSON
 * to dist/data, which loads in a fraction of the time; the JSON is used when it is at least as new
 * as the YAML, so an edited data file is never shadowed by a stale copy.
 */
export function readShippedYaml(name: string): YamlSource {
  const yamlPath = dataFile(name);
  const jsonPath = join(packageRoot(), 'dist', 'data', name.replace(/\.ya?ml$/, '.json'));
  try {
    if (statSync(jsonPath).mtimeMs >= statSync(yamlPath).mtimeMs) {
      return { file: yamlPath, value: JSON.parse(readFileSync(jsonPath, 'utf8')), lineOf: () => undefined };
    }
  } catch {
    // No precompiled copy (running from the sources): read the YAML.
  }
  return readYamlFile(yamlPath);
}

/**
 * What `parse` makes of a shipped YAML file (the ability catalog, the factor tables, the default
 * forecast). The build also writes that result to dist/data/NAME.parsed.json, which is used when it
 * is at least as new as the YAML: reading it is one JSON.parse, where checking every field of the 36
 * abilities again took a tenth of `emerge predict`'s start-up. test/io/data-files.test.ts checks that
 * both agree.
 */
export function readShippedData<T>(name: string, parse: (source: YamlSource) => T): T {
  const parsedPath = join(packageRoot(), 'dist', 'data', name.replace(/\.ya?ml$/, '.parsed.json'));
  try {
    if (statSync(parsedPath).mtimeMs >= statSync(dataFile(name)).mtimeMs) return JSON.parse(readFileSync(parsedPath, 'utf8')) as T;
  } catch {
    // No parsed copy (running from the sources, or while the build writes it): parse the file.
  }
  return parse(readShippedYaml(name));
}
