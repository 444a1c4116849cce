import { describe, expect, it } from 'vitest';
import { assess } from '../../../src/core/assess.js';
import { simulateAbilities, type AbilitiesConfig } from '../../../src/core/simulate/abilities.js';
import { UsageError } from '../../../src/errors.js';
import { seedCatalog } from '../../helpers/catalog.js';
import { context } from './context.js';

const config: AbilitiesConfig = { scenario: 'abilities', sweep: { over: 'params', from: 1e8, to: 1e13, steps: 61, quality: 1 }, abilities: [] };

describe('abilities scenario', () => {
  it('shows the whole catalog when no ids are given, one series per id, thresholds marked', () => {
    const sim = simulateAbilities(config, context);
    expect(sim.series.map((s) => s.name)).toEqual(seedCatalog.map((a) => a.id));
    expect(sim.markers.find((m) => m.series === 'chain-of-thought')?.scale).toBe(1e11);
    expect(sim.summary.find((s) => s.name === 'in-context-learning')?.at50).toBe(1e10);
  });

  // Identity with `emerge predict` below each threshold: the probability at each point is assess's
  // for that model. Above a threshold predict judges by the loss margin, at most log10(N_eff/N_c)
  // (the loss is convex in log N), so the scenario's idealised curve is never below predict's.
  it('gives the probabilities of assess below each threshold, and no less above, also off the reference regime (2e12 tokens, quality 2)', () => {
    const sweep = { over: 'params' as const, from: 1e9, to: 1e12, steps: 7, tokens: 2e12, quality: 2 };
    const sim = simulateAbilities({ ...config, sweep, abilities: ['chain-of-thought', 'code-logic'] }, context);
    let above = 0;
    sim.series[0]!.x.forEach((n, i) => {
      const verdict = assess(context.law, context, seedCatalog, { params: n, tokens: 2e12, quality: 2 });
      sim.series.forEach((series) => {
        const judged = verdict.abilities.find((a) => a.ability.id === series.name)!;
        if (judged.marginDecades < 0) {
          // To 1e-15: the sweep evaluates the logistic with exp(x·ln 10) where predict uses 10^x.
          expect(Math.abs(series.y[i]! - judged.probability)).toBeLessThanOrEqual(1e-15);
        } else {
          above++;
          expect(series.y[i]!).toBeGreaterThanOrEqual(judged.probability);
        }
      });
    });
    expect(above).toBeGreaterThan(0);
  });

  it('accepts inline definitions beside catalog ids', () => {
    const inline = { id: 'my-task', thresholdParams: 3e10, curve: { shape: 'logistic' as const, width: 0.4, floor: 0.25, ceiling: 1 } };
    const sim = simulateAbilities({ ...config, abilities: ['code-syntax', inline] }, context);
    expect(sim.series.map((s) => s.name)).toEqual(['code-syntax', 'my-task']);
    expect(sim.series[1]!.range).toEqual([0.25, 1]);
    expect(Math.abs(Math.log10(sim.summary[1]!.at50! / 3e10))).toBeLessThan(1e-3); // grid interpolation, 12 points a decade
  });

  it('rejects unknown and duplicate ids', () => {
    expect(() => simulateAbilities({ ...config, abilities: ['chain-of-thougt'] }, context)).toThrow(UsageError);
    expect(() => simulateAbilities({ ...config, abilities: ['chain-of-thougt'] }, context)).toThrow(/^abilities\[0\]: unknown ability "chain-of-thougt"/);
    expect(() => simulateAbilities({ ...config, abilities: ['code-logic', 'code-logic'] }, context)).toThrow(/^abilities\[1\]: duplicate id/);
  });
});
