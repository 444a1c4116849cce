import { describe, expect, it } from 'vitest';
import { simulatePhase, type PhaseConfig } from '../../../src/core/simulate/phase.js';
import { BUILTIN_SCENARIOS } from '../../../src/core/simulate/scenarios.js';
import { UsageError } from '../../../src/errors.js';
import { context } from './context.js';

const config: PhaseConfig = { ...BUILTIN_SCENARIOS.phase, sweep: { over: 'params', from: 1e9, to: 1e13, steps: 1201, quality: 1 } };

describe('phase scenario', () => {
  const sim = simulatePhase(config, context);

  it('names its series power-beta-<β> and logistic', () => {
    expect(sim.series.map((s) => s.name)).toEqual(['power-beta-0.25', 'power-beta-0.5', 'power-beta-1', 'power-beta-2', 'logistic']);
    expect(sim.markers.map((m) => [m.label, m.scale])).toEqual([
      ['N_c', 1e11],
      ['N_sat', 1e12],
    ]);
  });

  it('is the floor at and below N_c and the ceiling from N_sat on (seed §3.1 form)', () => {
    for (const s of sim.series.slice(0, 4)) {
      s.x.forEach((n, i) => {
        if (n <= 1e11) expect(s.y[i]).toBe(0);
        if (n >= 1e12) expect(s.y[i]).toBe(1);
      });
    }
  });

  // Recover the closed form: the power curve reaches fraction f at N_c + (N_sat − N_c)·f^(1/β).
  // The summary interpolates linearly in log10 N on a grid of 300 points a decade, so it agrees to
  // 1e-3 decade away from the kink (β = 0.25 rises to 10% within 1e-3 of N_c: compared at 50% and 90%).
  it('crosses 10/50/90% where the closed form says', () => {
    sim.report.powerCrossings.forEach((closed, k) => {
      const s = sim.summary[k]!;
      expect(Math.abs(Math.log10(s.at50!) - Math.log10(closed.at50))).toBeLessThan(1e-3);
      expect(Math.abs(Math.log10(s.at90!) - Math.log10(closed.at90))).toBeLessThan(1e-3);
      if (closed.exponent >= 0.5) expect(Math.abs(Math.log10(s.at10!) - Math.log10(closed.at10))).toBeLessThan(1e-3);
    });
    expect(sim.report.powerCrossings[1]!.at50).toBe(1e11 + 9e11 * 0.25);
  });

  it('puts the logistic at 50% on N_c', () => {
    expect(sim.series[4]!.y[sim.series[4]!.x.indexOf(1e11)]).toBe(0.5);
  });

  it('rejects N_sat ≤ N_c and bad exponents', () => {
    expect(() => simulatePhase({ ...config, saturationParams: 1e10 }, context)).toThrow(/^saturationParams: must be above the threshold N_c \(1e11\)/);
    expect(() => simulatePhase({ ...config, exponents: [] }, context)).toThrow(UsageError);
    expect(() => simulatePhase({ ...config, exponents: [0.5, 0.5] }, context)).toThrow(/duplicate exponent/);
    expect(() => simulatePhase({ ...config, exponents: [-1] }, context)).toThrow(/^exponents\[0\]: /);
  });
});
