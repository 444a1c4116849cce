/**
 * Scenario `mirage` (Schaeffer, Miranda & Koyejo 2023, "Are Emergent Abilities of Large Language
 * Models a Mirage?", NeurIPS, §2): one model family whose per-token accuracy rises smoothly with
 * scale, scored two ways.
 *
 * Per-token accuracy. Schaeffer et al. take the per-token cross-entropy L_CE to fall as a power law
 * of scale and the probability of the correct token to be `p = exp(−L_CE)`. The scaling law's loss
 * includes the irreducible entropy E of natural text, which even a perfect model pays on text but not
 * on an answer with one correct continuation, so the excess over E plays the role of L_CE:
 * `p(N) = exp(−(L(N, q·D) − E))` (E = 0 for the Kaplan form, which has no irreducible term; its
 * losses then give a low p). It is 1 at the irreducible loss and falls smoothly as loss rises.
 *
 * Metrics of an L-token answer whose tokens are each right with probability p, independently:
 * - exact match (all L tokens right): `p^L`, nonlinear in p;
 * - token edit distance (substitutions, Schaeffer et al. Fig. 2): expected `L·(1 − p)`, reported
 *   as the similarity `1 − distance/L = p` on 0–1: linear in p, the same for every L.
 *
 * What sharpens with L is the window of per-token accuracy in which exact match rises: from 10% to
 * 90% as p goes from 0.1^(1/L) to 0.9^(1/L) (0.80 wide for L = 1, 0.10 for L = 20), so a smooth
 * p(N) produces an abrupt-looking exact match at larger scale. In log scale, when the excess loss
 * is a pure power law of scale (a compute-optimal sweep under the Chinchilla form: ∝ C^(−αβ/(α+β))),
 * p^L = exp(−L·K·C^(−γ)) is p shifted by log10(L)/γ decades, with the same 10→90% width
 * (log10(ln 10 / −ln 0.9)/γ = 1.339/γ decades) for every L.
 */
import { assertValueBudget, formatDecadeCount, formatScale, type BaseScenarioConfig, type SimulationContext } from './context.js';
import { checkNumber, prefixProblems, throwIfProblems, type ConfigProblem, type NumberRule } from './problems.js';
import type { Series, Simulation } from './series.js';
import { decadesBetween, summarizeSeries, valueAt } from './summary.js';
import { runSweep, sweepProblems } from './sweep.js';
import type { ScalingLaw } from '../scaling-law.js';

export interface MirageConfig extends BaseScenarioConfig {
  scenario: 'mirage';
  /** Answer lengths L in tokens scored by exact match (`exact-match-L<L>`). */
  lengths: number[];
  /** Answer lengths scored by edit similarity (`edit-similarity-L<L>`); the values do not depend on L. */
  editLengths: number[];
}

export interface MirageLength {
  length: number;
  name: string;
  /** Scale of the 50% crossing and its distance after the per-token series' 50% crossing. */
  at50?: number;
  shiftDecades?: number;
  widthDecades?: number;
  /** Per-token accuracy at the exact-match 10% and 90% crossings (0.1^(1/L) and 0.9^(1/L)). */
  perTokenAt10?: number;
  perTokenAt90?: number;
}

export interface MirageReport {
  /** The loss subtracted before exponentiating: E of the law (0 for the Kaplan form). */
  irreducibleLoss: number;
  perToken: { at50?: number; widthDecades?: number };
  lengths: MirageLength[];
}

const LENGTH: NumberRule = { min: 1, max: 1000, integer: true, what: 'an answer length in tokens' };
export const MAX_LENGTHS = 12;

export function exactMatchName(length: number): string {
  return `exact-match-L${length}`;
}

export function editSimilarityName(length: number): string {
  return `edit-similarity-L${length}`;
}

/** E of a Chinchilla-form law, 0 for the Kaplan form (no irreducible term). */
export function irreducibleLoss(law: ScalingLaw): number {
  return law.form === 'chinchilla' ? law.E : 0;
}

/**
 * Per-token accuracy from a loss: `p = exp(−(L − E))`, clamped to 1 when L < E.
 * @param lossNats L, nats per token
 * @param irreducible E, nats per token
 * @example perTokenAccuracy(1.95926, 1.81686) // 0.86728 (besiroglu2024's compute-optimal loss at 1e24 FLOPs)
 */
export function perTokenAccuracy(lossNats: number, irreducible: number): number {
  return Math.min(1, Math.exp(-(lossNats - irreducible)));
}

function lengthListProblems(values: unknown, key: string, minItems: number): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  if (!Array.isArray(values) || values.length < minItems || values.length > MAX_LENGTHS) {
    return [{ path: [key], message: `must list ${minItems} to ${MAX_LENGTHS} answer lengths` }];
  }
  values.forEach((v, i) => checkNumber(problems, [key, i], v, LENGTH));
  values.forEach((v, i) => {
    if (values.indexOf(v) !== i) problems.push({ path: [key, i], message: `duplicate length ${String(v)}` });
  });
  return problems;
}

export function mirageProblems(config: MirageConfig): ConfigProblem[] {
  return [...prefixProblems(['sweep'], sweepProblems(config.sweep)), ...lengthListProblems(config.lengths, 'lengths', 1), ...lengthListProblems(config.editLengths, 'editLengths', 0)];
}

/**
 * Runs the mirage scenario: `per-token`, `exact-match-L<L>` for each length (p^L, computed as such
 * at every point) and `edit-similarity-L<L>` for each edit length (1 − L(1 − p)/L).
 * @throws UsageError when the config is invalid (see `mirageProblems`)
 * @example simulateMirage(BUILTIN_SCENARIOS.mirage, context).report.lengths[3].shiftDecades // 7.297: exact-match-L20 reaches 50% 7.3 decades of compute after per-token accuracy (besiroglu2024)
 */
export function simulateMirage(config: MirageConfig, context: SimulationContext): Simulation<MirageReport> {
  throwIfProblems(mirageProblems(config));
  assertValueBudget(config.sweep.steps, 1 + config.lengths.length + config.editLengths.length, 'series');
  const sweep = runSweep(config.sweep, context.law, context.referenceTokens);
  const e = irreducibleLoss(context.law);
  const n = sweep.x.length;
  const p = new Float64Array(n);
  for (let i = 0; i < n; i++) p[i] = perTokenAccuracy(sweep.loss[i]!, e);
  const series: Series[] = [{ name: 'per-token', label: 'per-token accuracy p = exp(−(L − E))', unit: 'accuracy', x: sweep.x, y: p, range: [0, 1] }];
  for (const length of config.lengths) {
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) y[i] = p[i]! ** length;
    series.push({ name: exactMatchName(length), label: `exact match, ${length}-token answers (p^${length})`, unit: 'accuracy', x: sweep.x, y, range: [0, 1] });
  }
  for (const length of config.editLengths) {
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) y[i] = 1 - (length * (1 - p[i]!)) / length;
    series.push({ name: editSimilarityName(length), label: `edit similarity, ${length}-token answers (1 − distance/${length})`, unit: 'similarity', x: sweep.x, y, range: [0, 1] });
  }
  const summary = series.map(summarizeSeries);
  const perToken = summary[0]!;
  const report: MirageReport = { irreducibleLoss: e, perToken: {}, lengths: [] };
  if (perToken.at50 !== undefined) report.perToken.at50 = perToken.at50;
  if (perToken.widthDecades !== undefined) report.perToken.widthDecades = perToken.widthDecades;
  config.lengths.forEach((length, k) => {
    const s = summary[1 + k]!;
    const entry: MirageLength = { length, name: s.name };
    if (s.at50 !== undefined) entry.at50 = s.at50;
    const shift = decadesBetween(perToken.at50, s.at50);
    if (shift !== undefined) entry.shiftDecades = shift;
    if (s.widthDecades !== undefined) entry.widthDecades = s.widthDecades;
    const p10 = s.at10 === undefined ? undefined : valueAt(sweep.x, p, s.at10);
    const p90 = s.at90 === undefined ? undefined : valueAt(sweep.x, p, s.at90);
    if (p10 !== undefined) entry.perTokenAt10 = p10;
    if (p90 !== undefined) entry.perTokenAt90 = p90;
    report.lengths.push(entry);
  });
  const longest = report.lengths.reduce((a, b) => (b.length > a.length ? b : a));
  const notes = [
    `Per-token accuracy p = exp(−(L − E)), E = ${e.toFixed(5)} nats the law's irreducible loss (Schaeffer et al. 2023 §2: p = exp(−L_CE)); exact match over an L-token answer is p^L, edit similarity 1 − L(1 − p)/L = p.`,
    `Per-token accuracy goes from ${perToken.start.toFixed(3)} to ${perToken.end.toFixed(3)} over the sweep; ${longest.name} goes from ${summary[1 + config.lengths.indexOf(longest.length)]!.start.toExponential(2)} to ${summary[1 + config.lengths.indexOf(longest.length)]!.end.toFixed(3)}: it stays near zero until p is close to 1, which looks like emergence.`,
    `50% crossings: per-token at ${formatScale(perToken.at50)}; ${report.lengths.map((l) => `L${l.length} at ${formatScale(l.at50)}`).join(', ')}. Exact match needs p ≥ 0.5^(1/L) (${(0.5 ** (1 / longest.length)).toFixed(3)} for L = ${longest.length}).`,
    `10→90% widths in decades: per-token ${formatDecadeCount(perToken.widthDecades)}; ${report.lengths.map((l) => `L${l.length} ${formatDecadeCount(l.widthDecades)}`).join(', ')}. Exact match rises while p crosses the window 0.1^(1/L)–0.9^(1/L), which narrows as 1/L; in log scale a pure power-law excess loss only shifts p^L (same width).`,
  ];
  return { scenario: 'mirage', xLabel: config.sweep.over, series, markers: [], summary, report, notes };
}
