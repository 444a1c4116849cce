import { describe, expect, it } from 'vitest';
import { BUILTIN_SCENARIOS, builtinScenario, runScenario, SCENARIO_NAMES, SCENARIO_SUMMARIES, scenarioProblems, type ScenarioConfig } from '../../../src/core/simulate/scenarios.js';
import { UsageError } from '../../../src/errors.js';
import { context } from './context.js';

describe('built-in scenarios', () => {
  it('cover the seven scenarios, each with a summary line', () => {
    expect([...SCENARIO_NAMES]).toEqual(['phase', 'abilities', 'mirage', 'composition', 'multitask', 'quality', 'finite-eval']);
    for (const name of SCENARIO_NAMES) {
      expect(BUILTIN_SCENARIOS[name].scenario).toBe(name);
      expect(SCENARIO_SUMMARIES[name].length).toBeGreaterThan(20);
      expect(scenarioProblems(BUILTIN_SCENARIOS[name])).toEqual([]);
    }
  });

  it.each(SCENARIO_NAMES)('%s runs, with finite values, one summary per series and x shared', (name) => {
    const sim = runScenario(BUILTIN_SCENARIOS[name], context);
    expect(sim.scenario).toBe(name);
    expect(sim.summary.map((s) => s.name)).toEqual(sim.series.map((s) => s.name));
    expect(new Set(sim.series.map((s) => s.name)).size).toBe(sim.series.length);
    for (const s of sim.series) {
      expect(s.name).toMatch(/^[a-zA-Z0-9]+(?:[-.][a-zA-Z0-9]+)*$/); // kebab-case (mirage keeps the capital L)
      expect(s.x).toBe(sim.series[0]!.x);
      expect(s.y.length).toBe(s.x.length);
      expect(s.y.every(Number.isFinite)).toBe(true);
    }
    expect(JSON.stringify(sim.summary)).not.toMatch(/NaN|Infinity|null/);
    expect(sim.notes.join(' ')).not.toMatch(/NaN|Infinity|undefined/);
    for (const m of sim.markers) expect(m.scale >= BUILTIN_SCENARIOS[name].sweep.from && m.scale <= BUILTIN_SCENARIOS[name].sweep.to).toBe(true);
  });

  it.each(SCENARIO_NAMES)('%s is deterministic: the same config gives identical series', (name) => {
    const a = runScenario(BUILTIN_SCENARIOS[name], context);
    const b = runScenario(builtinScenario(name), context);
    expect(b.series.map((s) => Array.from(s.y))).toEqual(a.series.map((s) => Array.from(s.y)));
    expect(b.report).toEqual(a.report);
  });

  it('hands out copies of the built-ins', () => {
    const copy = builtinScenario('mirage');
    copy.lengths.push(40);
    expect(BUILTIN_SCENARIOS.mirage.lengths).toEqual([1, 5, 10, 20]);
  });

  it('runs 10^5-point sweeps and refuses sizes beyond the value limit', () => {
    const big = { ...BUILTIN_SCENARIOS.phase, sweep: { ...BUILTIN_SCENARIOS.phase.sweep, steps: 100_000 } };
    expect(runScenario(big, context).series[0]!.y.length).toBe(100_000);
    const huge = { ...BUILTIN_SCENARIOS.phase, sweep: { ...BUILTIN_SCENARIOS.phase.sweep, steps: 1e7 }, exponents: [0.25, 0.5, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] };
    expect(() => runScenario(huge, context)).toThrow(/values, more than the limit of 1e8/);
  });

  it('rejects an unknown scenario name', () => {
    expect(() => runScenario({ ...BUILTIN_SCENARIOS.phase, scenario: 'phases' } as unknown as ScenarioConfig, context)).toThrow(UsageError);
  });
});
