import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runScenario } from '../../src/core/simulate/scenarios.js';
import { BUILTIN_SCENARIOS, SCENARIO_NAMES } from '../../src/core/simulate/scenarios.js';
import { InputError } from '../../src/errors.js';
import { loadAbilityCatalog } from '../../src/io/abilities.js';
import { dataFile } from '../../src/io/data-files.js';
import { builtinScenarioFile, parseScenarioSource, readScenarioFile, validateScenarioConfig } from '../../src/io/scenario-config.js';
import { parseYaml } from '../../src/io/yaml-source.js';
import { besiroglu2024 } from '../helpers/laws.js';

const catalog = loadAbilityCatalog();
const abilityIds = catalog.abilities.map((a) => a.id);

function load(text: string) {
  return parseScenarioSource(parseYaml(text, 'scenario.yaml'), { abilityIds });
}

function failure(text: string): InputError {
  try {
    load(text);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('shipped scenario files (data/scenarios)', () => {
  it('are exactly the seven built-in scenarios', () => {
    expect(readdirSync(dataFile('scenarios')).sort()).toEqual(SCENARIO_NAMES.map((n) => `${n}.yaml`).sort());
  });

  it.each(SCENARIO_NAMES)('%s.yaml validates and equals the built-in scenario', (name) => {
    expect(readScenarioFile(builtinScenarioFile(name), { abilityIds })).toEqual(BUILTIN_SCENARIOS[name]);
  });

  it.each(SCENARIO_NAMES)('%s.yaml also validates from a plain parsed object', (name) => {
    const raw: unknown = parse(readScenarioText(name));
    expect(validateScenarioConfig(raw, `${name}.yaml`, { abilityIds })).toEqual(BUILTIN_SCENARIOS[name]);
  });

  it.each(SCENARIO_NAMES)('%s runs against the shipped catalog', (name) => {
    const sim = runScenario(BUILTIN_SCENARIOS[name], { law: besiroglu2024, referenceTokens: catalog.referenceTokens, catalog: catalog.abilities });
    expect(sim.series.length).toBeGreaterThan(0);
  });
});

describe('fixtures/mirage-loss.yaml (the README example of per_token: loss)', () => {
  it('is the built-in mirage with the loss model over compute', () => {
    const config = readScenarioFile(new URL('../../fixtures/mirage-loss.yaml', import.meta.url).pathname, { abilityIds });
    expect(config).toEqual({ ...BUILTIN_SCENARIOS.mirage, perToken: 'loss', sweep: { over: 'compute', from: 1e16, to: 1e34, steps: 217, quality: 1 } });
  });
});

function readScenarioText(name: string): string {
  return readFileSync(join(dataFile('scenarios'), `${name}.yaml`), 'utf8');
}

describe('scenario files written by people', () => {
  it('take the built-in values for keys left out', () => {
    expect(load('scenario: mirage\nlengths: [2, 4]\n')).toEqual({ ...BUILTIN_SCENARIOS.mirage, lengths: [2, 4] });
    expect(load('scenario: mirage\nmidpoint_params: 3B\nwidth: 0.5\n')).toEqual({ ...BUILTIN_SCENARIOS.mirage, midpointParams: 3e9, width: 0.5 });
    const sweep = load('scenario: abilities\nsweep: { over: compute }\n').sweep;
    expect(sweep).toEqual({ over: 'compute', from: 1e18, to: 1e27, steps: 61, quality: 1 });
  });

  it('read sizes with suffixes and inline abilities with curves', () => {
    const config = load(
      [
        'scenario: composition',
        'parts:',
        '  - code-syntax',
        '  - id: debugging',
        '    name: Debugging',
        '    threshold_params: 30B',
        '    curve: { shape: power, exponent: 0.5, saturation_params: 1T }',
        '    source: our guess',
      ].join('\n'),
    );
    expect(config.scenario === 'composition' && config.parts[1]).toEqual({
      id: 'debugging',
      label: 'Debugging',
      thresholdParams: 3e10,
      curve: { shape: 'power', width: 0.5, floor: 0, ceiling: 1, exponent: 0.5, saturationParams: 1e12 },
      source: 'our guess',
    });
  });

  it('without "scenario", describe the default scenario (abilities), as emerge simulate alone runs it', () => {
    expect(load('sweep: { steps: 10 }\n')).toEqual({ ...BUILTIN_SCENARIOS.abilities, sweep: { ...BUILTIN_SCENARIOS.abilities.sweep, steps: 10 } });
  });

  it('read a top-level seed: the draws of finite-eval, accepted and unused elsewhere', () => {
    expect(load('scenario: finite-eval\nseed: 7\n')).toEqual({ ...BUILTIN_SCENARIOS['finite-eval'], seed: 7 });
    expect(load('scenario: phase\nseed: 7\n')).toEqual(BUILTIN_SCENARIOS.phase);
  });

  it('read a law given inline by its fields, beside a preset name or a file', () => {
    expect(load('law: { name: mine, E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 }\n').law).toEqual({
      form: 'chinchilla', id: 'mine', source: 'user file scenario.yaml', E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28,
    });
    expect(load('law: hoffmann2022\n').law).toBe('hoffmann2022');
  });

  it.each([
    ['an unknown key, with a hint', 'scenario: mirage\nlenghts: [1, 2]\n', 'scenario.yaml:2: lenghts: unknown key "lenghts" (did you mean lengths?); allowed: scenario, description, law, seed, sweep, per_token, midpoint_params, width, lengths, edit_lengths'],
    ['an unknown scenario', 'scenario: mirag\n', 'scenario.yaml:1: scenario: unknown scenario "mirag" (did you mean mirage?); use one of phase, abilities, mirage, composition, multitask, quality, finite-eval'],
    ['a seed that is not a 32-bit integer', 'scenario: phase\nseed: 1.5\n', 'scenario.yaml:2: seed: expected a 32-bit seed (an integer from 0 to 4294967295), got 1.5'],
    ['an inline law with a bad field', 'law: { E: 1.69, A: many, B: 410.7, alpha: 0.34, beta: 0.28 }\n', 'scenario.yaml:1: A: "many" is not a number; use e.g. 406.4'],
    ['an inline law missing a field', 'law:\n  E: 1.69\n  A: 406.4\n', 'scenario.yaml:2: law: missing "B" (a chinchilla law needs E, A, B, alpha, beta)'],
    ['a law given as a list', 'law: [1.69, 406.4]\n', 'scenario.yaml:1: law: expected a preset name, a law file, or the law inline as a mapping of E, A, B, alpha, beta'],
    ['from above to', 'scenario: mirage\nsweep:\n  from: 1e30\n', 'scenario.yaml:3: sweep.to: must be above from (1e30), got 1e13'],
    ['an unknown per-token model, with a hint', 'scenario: mirage\nper_token: los\n', 'scenario.yaml:2: per_token: unknown per-token model "los" (did you mean loss?); use logistic (p logistic in log10 of the effective size) or loss (p = exp(−(L − E)) under the law)'],
    ['a logistic setting with the loss model', 'scenario: mirage\nper_token: loss\nwidth: 2\n', 'scenario.yaml:3: width: belongs to per_token: logistic (this file has per_token: loss)'],
    ['zero steps', 'scenario: phase\nsweep:\n  steps: 0\n', 'scenario.yaml:3: sweep.steps: must be an integer from 2 to 1e7 (the number of grid points), got 0'],
    ['a word for a number', 'scenario: phase\nsweep:\n  steps: many\n', 'scenario.yaml:3: sweep.steps: expected a number (e.g. 0.5, 1e11 or 100B), got "many"'],
    ['N_sat below N_c', 'scenario: phase\nsaturation_params: 50B\n', 'scenario.yaml:2: saturation_params: must be above the threshold N_c (1e11), got 5e10'],
    ['a power curve without N_sat', 'scenario: quality\nability:\n  id: x\n  threshold_params: 1e10\n  curve:\n    shape: power\n    exponent: 2\n', 'scenario.yaml:6: ability.curve: a power curve needs "saturation_params"'],
    ['an unknown ability id, with a hint', 'scenario: quality\nability: chain-of-thougt\n', 'scenario.yaml:2: ability: unknown ability "chain-of-thougt" (did you mean chain-of-thought?); see emerge thresholds for the catalog'],
    ['a wrong type in a list item', 'scenario: multitask\ntasks:\n  - { ability: bigbench-language, weight: 1 }\n  - { ability: bigbench-math, weight: heavy }\n', 'scenario.yaml:4: tasks[1].weight: expected a number (e.g. 0.5, 1e11 or 100B), got "heavy"'],
    ['fractional items', 'scenario: finite-eval\nitems: 10.5\n', 'scenario.yaml:2: items: must be an integer from 1 to 1e9 (the number of benchmark items), got 10.5'],
    ['a three-value band', 'scenario: finite-eval\nband: [5, 50, 95]\n', 'scenario.yaml:2: band: expected two percentiles, low and high (e.g. [5, 95]), got 3'],
  ])('reject %s with file, line and key', (_, text, message) => {
    expect(failure(text).message).toBe(message);
  });

  it('without a line locator, say the file and the key', () => {
    expect(() => validateScenarioConfig({ scenario: 'phase', exponents: [0] }, 'raw.yaml')).toThrow(
      new InputError('raw.yaml', undefined, 'exponents[0]: must be a number above 0 and at most 100 (a critical exponent), got 0'),
    );
  });
});
