import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { loadAbilityCatalog, readAbilityCatalog } from '../../src/io/abilities.js';
import { slugify } from '../../src/util/slug.js';

const catalog = loadAbilityCatalog();
const byId = new Map(catalog.abilities.map((a) => [a.id, a]));

// The seed's tables, read off the source document (../shared/seed): id, threshold, section.
const SEED_ROWS: [string, number, string][] = [
  ['in-context-learning', 1e10, '§2.1.3'],
  ['chain-of-thought', 1e11, '§2.2.3'],
  ['instruction-following-simple', 1e9, '§2.3.2'],
  ['instruction-following-medium', 1e10, '§2.3.2'],
  ['instruction-following-complex', 1e11, '§2.3.2'],
  ['code-syntax', 1e9, '§2.4.2'],
  ['code-logic', 1e10, '§2.4.2'],
  ['code-quality', 5e10, '§2.4.2'],
  ['code-complex-algorithms', 1e11, '§2.4.2'],
  ['bigbench-reasoning', 1e11, '§5.1'],
  ['bigbench-math', 1e11, '§5.1'],
  ['bigbench-programming', 5e10, '§5.1'],
  ['bigbench-language', 1e10, '§5.1'],
  ['bigbench-commonsense', 5e10, '§5.1'],
];

describe('the shipped ability catalog', () => {
  it('uses the GPT-3-era reference regime of 3e11 tokens', () => expect(catalog.referenceTokens).toBe(3e11));

  it.each(SEED_ROWS)('%s: threshold %d from seed %s', (id, threshold, section) => {
    const ability = byId.get(id)!;
    expect(ability.thresholdParams).toBe(threshold);
    expect(ability.source).toBe(`seed ${section}`);
    expect(ability.name.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('has the seed §5.1 BIG-Bench task counts', () => {
    expect(['reasoning', 'math', 'programming', 'language', 'commonsense'].map((c) => byId.get(`bigbench-${c}`)!.taskCount)).toEqual([23, 12, 8, 15, 18]);
  });

  it('has the seed §2.1.3 bands of in-context learning', () => {
    const bands = byId.get('in-context-learning')!.bands!;
    expect(bands.map((b) => [b.fromParams, b.toParams, b.label.zh])).toEqual([
      [undefined, 1e9, '几乎无'],
      [1e9, 1e10, '初步出现'],
      [1e10, 1e11, '明显提升'],
      [1e11, undefined, '强大'],
    ]);
  });

  // fixtures/wei2022_table1_emergent_abilities.csv is a verbatim copy of ../shared/data.
  const weiRows = parse(readFileSync(new URL('../../fixtures/wei2022_table1_emergent_abilities.csv', import.meta.url)), { columns: true }) as Record<string, string>[];

  it('holds every row of Wei et al. 2022 Table 1 with its scale, model and reference', () => {
    expect(weiRows).toHaveLength(23);
    for (const row of weiRows) {
      if (row.params === '') {
        expect(catalog.unquantified.map((u) => u.name.en)).toContain(row.ability);
        continue;
      }
      const ability = byId.get(slugify(row.ability!))!;
      expect(ability, row.ability).toBeDefined();
      expect(ability.name.en).toBe(row.ability);
      expect(ability.thresholdParams).toBe(Number(row.params));
      expect(ability.thresholdFlops).toBe(Number(row.train_flops));
      expect(ability.model).toBe(row.model);
      expect(ability.reference).toBe(row.reference);
      expect(ability.category).toBe(slugify(row.category!));
    }
  });

  it('gives every ability a kebab-case id, two names, a source and a default logistic curve', () => {
    expect(catalog.abilities).toHaveLength(14 + 22);
    for (const a of catalog.abilities) {
      expect(a.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(a.source).not.toBe('');
      expect(a.name.en).not.toBe('');
      expect(a.curve).toEqual({ shape: 'logistic', width: 0.5, floor: 0, ceiling: 1 });
    }
  });
});

describe('user catalogs', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'emerge-abilities-'));
  const write = (name: string, text: string): string => {
    const path = join(tmp, name);
    writeFileSync(path, text);
    return path;
  };

  it('need only ids and thresholds', () => {
    const mine = readAbilityCatalog(write('ok.yaml', 'abilities:\n  - id: my-task\n    threshold_params: 30B\n    curve: { width: 0.25 }\n'));
    expect(mine.referenceTokens).toBe(3e11);
    expect(mine.abilities[0]).toMatchObject({ id: 'my-task', thresholdParams: 3e10, curve: { shape: 'logistic', width: 0.25, floor: 0, ceiling: 1 } });
  });

  it('accept the power shape of seed §3.1', () => {
    const mine = readAbilityCatalog(write('power.yaml', 'abilities:\n  - id: p\n    threshold_params: 1e10\n    curve: { shape: power, exponent: 0.5, saturation_params: 1e11 }\n'));
    expect(mine.abilities[0]!.curve).toEqual({ shape: 'power', width: 0.5, floor: 0, ceiling: 1, exponent: 0.5, saturationParams: 1e11 });
  });

  it.each([
    ['dup.yaml', 'abilities:\n  - id: a\n    threshold_params: 1e9\n  - id: a\n    threshold_params: 1e10\n', 'dup.yaml:4: abilities[1].id: duplicate id "a"'],
    ['badid.yaml', 'abilities:\n  - id: Not Kebab\n    threshold_params: 1e9\n', 'badid.yaml:2: abilities[0].id: "Not Kebab" is not a kebab-case id'],
    ['neg.yaml', 'abilities:\n  - id: a\n    threshold_params: -1\n', 'neg.yaml:3'],
    ['floor.yaml', 'abilities:\n  - id: a\n    threshold_params: 1e9\n    curve: { floor: 0.9, ceiling: 0.5 }\n', 'floor (0.9) must be below ceiling (0.5)'],
    ['power.yaml', 'abilities:\n  - id: a\n    threshold_params: 1e9\n    curve: { shape: power }\n', 'a power curve needs "exponent"'],
    ['sat.yaml', 'abilities:\n  - id: a\n    threshold_params: 1e9\n    curve: { shape: power, exponent: 1, saturation_params: 1e8 }\n', 'must be above threshold_params'],
    ['key.yaml', 'abilities:\n  - id: a\n    treshold_params: 1e9\n', 'unknown key "treshold_params" (did you mean threshold_params?)'],
    ['empty.yaml', 'abilities: []\n', 'lists no abilities'],
  ])('%s is an input error', (name, text, message) => {
    const path = write(name, text);
    expect(() => readAbilityCatalog(path)).toThrow(InputError);
    expect(() => readAbilityCatalog(path)).toThrow(message);
  });
});
