/**
 * Emergence-curve fits for people: a summary, one table row per group, the back-test table, and the
 * notes that say how to read them. Scores and errors are shown in points (0–100).
 */
import type { ScaleAxis } from '../core/curve-fit/index.js';
import type { CurveDocument, CurveRecord } from './fit-curve-record.js';
import { formatCount, formatFixed, formatSci } from './format.js';
import type { Palette } from './palette.js';
import { renderTable } from './table.js';

/** A threshold or scale in the axis's unit: 70B parameters, 3.87e22 FLOPs, 1.4T tokens, 2.134 nats. */
export function formatScale(axis: ScaleAxis, value: number): string {
  if (axis === 'loss') return formatFixed(value, 3);
  if (axis === 'compute') return formatSci(value, 3);
  return formatCount(value);
}

const points = (score: number | null): string => (score === null ? '' : formatFixed(score * 100, 1));

function intervalText(axis: ScaleAxis, interval: [number, number] | undefined, format: (v: number) => string = (v) => formatScale(axis, v)): string {
  return interval ? `${format(interval[0])}–${format(interval[1])}` : '';
}

function verdictText(c: CurveRecord, palette: Palette): string {
  if (c.verdict === 'emergent') return palette.good('emergent');
  if (c.verdict === 'smooth') return 'smooth';
  return palette.warn(c.verdict);
}

/** The summary lines above the table. */
export function renderCurveSummary(doc: CurveDocument): string {
  const fitted = doc.curves.filter((c) => c.threshold !== null).length;
  const emergent = doc.curves.filter((c) => c.verdict === 'emergent').length;
  const unit = doc.x === 'loss' ? 'x = −loss' : `x = log10 ${doc.scale_source}`;
  const lines = [
    `Emergence curves of ${doc.file}: ${doc.curves.length} group${doc.curves.length === 1 ? '' : 's'}, ${fitted} fitted, ${emergent} emergent`,
    `y = floor + (ceiling − floor)·σ(k·(x − x0)), ${unit} (${doc.unit})`,
    doc.bootstrap ? `95% intervals from ${doc.bootstrap.resamples} case-bootstrap resamples per group (seed ${doc.bootstrap.seed})` : 'no intervals (--bootstrap 0)',
  ];
  return lines.join('\n');
}

/** One row per group: threshold and interval, sharpness, rise width, floor (ceiling), fit quality, verdict. */
export function renderCurveTable(doc: CurveDocument, palette: Palette): string {
  const axis = doc.x;
  const withCeiling = doc.curves.some((c) => c.ceiling_fitted === true);
  const perUnit = axis === 'loss' ? 'nat' : 'dec';
  const head = ['Task', 'Models', `Threshold`, '95% interval', `k/${perUnit}`, `10–90%`, 'Floor', ...(withCeiling ? ['Ceiling'] : []), 'R²', 'ΔBIC', 'B', 'Verdict'];
  const rows = doc.curves.map((c) => {
    if (c.threshold === null) return [c.label, String(c.models), '', '', '', '', '', ...(withCeiling ? [''] : []), '', '', '', verdictText(c, palette)];
    const floor = `${points(c.floor)}${c.floor_fitted ? ' fit' : ''}`;
    const ceiling = withCeiling ? [`${points(c.ceiling)}${c.ceiling_fitted ? ' fit' : ''}`] : [];
    return [
      c.label,
      String(c.models),
      formatScale(axis, c.threshold),
      intervalText(axis, c.intervals?.threshold),
      formatFixed(c.k!, 2),
      formatFixed(c.rise_width!, 2),
      floor,
      ...ceiling,
      formatFixed(c.r2!, 3),
      formatFixed(c.delta_bic!, 1),
      formatFixed(c.breakthroughness!, 1),
      verdictText(c, palette),
    ];
  });
  const align = head.map((_, i) => (i === 0 || i === head.length - 1 ? 'left' : 'right') as 'left' | 'right');
  return renderTable({ head, rows, align });
}

/** How to read the table. */
export function curveTableNotes(doc: CurveDocument): string {
  const span = doc.x === 'loss' ? 'nats of loss' : 'decades';
  return [
    `Threshold: the ${doc.x === 'loss' ? 'loss' : 'scale'} at the midpoint of the rise (${doc.unit}). k: sharpness per ${doc.x === 'loss' ? 'nat' : 'decade'}; 10–90%: ${span} from 10% to 90% of the rise.`,
    'Floor, ceiling: points (0–100); "fit" when fitted, otherwise the random baseline (floor) or 1 (ceiling). R²: of the sigmoid. B: BIG-bench breakthroughness.',
    'Verdict emergent: the sigmoid beats a straight line in x by ΔBIC ≥ 10, its threshold lies inside the data and its 10–90% rise is narrower than half the observed span; otherwise smooth.',
  ].join('\n');
}

/** The back-test: per group and pooled mean absolute errors (points) of the sigmoid and the two naive forecasts. */
export function renderCurveBacktest(doc: CurveDocument, palette: Palette): string {
  const bt = doc.backtest!;
  const axis = doc.x;
  const mae = (v: number | null): string => (v === null ? '' : points(v));
  const best = (values: (number | null)[]): number => {
    const finite = values.map((v) => (v === null ? Infinity : v));
    return finite.indexOf(Math.min(...finite));
  };
  const cells = (values: (number | null)[]): string[] => {
    const b = best(values);
    return values.map((v, i) => (v !== null && i === b ? palette.bold(`${mae(v)}*`) : mae(v)));
  };
  const rows = bt.groups.map((g) =>
    g.skipped !== null
      ? [g.label, String(g.train_models), String(g.test_models), '', palette.warn('skipped'), '', '']
      : [g.label, String(g.train_models), String(g.test_models), formatScale(axis, g.threshold!), ...cells([g.mae, g.mae_mean_baseline, g.mae_last_baseline])],
  );
  const predicted = bt.groups.filter((g) => g.skipped === null);
  rows.push([
    'pooled',
    String(predicted.reduce((s, g) => s + g.train_models, 0)),
    String(predicted.reduce((s, g) => s + g.test_models, 0)),
    '',
    ...cells([bt.mae, bt.mae_mean_baseline, bt.mae_last_baseline]),
  ]);
  const table = renderTable({
    head: ['Task', 'Train', 'Test', 'Threshold', 'Sigmoid', 'Mean', 'Last'],
    rows,
    align: ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
  });
  const side = axis === 'loss' ? `with a loss at or above ${formatScale(axis, bt.cutoff)} nats` : `at or below ${formatScale(axis, bt.cutoff)} ${doc.unit}`;
  const title = `Back-test: fitted on the models ${side}, predicting the rest`;
  const notes =
    'Mean absolute error in points (0–100) over the predicted models; * marks the lowest. Sigmoid: the curve fitted on the training models; ' +
    'Mean: the mean training score; Last: the score of the largest training model. Threshold: of the training fit.';
  return `${title}\n\n${table}\n${notes}`;
}
