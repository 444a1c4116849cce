// The dependency direction of DESIGN.md, one way: bin → cli → commands → api → {io, render, parallel} → core.
// The library API (src/api, the package's exports) is what the commands are thin clients of.
// Core is pure: no node:* modules, no console, no process, no clock, no Math.random.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = new URL('../src/', import.meta.url).pathname;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function imports(path: string): string[] {
  return [...readFileSync(path, 'utf8').matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1]!);
}

const layer = (path: string): string => {
  const rel = relative(SRC, path);
  return rel.startsWith('..') ? 'outside' : rel.split('/')[0]!.replace(/\.(ts|js)$/, '');
};

/** Source text without comments (a comment may name what the code must not do). */
const code = (path: string): string => readFileSync(path, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');

// What each layer may import (besides itself); util and errors are shared leaves.
const ALLOWED: Record<string, string[]> = {
  core: ['errors'],
  util: [],
  errors: [],
  types: [],
  io: ['core', 'util', 'errors'],
  render: ['core', 'util'],
  parallel: ['core', 'util', 'errors'],
  options: [],
  completion: ['options'],
  docs: ['options'],
  api: ['core', 'io', 'render', 'parallel', 'util', 'errors'],
  commands: ['api', 'core', 'io', 'render', 'options', 'util', 'errors', 'parallel', 'completion'],
  cli: ['commands', 'options', 'errors', 'util', 'outside'], // outside: ../package.json (the version)
};

describe('architecture', () => {
  const all = files(SRC);

  it.each(all.map((f) => [relative(SRC, f)]))('%s imports only layers below it', (file) => {
    const from = layer(join(SRC, file));
    for (const spec of imports(join(SRC, file))) {
      if (!spec.startsWith('.')) continue;
      const target = layer(join(SRC, file, '..', spec));
      if (target === from) continue;
      expect(ALLOWED[from], `${file} imports ${spec}`).toContain(target);
    }
  });

  it.each(all.filter((f) => layer(f) === 'core').map((f) => [relative(SRC, f)]))('%s is pure', (file) => {
    const text = code(join(SRC, file));
    expect(imports(join(SRC, file)).filter((s) => !s.startsWith('.'))).toEqual([]);
    expect(text).not.toMatch(/\b(console\.|process\.|Date\.now|new Date\(|Math\.random)/);
  });
});
