/**
 * Where the shipped data (data/*.yaml, data/*.csv) lives: next to the package root, found by walking
 * up from this module (src/io in development, dist/ when bundled).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
