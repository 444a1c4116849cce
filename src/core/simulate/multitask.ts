/**
 * Scenario `multitask` (seed §3.3: `L_total = Σ_i λ_i L_i`, with synergy from knowledge transfer and
 * shared representations).
 *
 * Modelling choice (ours, not the seed's): the weights are the training mixture. With weights
 * normalised to Σλ = 1, task i receives the share `s_i = λ_i` of the D training tokens, and
 * `L_total` is the mixture's expected per-token loss. A transfer coefficient τ ∈ [0, 1] says how much
 * one task's data helps the others: task i learns as if trained on
 *
 *   D_i,eff = D_i + τ·Σ_{j≠i} D_j = D·(s_i + τ·(1 − s_i))
 *
 * tokens (times the quality factor q), so `L_i = L(N, q·D_i,eff)` and its effective size and
 * ability probability follow as in assess.ts. τ = 0: no transfer, each task sees only its own share;
 * τ = 1: every token helps every task, the regime the catalog's thresholds were observed in (then
 * N_eff = N over params at D_ref). Thresholds move earlier as τ grows. The linear form is the
 * simplest interpolation between those two limits, in the spirit of the "effective data transferred"
 * of Hernandez et al. 2021 ("Scaling Laws for Transfer", arXiv:2102.01293), who measure transferred
 * data as a power law of the data and model size; a constant fraction τ is its simplest version.
 */
import { abilityRefProblems, duplicateIdProblems, probabilities, refId, type AbilityRef } from './ability-spec.js';
import { assertValueBudget, formatScale, nameNumber, resolveAbilities, thresholdMarkers, thresholdScale, type BaseScenarioConfig, type SimulationContext } from './context.js';
import { checkNumber, prefixProblems, throwIfProblems, type ConfigProblem, type NumberRule } from './problems.js';
import type { Series, Simulation } from './series.js';
import { summarizeSeries } from './summary.js';
import { effectiveSizes, runSweep, sweepProblems } from './sweep.js';

export interface TaskSpec {
  ability: AbilityRef;
  /** λ_i (> 0), relative: normalised to sum to 1. */
  weight: number;
}

export interface MultitaskConfig extends BaseScenarioConfig {
  scenario: 'multitask';
  tasks: TaskSpec[];
  /** Transfer coefficients τ ∈ [0, 1], one set of series each. */
  transfers: number[];
}

export interface MultitaskReport {
  tasks: {
    id: string;
    /** λ_i normalised, = the task's share of the training tokens. */
    weight: number;
    /** Per τ: the scale where the task's effective size reaches its N_c, and its 50% crossing. */
    byTransfer: { transfer: number; thresholdScale?: number; at50?: number }[];
  }[];
}

const WEIGHT: NumberRule = { min: 0, exclusiveMin: true, max: 1e6, what: 'a task weight λ' };
const TRANSFER: NumberRule = { min: 0, max: 1, what: 'a transfer coefficient τ' };
export const MAX_TASKS = 12;
export const MAX_TRANSFERS = 8;
const TOTAL = 'loss-total';

export function taskSeriesName(id: string, transfer: number): string {
  return `${id}-tau-${nameNumber(transfer)}`;
}

export function totalLossName(transfer: number): string {
  return `${TOTAL}-tau-${nameNumber(transfer)}`;
}

export function multitaskProblems(config: MultitaskConfig): ConfigProblem[] {
  const problems = prefixProblems(['sweep'], sweepProblems(config.sweep));
  if (!Array.isArray(config.tasks) || config.tasks.length < 2 || config.tasks.length > MAX_TASKS) {
    problems.push({ path: ['tasks'], message: `must list 2 to ${MAX_TASKS} tasks` });
  } else {
    config.tasks.forEach((task, i) => {
      problems.push(...prefixProblems(['tasks', i, 'ability'], abilityRefProblems(task.ability)));
      checkNumber(problems, ['tasks', i, 'weight'], task.weight, WEIGHT);
      if (refId(task.ability) === TOTAL) problems.push({ path: ['tasks', i, 'ability'], message: `"${TOTAL}" names the total-loss series; give the task another id` });
    });
    problems.push(...duplicateIdProblems(config.tasks.map((t) => refId(t.ability)), (i) => ['tasks', i, 'ability']));
  }
  if (!Array.isArray(config.transfers) || config.transfers.length < 1 || config.transfers.length > MAX_TRANSFERS) {
    problems.push({ path: ['transfers'], message: `must list 1 to ${MAX_TRANSFERS} transfer coefficients` });
  } else {
    config.transfers.forEach((tau, i) => checkNumber(problems, ['transfers', i], tau, TRANSFER));
    config.transfers.forEach((tau, i) => {
      if (config.transfers.indexOf(tau) !== i) problems.push({ path: ['transfers', i], message: `duplicate transfer coefficient ${tau}` });
    });
  }
  return problems;
}

/**
 * Fraction of the training tokens task i learns from: `s_i + τ·(1 − s_i)`, in [s_i, 1].
 * @example effectiveShare(15 / 46, 0.5) // 0.66304
 */
export function effectiveShare(share: number, transfer: number): number {
  return share + transfer * (1 - share);
}

/**
 * Runs the multitask scenario: for each τ, one probability series per task (`<id>-tau-<τ>`) and the
 * total loss `loss-total-tau-<τ>` (nats, Σ λ_i L_i with normalised λ).
 * @throws UsageError when the config is invalid or names an id the catalog does not have
 * @example simulateMultitask(BUILTIN_SCENARIOS.multitask, context).report.tasks[0].byTransfer // bigbench-language threshold at 4.718e10 (τ = 0), 1.510e10 (τ = 0.5), 1e10 (τ = 1)
 */
export function simulateMultitask(config: MultitaskConfig, context: SimulationContext): Simulation<MultitaskReport> {
  throwIfProblems(multitaskProblems(config));
  const specs = resolveAbilities(
    config.tasks.map((t) => t.ability),
    context.catalog,
    (i) => ['tasks', i, 'ability'],
  );
  assertValueBudget(config.sweep.steps, config.transfers.length * (specs.length + 1), 'series');
  const sweep = runSweep(config.sweep, context.law, context.referenceTokens);
  const totalWeight = config.tasks.reduce((sum, t) => sum + t.weight, 0);
  const shares = config.tasks.map((t) => t.weight / totalWeight);
  const n = sweep.x.length;
  const series: Series[] = [];
  const report: MultitaskReport = { tasks: specs.map((spec, i) => ({ id: spec.id, weight: shares[i]!, byTransfer: [] })) };
  const taskSeries: { task: number; transfer: number; index: number }[] = [];
  for (const transfer of config.transfers) {
    const total = new Float64Array(n);
    specs.forEach((spec, i) => {
      const fraction = effectiveShare(shares[i]!, transfer);
      const taskTokens = sweep.tokens.map((d) => d * fraction);
      const { loss, effectiveParams } = effectiveSizes(context.law, sweep.params, taskTokens, sweep.quality, context.referenceTokens);
      for (let k = 0; k < n; k++) total[k]! += shares[i]! * loss[k]!;
      const s: Series = {
        name: taskSeriesName(spec.id, transfer),
        label: `${spec.label ?? spec.id}, τ = ${transfer}`,
        unit: 'probability',
        x: sweep.x,
        y: probabilities(spec, effectiveParams),
        range: [spec.curve.floor, spec.curve.ceiling],
      };
      const scale = thresholdScale(spec.thresholdParams, config.sweep, context, sweep.quality * fraction);
      if (scale !== undefined) s.threshold = scale;
      taskSeries.push({ task: i, transfer, index: series.length });
      series.push(s);
    });
    series.push({ name: totalLossName(transfer), label: `L_total = Σ λ_i L_i, τ = ${transfer}`, unit: 'nats', x: sweep.x, y: total });
  }
  const summary = series.map(summarizeSeries);
  for (const { task, transfer, index } of taskSeries) {
    const entry: MultitaskReport['tasks'][number]['byTransfer'][number] = { transfer };
    const scale = series[index]!.threshold;
    if (scale !== undefined) entry.thresholdScale = scale;
    if (summary[index]!.at50 !== undefined) entry.at50 = summary[index]!.at50;
    report.tasks[task]!.byTransfer.push(entry);
  }
  const notes = [
    `Weights λ = ${shares.map((s, i) => `${specs[i]!.id} ${s.toFixed(3)}`).join(', ')} (normalised) are the data mixture; task i learns from D·(s_i + τ·(1 − s_i)) tokens and L_total = Σ λ_i L_i (seed §3.3).`,
    ...report.tasks.map((t) => `${t.id}: threshold ${t.byTransfer.map((b) => b.thresholdScale === undefined ? `never (τ = ${b.transfer}: the loss floor of its data is above the threshold's loss)` : `at ${formatScale(b.thresholdScale)} (τ = ${b.transfer})`).join(', ')}.`),
    'τ = 0: each task sees only its own share of the data; τ = 1: every token helps every task, the regime the catalog thresholds come from.',
  ];
  return {
    scenario: 'multitask',
    xLabel: config.sweep.over,
    series,
    markers: thresholdMarkers(config.sweep, series),
    summary,
    report,
    notes,
  };
}
