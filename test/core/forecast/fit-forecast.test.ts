// Forecasts of ladders generated from known constants (synthetic-ladder.ts): what the fit must
// recover, what checkpoints and per-task losses change, and the inverse question on the result.
import { describe, expect, it } from 'vitest';
import { fitChinchillaLaw } from '../../../src/core/fit/law-fit.js';
import { coarseGrid } from '../../../src/core/fit/law-grid.js';
import { conformalLevel, fitForecast, forecastSpec, forecastTask, MIN_INTERVAL_SCALE, minComputeForTarget, rollingOrigins, scoreAtLoss, scoreQuantile } from '../../../src/core/forecast/index.js';
import { CURVES, lawLoss, SMALL_LADDER, syntheticLadder, TRUE_LAW } from './synthetic-ladder.js';

const grid = coarseGrid();
const exact = fitForecast(syntheticLadder(CURVES), { grid });

// Noiseless runs: L-BFGS stops at scipy's ftol, so the constants agree to about 1e-4 relative
// (measured 1e-4 on A and B, 1e-5 on E and the exponents); 1e-3 leaves room.
const expectLaw = (law: { E: number; A: number; B: number; alpha: number; beta: number }, truth = TRUE_LAW): void => {
  for (const key of ['E', 'A', 'B', 'alpha', 'beta'] as const) expect(Math.abs(law[key] / truth[key] - 1)).toBeLessThan(1e-3);
};

describe('fitForecast on exact ladders', () => {
  it('recovers the loss law and each task\'s step-2 curve', async () => {
    const model = await exact;
    expect(model.lossScope).toBe('shared');
    expectLaw(model.law!);
    for (const task of model.tasks) {
      expect(task.method).toBe('two-step');
      for (const key of ['L0', 'k', 'ceiling'] as const) expect(task.twoStep!.curve[key]).toBeCloseTo(CURVES[task.id]![key], 4);
    }
  });

  it('forecasts a model ten times larger than the largest run to within 1e-3', async () => {
    const model = await exact;
    const spec = forecastSpec(model, 'synthetic');
    for (const task of spec.tasks) {
      const p = forecastTask(spec, task, 1e10, 2e11);
      expect(Math.abs(p.score - scoreAtLoss(CURVES[task.id]!, lawLoss(TRUE_LAW, 1e10, 2e11)))).toBeLessThan(1e-3);
      expect(p.distance).toBeCloseTo(Math.log10((6 * 1e10 * 2e11) / (6 * 1e9 * 4e10)), 12);
      expect(p.lower).toBeLessThan(p.score);
      expect(p.upper).toBeGreaterThan(p.score);
    }
  });

  it('back-tests from half a decade to two decades below the largest run', async () => {
    const model = await exact;
    // Computes doubling from 1e18 to 2.56e20: cutoffs 10^−1.5, 10^−1 and 10^−0.5 below the largest keep
    // 4, 5 and 7 runs; 10^−2 would keep 2.
    const doubling = Array.from({ length: 9 }, (_, i) => 1e18 * 2 ** i);
    expect(rollingOrigins(doubling)).toEqual([2.56e20 * 10 ** -1.5, 2.56e20 * 10 ** -1, 2.56e20 * 10 ** -0.5]);
    expect(model.origins.map((o) => o.runs)).toEqual([10, 11, 13, 16]);
    expect(model.origins.every((o) => o.lawRefitted)).toBe(true);
    expect(model.intervals['two-step']!.n).toBe(model.errors.filter((e) => e.method === 'two-step').length);
  });

  it('answers the inverse question: the forecast at the compute it returns is the target', async () => {
    const spec = forecastSpec(await exact, 'synthetic');
    const task = spec.tasks.find((t) => t.id === 'easy')!;
    const optimal = minComputeForTarget(spec, task, 0.8);
    expect(optimal.reached).toBe('at');
    if (optimal.reached !== 'at') return;
    expect(forecastTask(spec, task, optimal.params!, optimal.tokens!).score).toBeCloseTo(0.8, 9);
    expect((6 * optimal.params! * optimal.tokens!) / optimal.compute).toBeCloseTo(1, 12);
    const ratio = minComputeForTarget(spec, task, 0.8, 20);
    if (ratio.reached !== 'at') throw new Error('unreached');
    expect(ratio.tokens! / ratio.params!).toBeCloseTo(20, 9);
    expect(forecastTask(spec, task, ratio.params!, ratio.tokens!).score).toBeCloseTo(0.8, 9);
    // Off the compute-optimal line the same score costs more compute.
    expect(ratio.compute).toBeGreaterThan(optimal.compute);
    expect(minComputeForTarget(spec, task, 0.2)).toEqual({ reached: 'always' });
    expect(minComputeForTarget(spec, task, 0.95).reached).toBe('never');
  });
});

describe('checkpoints, per-task losses, and tasks that cannot be fitted', () => {
  // Ten checkpoints per run; a checkpoint at fraction f of its run has a loss 0.3·(1 − f) above a
  // finished run of its length (it is mid-schedule), and its score follows step 2 of that loss.
  const withCheckpoints = syntheticLadder(CURVES, { ...SMALL_LADDER, checkpoints: 10, bump: 0.3 });

  it('fits the loss law to finished runs only, and step 2 to every checkpoint', async () => {
    const model = await fitForecast(withCheckpoints, { grid });
    expectLaw(model.law!);
    const all = withCheckpoints[0]!.points.map((p) => ({ params: p.params, tokens: p.tokens, loss: p.loss! }));
    const biased = fitChinchillaLaw(all, { grid }).law;
    expect(Math.abs(biased.B / TRUE_LAW.B - 1)).toBeGreaterThan(0.05);
    for (const task of model.tasks) {
      expect(task.points).toBe(180);
      expect(task.twoStep!.curve.L0).toBeCloseTo(CURVES[task.id]!.L0, 4);
    }
  });

  it('leaves out checkpoints before 10% of their run', async () => {
    // Twenty checkpoints: the first (5% of the run) scores 0.2 above its curve; kept, it would pull the fit off.
    const ladder = syntheticLadder(CURVES, { ...SMALL_LADDER, checkpoints: 20, bump: 0.3 }).map((t) => ({
      ...t,
      points: t.points.map((p) => (p.step === 1000 ? { ...p, score: p.score + 0.2 } : p)),
    }));
    const model = await fitForecast(ladder, { grid });
    for (const task of model.tasks) expect(task.twoStep!.curve.L0).toBeCloseTo(CURVES[task.id]!.L0, 4);
    const kept = await fitForecast(ladder, { grid, warmup: 0 });
    expect(Math.abs(kept.tasks[0]!.twoStep!.curve.L0 - CURVES[kept.tasks[0]!.id]!.L0)).toBeGreaterThan(0.01);
  });

  it("fits each task's own law when the loss is the task's", async () => {
    // The coarse grid misses this law (objective 5e-4 against 5e-12): the default grid.
    const other = { E: 1.2, A: 300, B: 900, alpha: 0.3, beta: 0.32 };
    const [easy] = syntheticLadder({ easy: CURVES.easy! });
    const [hard] = syntheticLadder({ hard: CURVES.hard! }, SMALL_LADDER, other);
    const model = await fitForecast([easy!, hard!]);
    expect(model.lossScope).toBe('task');
    expect(model.law).toBeUndefined();
    expectLaw(model.tasks[0]!.law!);
    expectLaw(model.tasks[1]!.law!, other);
  });

  it('skips a task with too few runs, with the reason', async () => {
    const [easy] = syntheticLadder({ easy: CURVES.easy! });
    const few = { id: 'few', baseline: 0, points: easy!.points.filter((p) => p.params <= 5e7).slice(0, 3) };
    const model = await fitForecast([easy!, few], { grid });
    expect(model.tasks.map((t) => t.id)).toEqual(['easy']);
    expect(model.skipped).toEqual([{ id: 'few', reason: '3 distinct losses; step 2 needs at least 4' }]);
  });

  it('forecasts from compute alone with --via compute, and chooses per task with auto', async () => {
    const tasks = syntheticLadder(CURVES);
    const compute = await fitForecast(tasks, { grid, via: 'compute' });
    expect(compute.tasks.map((t) => t.method)).toEqual(['one-step', 'one-step']);
    const auto = await fitForecast(tasks, { grid, via: 'auto' });
    for (const t of auto.tasks) {
      expect(t.chosenBy).toBe('auto');
      const better = t.backtest['one-step']!.mae < t.backtest['two-step']!.mae ? 'one-step' : 'two-step';
      expect(t.method).toBe(better);
    }
    // Exact data from the two-step model: its back-test beats the one-step curve.
    expect(auto.tasks.every((t) => t.method === 'two-step')).toBe(true);
  });

  it('scales each task\'s intervals by its curve RMSE, and widens them by the offset asked', async () => {
    const tasks = syntheticLadder(CURVES);
    const pooled = await fitForecast(tasks, { grid, via: 'compute' });
    const scaled = await fitForecast(tasks, { grid, via: 'compute', intervals: 'scaled', intervalOffset: 2 });
    expect(scaled.intervals['one-step']).toMatchObject({ offset: 2, scaled: true, n: pooled.intervals['one-step']!.n });
    const spec = forecastSpec(scaled, 'test');
    for (const [i, task] of scaled.tasks.entries()) {
      const scale = Math.max(task.oneStep!.rmse, MIN_INTERVAL_SCALE);
      // Both methods have back-tests (the ladder has losses), so both have scales.
      expect(spec.tasks[i]!.scale).toEqual({ 'one-step': scale, 'two-step': Math.max(task.twoStep!.rmse, MIN_INTERVAL_SCALE) });
      // The interval is ŷ ± q·s·√(2 + d), q the conformal quantile of |e|/(s·w(d)).
      const p = forecastTask(spec, spec.tasks[i]!, 1e10, 2e11);
      const q = scoreQuantile(scaled.intervals['one-step']!, conformalLevel(scaled.intervals['one-step']!.n, 0.8));
      expect(p.upper! - p.score).toBeCloseTo(Math.min(q * scale * Math.sqrt(2 + Math.max(p.distance, 0)), 1 - p.score), 12);
    }
    expect(forecastSpec(pooled, 'test').tasks.every((t) => t.scale === undefined)).toBe(true);
  });
});
