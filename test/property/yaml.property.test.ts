// Property-based tests (fast-check) of the YAML readers: laws, ability catalogs, plans.
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parseAbilityCatalog } from '../../src/io/abilities.js';
import { readLaw } from '../../src/io/laws.js';
import { readPlanConfig } from '../../src/io/plan-config.js';
import { validateScenarioConfig } from '../../src/io/scenario-config.js';
import { parseYaml, YamlReader } from '../../src/io/yaml-source.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const positive = (max: number): fc.Arbitrary<number> => fc.double({ min: 1e-6, max, noNaN: true });
const yamlOf = (value: unknown): string => stringify(value) ?? '';
const reader = (text: string): YamlReader => new YamlReader(parseYaml(text, 'p.yaml'));

/** Runs `read` on arbitrary input: it must return or throw an InputError, never anything else. */
function onlyInputErrors(read: () => unknown): void {
  try {
    read();
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    expect(error.message.startsWith('p.yaml')).toBe(true);
  }
}

describe('YAML readers (properties)', () => {
  it('parseYaml returns a document or an InputError for any text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => onlyInputErrors(() => parseYaml(text, 'p.yaml'))), { numRuns: 500 });
  });

  it('a valid law round-trips', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 10, noNaN: true }), positive(1e6), positive(1e6), positive(3), positive(3), (E, A, B, alpha, beta) => {
        const law = readLaw(reader(yamlOf({ name: 'x', E, A, B, alpha, beta })), [], 'x');
        expect(law).toMatchObject({ form: 'chinchilla', E, A, B, alpha, beta });
      }),
    );
  });

  it('any mapping read as a law gives a valid law or an InputError', () => {
    const field = fc.oneof(fc.double(), fc.string(), fc.constant(null), fc.boolean(), fc.array(fc.integer(), { maxLength: 2 }));
    const lawLike = fc.record({ E: field, A: field, B: field, alpha: field, beta: field, form: fc.constantFrom('chinchilla', 'kaplan', 'other'), extra: field }, { requiredKeys: [] });
    fc.assert(
      fc.property(lawLike, (raw) =>
        onlyInputErrors(() => {
          const law = readLaw(reader(yamlOf(raw)), [], 'x');
          if (law.form === 'chinchilla') for (const v of [law.A, law.B, law.alpha, law.beta]) expect(Number.isFinite(v) && v > 0).toBe(true);
        }),
      ),
      { numRuns: 500 },
    );
  });

  const ability = fc.record({
    id: fc.stringMatching(/^[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,6}){0,2}$/),
    threshold_params: fc.double({ min: 1, max: 1e15, noNaN: true }),
    curve: fc.record({ width: positive(5), floor: fc.double({ min: 0, max: 0.4, noNaN: true }), ceiling: fc.double({ min: 0.5, max: 1, noNaN: true }) }),
  });

  it('a valid ability catalog round-trips', () => {
    fc.assert(
      fc.property(fc.uniqueArray(ability, { minLength: 1, maxLength: 6, selector: (a) => a.id }), (abilities) => {
        const catalog = parseAbilityCatalog(reader(yamlOf({ abilities })));
        expect(catalog.abilities.map((a) => [a.id, a.thresholdParams, a.curve.width])).toEqual(abilities.map((a) => [a.id, a.threshold_params, a.curve.width]));
      }),
    );
  });

  it('any value read as an ability catalog gives a catalog or an InputError', () => {
    const mutated = fc.oneof(
      fc.anything(),
      fc.record({ abilities: fc.array(fc.oneof(ability, fc.dictionary(fc.constantFrom('id', 'threshold_params', 'curve', 'name', 'bands', 'unknown'), fc.anything()))) }),
    );
    fc.assert(fc.property(mutated, (raw) => onlyInputErrors(() => parseAbilityCatalog(reader(yamlOf(raw))))), { numRuns: 500 });
  });

  it('any value read as a plan (--config) gives a plan or an InputError', () => {
    const dir = mkdtempSync(join(tmpdir(), 'emerge-plan-property-'));
    const model = fc.dictionary(fc.constantFrom('name', 'params', 'tokens', 'compute', 'model', 'layers', 'd_model', 'vocab', 'quality', 'paramz'), fc.oneof(fc.anything(), fc.constantFrom('7B', '1e400', '-1', 'high')));
    const plan = fc.oneof(fc.anything(), model, fc.record({ law: fc.anything(), ability: fc.anything(), models: fc.array(model, { maxLength: 3 }) }, { requiredKeys: [] }));
    fc.assert(
      fc.property(plan, (raw) => {
        const file = join(dir, 'p.yaml');
        writeFileSync(file, yamlOf(raw));
        try {
          readPlanConfig(file);
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('any value read as a scenario gives a scenario or an InputError', () => {
    const scenario = fc.record(
      {
        scenario: fc.constantFrom('phase', 'abilities', 'mirage', 'composition', 'multitask', 'quality', 'finite-eval', 'nope'),
        sweep: fc.oneof(fc.anything(), fc.record({ over: fc.constantFrom('params', 'compute', 'tokens', 'x'), from: fc.anything(), to: fc.anything(), steps: fc.oneof(fc.integer(), fc.anything()) }, { requiredKeys: [] })),
        lengths: fc.anything(),
        items: fc.anything(),
        ability: fc.anything(),
      },
      { requiredKeys: ['scenario'] },
    );
    fc.assert(
      fc.property(fc.oneof(scenario, fc.anything()), (raw) => {
        try {
          validateScenarioConfig(raw, 'p.yaml');
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
        }
      }),
      { numRuns: 300 },
    );
  });
});
