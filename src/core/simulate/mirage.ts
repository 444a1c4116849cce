/**
 * Scenario `mirage` (Schaeffer, Miranda & Koyejo 2023, "Are Emergent Abilities of Large Language
 * Models a Mirage?", NeurIPS, §2): one model family whose per-token accuracy p rises smoothly with
 * scale, scored two ways:
 * - exact match (all L tokens of the answer right, tokens independent): `p^L`, nonlinear in p;
 * - token edit distance (substitutions, Schaeffer et al. Fig. 2): expected `L·(1 − p)`, reported
 *   as the similarity `1 − distance/L = p` on 0–1: linear in p, the same for every L.
 *
 * Two models of the per-token accuracy (`perToken`):
 * - `logistic` (the built-in): p is a logistic in log10 of the effective size N_eff, 50% at
 *   `midpointParams`, width `width` decades (the catalog's curve shape). Smooth and saturating. The
 *   10→90% rise of `p^L` then spans `S(L)` in logit terms, falling from ln 81 (L = 1) towards
 *   ln(ln 10/ln(10/9)) = 3.084 (exact-match.ts): exact match is later AND sharper the longer the
 *   answer, by up to 30% in width.
 * - `loss`: Schaeffer et al.'s own construction, p = exp(−L_CE), with the scaling law's excess loss
 *   over its irreducible term E as L_CE: `p = exp(−(L(N, q·D) − E))` (E = 0 for the Kaplan form,
 *   which has none). When the excess loss is a power law of scale, `K·x^(−γ)` (a compute-optimal
 *   sweep under the Chinchilla form: γ = αβ/(α + β)), `p^L = exp(−L·K·x^(−γ))` is p shifted by
 *   log10(L)/γ decades with the same 10→90% width, `log10(ln 10/ln(10/9))/γ` decades, for every L:
 *   exact match is later, not sharper, in log scale. What narrows is the window of p in which it
 *   rises, 0.1^(1/L) to 0.9^(1/L). Over params at fixed tokens the data term caps p at
 *   `exp(−B/(q·D)^β)`, and exact match with it.
 */
import { assertValueBudget, formatDecadeCount, formatScale, markerIfInside, thresholdScale, type BaseScenarioConfig, type SimulationContext } from './context.js';
import { probabilities } from './ability-spec.js';
import { exactMatchLogitSpan, exactMatchWidthDecades, EXACT_MATCH_LOGIT_SPAN_LIMIT } from './exact-match.js';
import { checkNumber, prefixProblems, SCALE, throwIfProblems, WIDTH_DECADES, type ConfigProblem, type NumberRule } from './problems.js';
import type { Series, Simulation } from './series.js';
import { decadesBetween, summarizeSeries, valueAt } from './summary.js';
import { runSweep, sweepProblems } from './sweep.js';
import type { ScalingLaw } from '../scaling-law.js';

/** How per-token accuracy depends on scale. */
export const PER_TOKEN_MODELS = ['logistic', 'loss'] as const;
export type PerTokenModel = (typeof PER_TOKEN_MODELS)[number];

export interface MirageConfig extends BaseScenarioConfig {
  scenario: 'mirage';
  /** `logistic`: p logistic in log10 N_eff; `loss`: p = exp(−(L − E)) under the law. */
  perToken: PerTokenModel;
  /** logistic: the effective size (parameters) at which p = 0.5. */
  midpointParams: number;
  /** logistic: width w in decades of effective size (p goes from 10% to 90% over 1.908·w decades). */
  width: number;
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
  /** logistic: S(L), the logit span of the 10→90% rise (exact-match.ts); the width is w·S(L)/ln 10 decades of N_eff. */
  logitSpan?: number;
  /** Per-token accuracy at the exact-match 10% and 90% crossings (0.1^(1/L) and 0.9^(1/L)). */
  perTokenAt10?: number;
  perTokenAt90?: number;
}

export interface MirageReport {
  perTokenModel: PerTokenModel;
  /** logistic: midpoint (parameters) and width (decades of N_eff) of p. */
  midpointParams?: number;
  width?: number;
  /** loss: the loss subtracted before exponentiating, E of the law (0 for the Kaplan form). */
  irreducibleLoss?: number;
  /** loss, over compute under the Chinchilla form: γ = αβ/(α + β), the exponent of the excess loss. */
  gamma?: number;
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
  const problems = prefixProblems(['sweep'], sweepProblems(config.sweep));
  if (!(PER_TOKEN_MODELS as readonly unknown[]).includes(config.perToken)) {
    problems.push({ path: ['perToken'], message: `must be one of ${PER_TOKEN_MODELS.join(', ')}, got ${JSON.stringify(config.perToken)}` });
  }
  checkNumber(problems, ['midpointParams'], config.midpointParams, SCALE);
  checkNumber(problems, ['width'], config.width, WIDTH_DECADES);
  return [...problems, ...lengthListProblems(config.lengths, 'lengths', 1), ...lengthListProblems(config.editLengths, 'editLengths', 0)];
}

/** "1 decade", "0.5 decades". */
function decades(value: number): string {
  return `${value} decade${value === 1 ? '' : 's'}`;
}

/** γ = αβ/(α + β) when a compute-optimal sweep makes the excess loss a pure power law of compute. */
function excessLossExponent(config: MirageConfig, law: ScalingLaw): number | undefined {
  return config.sweep.over === 'compute' && law.form === 'chinchilla' ? (law.alpha * law.beta) / (law.alpha + law.beta) : undefined;
}

/**
 * Runs the mirage scenario: `per-token`, `exact-match-L<L>` for each length (p^L, computed as such
 * at every point) and `edit-similarity-L<L>` for each edit length (1 − L(1 − p)/L).
 * @throws UsageError when the config is invalid (see `mirageProblems`)
 * @example simulateMirage(BUILTIN_SCENARIOS.mirage, context).report.lengths.map((l) => l.widthDecades) // [1.9117, 1.4409, 1.3900, 1.3656]: w·S(L)/ln 10 = 1.9085, 1.4388, 1.3882, 1.3636 up to the grid (12 points a decade)
 * @example simulateMirage({...BUILTIN_SCENARIOS.mirage, perToken: 'loss', sweep: {over: 'compute', from: 1e18, to: 1e28, steps: 121, quality: 1}}, context).report.lengths[3].shiftDecades // 7.2968: exact-match-L20 reaches 50% 7.3 decades of compute after per-token accuracy (besiroglu2024), with the same width
 */
export function simulateMirage(config: MirageConfig, context: SimulationContext): Simulation<MirageReport> {
  throwIfProblems(mirageProblems(config));
  assertValueBudget(config.sweep.steps, 1 + config.lengths.length + config.editLengths.length, 'series');
  const sweep = runSweep(config.sweep, context.law, context.referenceTokens);
  const n = sweep.x.length;
  const logistic = config.perToken === 'logistic';
  const e = irreducibleLoss(context.law);
  let p: Float64Array;
  if (logistic) {
    p = probabilities({ id: 'per-token', thresholdParams: config.midpointParams, curve: { shape: 'logistic', width: config.width, floor: 0, ceiling: 1 } }, sweep.effectiveParams);
  } else {
    p = new Float64Array(n);
    for (let i = 0; i < n; i++) p[i] = perTokenAccuracy(sweep.loss[i]!, e);
  }
  const perTokenLabel = logistic ? `per-token accuracy p, logistic in log10 N_eff (50% at ${formatScale(config.midpointParams)}, width ${decades(config.width)})` : 'per-token accuracy p = exp(−(L − E))';
  const series: Series[] = [{ name: 'per-token', label: perTokenLabel, unit: 'accuracy', x: sweep.x, y: p, range: [0, 1] }];
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
  const gamma = logistic ? undefined : excessLossExponent(config, context.law);
  const report: MirageReport = { perTokenModel: config.perToken, perToken: {}, lengths: [] };
  if (logistic) Object.assign(report, { midpointParams: config.midpointParams, width: config.width });
  else report.irreducibleLoss = e;
  if (gamma !== undefined) report.gamma = gamma;
  if (perToken.at50 !== undefined) report.perToken.at50 = perToken.at50;
  if (perToken.widthDecades !== undefined) report.perToken.widthDecades = perToken.widthDecades;
  config.lengths.forEach((length, k) => {
    const s = summary[1 + k]!;
    const entry: MirageLength = { length, name: s.name };
    if (s.at50 !== undefined) entry.at50 = s.at50;
    const shift = decadesBetween(perToken.at50, s.at50);
    if (shift !== undefined) entry.shiftDecades = shift;
    if (s.widthDecades !== undefined) entry.widthDecades = s.widthDecades;
    if (logistic) entry.logitSpan = exactMatchLogitSpan(length);
    const p10 = s.at10 === undefined ? undefined : valueAt(sweep.x, p, s.at10);
    const p90 = s.at90 === undefined ? undefined : valueAt(sweep.x, p, s.at90);
    if (p10 !== undefined) entry.perTokenAt10 = p10;
    if (p90 !== undefined) entry.perTokenAt90 = p90;
    report.lengths.push(entry);
  });
  const longest = report.lengths.reduce((a, b) => (b.length > a.length ? b : a));
  const longestSummary = summary[1 + config.lengths.indexOf(longest.length)]!;
  const widths = `10→90% widths in decades: per-token ${formatDecadeCount(perToken.widthDecades)}; ${report.lengths.map((l) => `L${l.length} ${formatDecadeCount(l.widthDecades)}`).join(', ')}`;
  const notes = [
    logistic
      ? `Per-token accuracy p is a logistic in log10 of the effective size, 50% at ${formatScale(config.midpointParams)} parameters, width ${decades(config.width)}; exact match over an L-token answer is p^L, edit similarity 1 − L(1 − p)/L = p (Schaeffer et al. 2023 §2).`
      : `Per-token accuracy p = exp(−(L − E)), E = ${e.toFixed(5)} nats the law's irreducible loss (Schaeffer et al. 2023 §2: p = exp(−L_CE)); exact match over an L-token answer is p^L, edit similarity 1 − L(1 − p)/L = p.`,
    `Per-token accuracy goes from ${perToken.start.toFixed(3)} to ${perToken.end.toFixed(3)} over the sweep; ${longest.name} goes from ${longestSummary.start.toExponential(2)} to ${longestSummary.end.toFixed(3)}: it stays near zero until p is close to 1, which looks like emergence; edit similarity rises with p itself.`,
    `50% crossings: per-token at ${formatScale(perToken.at50)}; ${report.lengths.map((l) => `L${l.length} at ${formatScale(l.at50)}`).join(', ')}. Exact match needs p ≥ 0.5^(1/L) (${(0.5 ** (1 / longest.length)).toFixed(3)} for L = ${longest.length}).`,
  ];
  if (logistic) {
    notes.push(
      `${widths}. Exact match is later and sharper the longer the answer: its rise spans S(L) = ln(9)/L + ln((1 − 0.1^(1/L))/(1 − 0.9^(1/L))) in logit terms, from ln 81 = 4.394 at L = 1 towards ln(ln 10/ln(10/9)) = ${EXACT_MATCH_LOGIT_SPAN_LIMIT.toFixed(3)}, i.e. w·S(L)/ln 10 decades of effective size (${report.lengths.map((l) => `L${l.length} ${exactMatchWidthDecades(l.length, config.width).toFixed(2)}`).join(', ')}).`,
    );
  } else if (gamma !== undefined) {
    notes.push(
      `${widths}. Finding: the excess loss of a compute-optimal family is a power law of compute, K·C^(−γ) with γ = αβ/(α + β) = ${gamma.toFixed(4)}, so p^L = exp(−L·K·C^(−γ)) is p shifted by log10(L)/γ decades (${report.lengths.map((l) => `L${l.length} +${(Math.log10(l.length) / gamma).toFixed(2)}`).join(', ')}) with the same width, log10(ln 10/ln(10/9))/γ = ${(Math.log10(Math.LN10 / Math.log(10 / 9)) / gamma).toFixed(2)} decades: a later threshold, not a sharper one. What narrows is the window of p in which exact match rises, 0.1^(1/L) to 0.9^(1/L).`,
    );
  } else {
    notes.push(
      `${widths}. Exact match rises while p crosses the window 0.1^(1/L)–0.9^(1/L), which narrows as 1/L; in log scale a pure power-law excess loss only shifts p^L (same width).${config.sweep.over === 'compute' ? '' : ' Over a fixed-data sweep the data term caps p at exp(−B/(q·D)^β): sweep over compute to let the excess loss vanish.'}`,
    );
  }
  const markers = logistic ? markerIfInside(config.sweep, thresholdScale(config.midpointParams, config.sweep, context), 'per-token 50%', 'per-token') : [];
  return { scenario: 'mirage', xLabel: config.sweep.over, series, markers, summary, report, notes };
}
