import { describe, expect, it } from 'vitest';
import { loss } from '../../../src/core/scaling-law.js';
import { simulateAbilities } from '../../../src/core/simulate/abilities.js';
import { effectiveShare, simulateMultitask } from '../../../src/core/simulate/multitask.js';
import { BUILTIN_SCENARIOS } from '../../../src/core/simulate/scenarios.js';
import { context } from './context.js';

const builtin = BUILTIN_SCENARIOS.multitask;
const ids = ['bigbench-language', 'bigbench-programming', 'bigbench-reasoning'];

describe('multitask scenario', () => {
  const sim = simulateMultitask(builtin, context);

  it('names series <id>-tau-<τ> and loss-total-tau-<τ>', () => {
    expect(sim.series.map((s) => s.name)).toEqual(
      [0, 0.5, 1].flatMap((tau) => [...ids.map((id) => `${id}-tau-${tau}`), `loss-total-tau-${tau}`]),
    );
  });

  it('with full transfer (τ = 1) is the single-task picture: the abilities scenario exactly', () => {
    const single = simulateAbilities({ scenario: 'abilities', sweep: builtin.sweep, abilities: ids }, context);
    ids.forEach((id, k) => expect(Array.from(sim.series.find((s) => s.name === `${id}-tau-1`)!.y)).toEqual(Array.from(single.series[k]!.y)));
  });

  it('moves every threshold earlier as τ grows', () => {
    for (const task of sim.report.tasks) {
      const scales = task.byTransfer.map((b) => b.thresholdScale ?? Infinity);
      for (let k = 1; k < scales.length; k++) expect(scales[k]!).toBeLessThan(scales[k - 1]!);
    }
    expect(sim.report.tasks[1]!.byTransfer[0]!.thresholdScale).toBeUndefined(); // programming on 17% of the data never gets there
  });

  it('normalises the weights into data shares: 15, 8, 23 tasks (seed §5.1)', () => {
    expect(sim.report.tasks.map((t) => t.weight)).toEqual([15 / 46, 8 / 46, 23 / 46]);
    expect(effectiveShare(0.25, 0)).toBe(0.25);
    expect(effectiveShare(0.25, 1)).toBe(1);
    expect(effectiveShare(0.25, 0.5)).toBe(0.625);
  });

  // Identity: L_total = Σ λ_i L(N, q·D·(s_i + τ(1 − s_i))), recomputed by hand at one point.
  it('reports L_total = Σ λ_i L_i', () => {
    const total = sim.series.find((s) => s.name === 'loss-total-tau-0.5')!;
    const i = 30;
    const n = total.x[i]!;
    const shares = [15 / 46, 8 / 46, 23 / 46];
    const expected = shares.reduce((sum, s) => sum + s * loss(context.law, n, 3e11 * (s + 0.5 * (1 - s))), 0);
    expect(Math.abs(total.y[i]! - expected)).toBeLessThan(1e-12);
    expect(total.unit).toBe('nats');
    expect(sim.summary.find((s) => s.name === 'loss-total-tau-0.5')!.crossings).toEqual([]);
  });

  it('rejects a single task, τ outside [0, 1] and non-positive weights', () => {
    expect(() => simulateMultitask({ ...builtin, tasks: [builtin.tasks[0]!] }, context)).toThrow(/^tasks: must list 2 to 12/);
    expect(() => simulateMultitask({ ...builtin, transfers: [1.5] }, context)).toThrow(/^transfers\[0\]: /);
    expect(() => simulateMultitask({ ...builtin, tasks: [builtin.tasks[0]!, { ability: 'bigbench-reasoning', weight: 0 }] }, context)).toThrow(/^tasks\[1\]\.weight: /);
  });
});
