import { describe, expect, it } from 'vitest';
import { applyOptions } from '../../../src/core/simulate/options.js';
import { BUILTIN_SCENARIOS } from '../../../src/core/simulate/scenarios.js';
import { UsageError } from '../../../src/errors.js';

describe('applyOptions', () => {
  it('overrides sweep fields and leaves the built-in untouched', () => {
    const config = applyOptions(BUILTIN_SCENARIOS.mirage, { from: 1e9, steps: 300 });
    expect(config.sweep).toEqual({ over: 'params', from: 1e9, to: 1e13, steps: 300, quality: 1 });
    expect(BUILTIN_SCENARIOS.mirage.sweep.from).toBe(1e8);
  });

  it('switching axis without bounds takes the axis defaults', () => {
    expect(applyOptions(BUILTIN_SCENARIOS.abilities, { over: 'compute' }).sweep).toEqual({ over: 'compute', from: 1e18, to: 1e27, steps: 61, quality: 1 });
    expect(applyOptions(BUILTIN_SCENARIOS.abilities, { over: 'tokens', params: 7e9 }).sweep).toEqual({ over: 'tokens', from: 1e9, to: 1e14, steps: 61, quality: 1, params: 7e9 });
  });

  it.each([
    [{ steps: 0 }, /^--steps: must be an integer from 2 to 1e7/],
    [{ steps: 2.5 }, /^--steps: /],
    [{ from: 1e14 }, /^sweep\.to: must be above from \(1e14\), got 1e13$/],
    [{ from: 1e14, to: 1e9 }, /^--to: must be above from/],
    [{ to: 1e40 }, /^--to: .*got 1e40$/],
    [{ params: 7e9 }, /^--params: applies only to a sweep over tokens/],
    [{ over: 'tokens' as const }, /^sweep\.params: a sweep over tokens needs the fixed model size/],
    [{ quality: 0 }, /^--quality: /],
    [{ items: 100 }, /^--items: applies only to --scenario finite-eval/],
    [{ ability: undefined, abilities: ['chain-of-thought'] }, /^--ability: does not apply to --scenario phase/],
    [{ seed: -3 }, /^--seed: /],
  ])('reports %o as a usage error', (options, message) => {
    expect(() => applyOptions(BUILTIN_SCENARIOS.phase, options)).toThrow(UsageError);
    expect(() => applyOptions(BUILTIN_SCENARIOS.phase, options)).toThrow(message);
  });

  it('routes --ability to the scenario: list, parts, or the one ability', () => {
    const abilities = applyOptions(BUILTIN_SCENARIOS.abilities, { abilities: ['chain-of-thought', 'code-logic'] });
    expect(abilities.scenario === 'abilities' && abilities.abilities).toEqual(['chain-of-thought', 'code-logic']);
    const composition = applyOptions(BUILTIN_SCENARIOS.composition, { abilities: ['code-syntax', 'code-logic'] });
    expect(composition.scenario === 'composition' && composition.parts).toEqual(['code-syntax', 'code-logic']);
    const quality = applyOptions(BUILTIN_SCENARIOS.quality, { abilities: ['in-context-learning'] });
    expect(quality.scenario === 'quality' && quality.ability).toBe('in-context-learning');
    expect(() => applyOptions(BUILTIN_SCENARIOS.quality, { abilities: ['a', 'b'] })).toThrow(/^--ability: the quality scenario takes one ability, got 2$/);
    expect(() => applyOptions(BUILTIN_SCENARIOS.composition, { abilities: ['code-logic'] })).toThrow(/^--ability: must list 2 to 16/);
    expect(() => applyOptions(BUILTIN_SCENARIOS.abilities, { abilities: ['Bad Id'] })).toThrow(/^--ability: must be a kebab-case id/);
  });

  it('sets finite-eval sizes and seed, and refuses --quality in the quality scenario', () => {
    const config = applyOptions(BUILTIN_SCENARIOS['finite-eval'], { items: 50, trials: 200, seed: 9 });
    expect(config.scenario === 'finite-eval' && [config.items, config.trials, config.seed]).toEqual([50, 200, 9]);
    expect(() => applyOptions(BUILTIN_SCENARIOS['finite-eval'], { items: 0 })).toThrow(/^--items: /);
    expect(() => applyOptions(BUILTIN_SCENARIOS.quality, { quality: 2 })).toThrow(/^--quality: the quality scenario sets data quality through its levels/);
    expect(applyOptions(BUILTIN_SCENARIOS.mirage, { seed: 5 })).toEqual(BUILTIN_SCENARIOS.mirage);
  });
});
