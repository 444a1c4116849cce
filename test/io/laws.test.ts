import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, UsageError } from '../../src/errors.js';
import { loadLawPresets, readLawFile, resolveLaw } from '../../src/io/laws.js';

// fixtures/chinchilla_fit_constants.csv is a verbatim copy of ../shared/data (Epoch's notebook).
import { readFileSync } from 'node:fs';
const published = Object.fromEntries(
  readFileSync(new URL('../../fixtures/chinchilla_fit_constants.csv', import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [fit, A, B, E, alpha, beta] = line.split(',');
      return [fit!, { A: Number(A), B: Number(B), E: Number(E), alpha: Number(alpha), beta: Number(beta) }];
    }),
);

const tmp = mkdtempSync(join(tmpdir(), 'emerge-laws-'));
function file(name: string, text: string): string {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
}

describe('law presets', () => {
  it('default to besiroglu2024', () => expect(resolveLaw(undefined).id).toBe('besiroglu2024'));

  // The preset constants equal the published ones; the unrounded Hoffmann constants are rounded to
  // 9 significant digits in DESIGN.md, hence 1e-8 relative.
  it.each([
    ['besiroglu2024', 'epoch2024_besiroglu_replication'],
    ['hoffmann2022', 'hoffmann2022_approach3_rounded'],
    ['hoffmann2022-unrounded', 'hoffmann2022_approach3_unrounded_per_epoch'],
  ])('%s matches %s', (id, row) => {
    const law = loadLawPresets().presets.get(id)!;
    expect(law.form).toBe('chinchilla');
    for (const key of ['A', 'B', 'E', 'alpha', 'beta'] as const) {
      const value = (law as unknown as Record<string, number>)[key]!;
      expect(Math.abs(value - published[row]![key]) / published[row]![key]).toBeLessThan(1e-8);
    }
  });

  it('ships Kaplan et al. 2020 in its own form', () => {
    expect(resolveLaw('kaplan2020')).toMatchObject({ form: 'kaplan', alphaN: 0.076, alphaD: 0.095, Nc: 8.8e13, Dc: 5.4e13 });
  });

  it('rejects an unknown preset with a suggestion (usage error)', () => {
    expect(() => resolveLaw('hofmann2022')).toThrow(UsageError);
    expect(() => resolveLaw('hofmann2022')).toThrow('did you mean hoffmann2022');
  });
});

describe('law files', () => {
  it('reads a user law with the preset fields', () => {
    const law = readLawFile(file('mine.yaml', 'name: mine\nE: 1.7\nA: 400\nB: 400\nalpha: 0.3\nbeta: 0.3\n'));
    expect(law).toMatchObject({ id: 'mine', form: 'chinchilla', E: 1.7, alpha: 0.3 });
  });

  it.each([
    ['missing.yaml', 'E: 1.7\nA: 400\nB: 400\nalpha: 0.3\n', 'missing.yaml:1: missing "beta"'],
    ['negative.yaml', 'E: 1.7\nA: -400\nB: 400\nalpha: 0.3\nbeta: 0.3\n', 'negative.yaml:2: A: -400 must be greater than 0'],
    ['typo.yaml', 'E: 1.7\nA: 400\nB: 400\nalpha: 0.3\nbetta: 0.3\n', 'typo.yaml:5: betta: unknown key "betta" (did you mean beta?)'],
    ['text.yaml', 'E: 1.7\nA: lots\nB: 400\nalpha: 0.3\nbeta: 0.3\n', 'text.yaml:2: A: "lots" is not a number'],
    ['mixed.yaml', 'E: 1.7\nA: 400\nB: 400\nalpha: 0.3\nbeta: 0.3\nNc: 5\n', 'belongs to the kaplan form'],
    ['list.yaml', '- 1\n- 2\n', 'expected a mapping'],
  ])('%s is an input error naming the line', (name, text, message) => {
    const path = file(name, text);
    expect(() => readLawFile(path)).toThrow(InputError);
    expect(() => readLawFile(path)).toThrow(message);
  });

  it('a missing file is an input error', () => {
    expect(() => resolveLaw(join(tmp, 'nope.yaml'))).toThrow('nope.yaml: no such file');
  });
});
