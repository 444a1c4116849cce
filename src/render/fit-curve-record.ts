/**
 * The machine-readable result of an emergence-curve fit: one record per group (JSON and CSV), and the
 * back-test. Scores and errors are on the 0–1 scale; thresholds in the unit of the x axis.
 */
import type { Backtest, CurveResult, Interval, ScaleAxis } from '../core/curve-fit/index.js';
import type { CsvCell } from './csv.js';

/** A fitted curve's verdict, or why there is none ('not-converged': left out, see --allow-unconverged). */
export type CurveVerdict = CurveResult['verdict'] | 'not-converged';

/** One group's emergence curve (`curves[]` of a curve fit): the fitted sigmoid in log scale, its threshold (the midpoint) with a bootstrap interval, and the verdict. */
export interface CurveRecord {
  group: Record<string, string>;
  label: string;
  models: number;
  scales: number;
  verdict: CurveVerdict;
  /** Why there is no curve (unfitted verdicts). */
  reason: string | null;
  threshold: number | null;
  k: number | null;
  /** Width of the 10–90% rise (decades; nats on the loss axis). */
  rise_width: number | null;
  floor: number | null;
  ceiling: number | null;
  floor_fitted: boolean | null;
  ceiling_fitted: boolean | null;
  r2: number | null;
  line_r2: number | null;
  delta_bic: number | null;
  improvement: number | null;
  linearity: number | null;
  breakthroughness: number | null;
  threshold_in_range: boolean | null;
  converged: boolean | null;
  at_bound: string[];
  intervals: Record<string, [number, number]> | null;
  resamples: number | null;
  notes: string[];
}

/** The record of one group; `verdict` overrides the fit's own (for curves left out). */
export function curveRecord(result: CurveResult, verdict: CurveVerdict = result.verdict, reason?: string): CurveRecord {
  const common = { group: { ...result.group }, label: result.label, models: result.models, scales: result.scales, verdict };
  if (!result.fitted) {
    return {
      ...common,
      reason: result.reason,
      threshold: null,
      k: null,
      rise_width: null,
      floor: null,
      ceiling: null,
      floor_fitted: null,
      ceiling_fitted: null,
      r2: null,
      line_r2: null,
      delta_bic: null,
      improvement: null,
      linearity: null,
      breakthroughness: null,
      threshold_in_range: null,
      converged: null,
      at_bound: [],
      intervals: null,
      resamples: null,
      notes: result.notes,
    };
  }
  const pair = (i: Interval): [number, number] => [i.lower, i.upper];
  let intervals: CurveRecord['intervals'] = null;
  if (result.intervals) {
    const { threshold, k, floor, ceiling } = result.intervals;
    intervals = { threshold: pair(threshold), k: pair(k) };
    if (floor) intervals.floor = pair(floor);
    if (ceiling) intervals.ceiling = pair(ceiling);
  }
  return {
    ...common,
    reason: reason ?? null,
    threshold: result.threshold,
    k: result.k,
    rise_width: result.riseWidth,
    floor: result.floor,
    ceiling: result.ceiling,
    floor_fitted: result.floorFitted,
    ceiling_fitted: result.ceilingFitted,
    r2: result.r2,
    line_r2: result.line.r2,
    delta_bic: result.deltaBic,
    improvement: result.bigBench.improvement,
    linearity: result.bigBench.linearity,
    breakthroughness: result.bigBench.breakthroughness,
    threshold_in_range: result.thresholdInRange,
    converged: result.converged,
    at_bound: [...result.atBound],
    intervals,
    resamples: result.intervals ? result.intervals.used : null,
    notes: result.notes,
  };
}

export interface CurveBacktestRecord {
  cutoff: number;
  mae: number | null;
  mae_mean_baseline: number | null;
  mae_last_baseline: number | null;
  groups: {
    group: Record<string, string>;
    label: string;
    train_models: number;
    test_models: number;
    skipped: string | null;
    threshold: number | null;
    converged: boolean | null;
    mae: number | null;
    mae_mean_baseline: number | null;
    mae_last_baseline: number | null;
  }[];
  predictions: { group: Record<string, string>; model: string; scale: number; observed: number; predicted: number; mean_baseline: number; last_baseline: number }[];
}

export function curveBacktestRecord(backtest: Backtest): CurveBacktestRecord {
  return {
    cutoff: backtest.cutoff,
    mae: backtest.mae ?? null,
    mae_mean_baseline: backtest.maeMeanBaseline ?? null,
    mae_last_baseline: backtest.maeLastBaseline ?? null,
    groups: backtest.groups.map((g) => ({
      group: { ...g.group },
      label: g.label,
      train_models: g.trainModels,
      test_models: g.testModels,
      skipped: g.skipped ?? null,
      threshold: g.threshold ?? null,
      converged: g.converged ?? null,
      mae: g.mae ?? null,
      mae_mean_baseline: g.maeMeanBaseline ?? null,
      mae_last_baseline: g.maeLastBaseline ?? null,
    })),
    predictions: backtest.predictions.map((p) => ({
      group: { ...p.group },
      model: p.model,
      scale: p.scale,
      observed: p.observed,
      predicted: p.predicted,
      mean_baseline: p.meanBaseline,
      last_baseline: p.lastBaseline,
    })),
  };
}

/** The document of a curve fit (`emerge fit scores.csv --format json`, `fitCurves`): one curve per task group, and the optional back-test. */
export interface CurveDocument {
  kind: 'curve';
  /** The x axis: params, compute, tokens or loss. */
  x: ScaleAxis;
  unit: string;
  /** Where the scale came from (a column, 6·N·D, the loss under a law). */
  scale_source: string;
  file: string;
  bootstrap: { resamples: number; seed: number; level: number } | null;
  curves: CurveRecord[];
  backtest: CurveBacktestRecord | null;
}

const CSV_FIXED = [
  'label', 'models', 'scales', 'verdict', 'threshold', 'threshold_lower', 'threshold_upper', 'k', 'k_lower', 'k_upper', 'rise_width',
  'floor', 'floor_fitted', 'ceiling', 'ceiling_fitted', 'r2', 'line_r2', 'delta_bic', 'improvement', 'linearity', 'breakthroughness', 'converged',
];
const CSV_BACKTEST = ['train_models', 'test_models', 'backtest_threshold', 'backtest_mae', 'backtest_mae_mean_baseline', 'backtest_mae_last_baseline'];

/** CSV header: the grouping columns, the fit, and the back-test columns when there is one. */
export function curveCsvHeader(groupColumns: readonly string[], withBacktest: boolean): string[] {
  return [...groupColumns, ...CSV_FIXED, ...(withBacktest ? CSV_BACKTEST : [])];
}

/** One CSV row per group, in the order of curveCsvHeader. */
export function curveCsvRows(doc: CurveDocument, groupColumns: readonly string[]): CsvCell[][] {
  return doc.curves.map((c, i) => {
    const interval = (name: string): [CsvCell, CsvCell] => {
      const v = c.intervals?.[name];
      return v ? [v[0], v[1]] : [null, null];
    };
    const row: CsvCell[] = [
      ...groupColumns.map((name) => c.group[name] ?? ''),
      c.label, c.models, c.scales, c.verdict, c.threshold, ...interval('threshold'), c.k, ...interval('k'), c.rise_width,
      c.floor, c.floor_fitted, c.ceiling, c.ceiling_fitted, c.r2, c.line_r2, c.delta_bic, c.improvement, c.linearity, c.breakthroughness, c.converged,
    ];
    if (doc.backtest) {
      const g = doc.backtest.groups[i]!;
      row.push(g.train_models, g.test_models, g.threshold, g.mae, g.mae_mean_baseline, g.mae_last_baseline);
    }
    return row;
  });
}
