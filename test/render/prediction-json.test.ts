// The batch's JSON writer must print exactly what toJson prints for the same record, at the depth
// of predict's `results`: checked on the shipped catalog and laws, and on an ability catalog with
// every optional field, over random models (fast-check, fixed seed).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assess } from '../../src/core/assess.js';
import type { Ability } from '../../src/core/catalog.js';
import { dataStage } from '../../src/core/factors.js';
import { loadAbilityCatalog } from '../../src/io/abilities.js';
import { loadFactors } from '../../src/io/factors.js';
import { resolveLaw } from '../../src/io/laws.js';
import { toJson } from '../../src/render/json.js';
import { abilityTemplate, predictionJsonWriter, predictionRecord, type ModelDescription } from '../../src/render/prediction-record.js';

const catalog = loadAbilityCatalog();
const factors = loadFactors();
const custom: Ability[] = [
  {
    id: 'every-field',
    name: { en: 'Quote " back\\slash', zh: '引号' },
    category: 'test',
    thresholdParams: 3e9,
    source: 'a §source',
    model: 'LaMDA',
    reference: 'Someone et al.',
    bands: [
      { toParams: 1e9, label: { en: 'none', zh: '无' } },
      { fromParams: 1e9, toParams: 1e11, label: { en: 'some', zh: '一些' } },
    ],
    curve: { shape: 'power', exponent: 0.5, saturationParams: 1e12, width: 0.5, floor: 0.1, ceiling: 0.9 },
  },
];

/** What predict prints for a record inside `results`: toJson's text, two levels deep. */
function expected(record: unknown): string {
  return toJson(record).trimEnd().replace(/^/gm, '    ');
}

const model = fc.record({
  name: fc.string({ unit: 'grapheme', maxLength: 12 }),
  params: fc.double({ min: 1, max: 1e16, noNaN: true }),
  tokens: fc.double({ min: 1, max: 1e17, noNaN: true }),
  quality: fc.constantFrom(0.5, 1, 2, 1.5),
  source: fc.constantFrom('params', 'reference regime (3.00e11; no tokens given)', 'tokens'),
  architecture: fc.option(fc.record({ layers: fc.integer({ min: 1, max: 96 }), dModel: fc.integer({ min: 1, max: 12288 }), vocab: fc.integer({ min: 0, max: 256000 }) }), { nil: undefined }),
});

describe('predictionJsonWriter', () => {
  for (const [label, abilities, lawId] of [
    ['the shipped catalog, besiroglu2024', catalog.abilities, undefined],
    ['one ability, kaplan2020', catalog.abilities.slice(0, 1), 'kaplan2020'],
    ['every optional field, hoffmann2022', custom, 'hoffmann2022'],
    ['no ability', [], undefined],
  ] as const) {
    it(`prints toJson's text of the record: ${label}`, () => {
      const law = resolveLaw(lawId);
      const templates = abilities.map((a) => abilityTemplate(a, law, catalog.referenceTokens));
      const write = predictionJsonWriter(templates, 2);
      fc.assert(
        fc.property(model, (m) => {
          const description: ModelDescription = { name: m.name, params: m.params, paramsSource: m.source, tokens: m.tokens, tokensSource: m.source, quality: m.quality, qualitySource: m.source };
          if (m.architecture) description.architecture = m.architecture;
          const assessment = assess(law, catalog, [...abilities], { params: m.params, tokens: m.tokens, quality: m.quality });
          const stage = dataStage(factors.dataStages, m.tokens);
          const pieces: Buffer[] = [];
          write(description, assessment, stage, { add: (text) => pieces.push(Buffer.from(text)), addBytes: (bytes) => pieces.push(Buffer.from(bytes)) });
          expect(Buffer.concat(pieces).toString()).toBe(expected(predictionRecord(description, assessment, stage, templates)));
        }),
        { numRuns: 300 },
      );
    });
  }
});
