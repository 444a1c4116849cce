/**
 * A forecast fit for people: how it was fitted (the loss law, the curves, the interval model), one
 * row per task, and the holdout tables. Scores and errors are shown in points (0–100).
 */
import type { ErrorsRecord, ForecastDocument } from './forecast-fit-record.js';
import { formatFixed, formatPercent, formatSci } from './format.js';
import type { Palette } from './palette.js';
import { renderTable } from './table.js';

const points = (v: number | null | undefined, digits = 1): string => (v === null || v === undefined ? '' : formatFixed(v * 100, digits));
const signedPoints = (v: number | null | undefined): string => (v === null || v === undefined ? '' : `${v >= 0 ? '+' : ''}${formatFixed(v * 100, 2)}`);
const METHOD_NAMES: Record<string, string> = { forecast: 'forecast', two_step: 'two-step', one_step: 'one-step', persistence: 'persistence' };

export function renderForecastSummary(doc: ForecastDocument): string {
  const lines = [
    `Forecast of ${doc.tasks.length} task${doc.tasks.length === 1 ? '' : 's'} from ${doc.runs} runs of ${doc.file} (${formatSci(doc.compute_range[0])}–${formatSci(doc.compute_range[1])} FLOPs)`,
  ];
  if (doc.law) {
    const l = doc.law;
    const fit = doc.law_fit!;
    lines.push(`Step 1    L(N, D) = E + A/N^α + B/D^β on the loss every task shares: E = ${l.E.toFixed(4)}, A = ${l.A.toPrecision(5)}, B = ${l.B.toPrecision(5)}, α = ${l.alpha.toFixed(5)}, β = ${l.beta.toFixed(5)} (${fit.runs} runs, ${fit.starts} starts, ${fit.converged ? 'converged' : 'not converged'})`);
  } else if (doc.loss === 'task') {
    lines.push('Step 1    L(N, D) = E + A/N^α + B/D^β per task, on its own loss (constants in --format json and --output)');
  }
  if (doc.loss !== 'none') lines.push('Step 2    score(L) = floor + (ceiling − floor)·σ(−k·(L − L0))' + (doc.checkpoints ? `, on every checkpoint past ${doc.warmup * 100}% of its run` : ''));
  lines.push('One step  score(C) = floor + (ceiling − floor)·σ(k·(log10 C − log10 C0)); floor = random_baseline, ceiling fitted');
  const methods = doc.tasks.reduce((m, t) => m.set(t.method, (m.get(t.method) ?? 0) + 1), new Map<string, number>());
  lines.push(`Method    ${[...methods].map(([m, n]) => `${m} for ${n}`).join(', ')} (--via ${doc.via})`);
  if (doc.intervals) {
    const { scaled } = doc.intervals;
    const parts = (['two_step', 'one_step'] as const).filter((k) => doc.intervals![k]).map((k) => (scaled ? `${METHOD_NAMES[k]} ±${formatFixed(doc.intervals![k]!.q, 2)}·s·w(d) from ${doc.intervals![k]!.n} errors` : `${METHOD_NAMES[k]} ±${formatFixed(doc.intervals![k]!.q * 100, 1)}·w(d) points from ${doc.intervals![k]!.n} errors`));
    lines.push(`Intervals ${Math.round(doc.level * 100)}%: split conformal on the back-tests of ${doc.origins.length} origin${doc.origins.length === 1 ? '' : 's'}, w(d) = √(${doc.intervals.offset} + d) at d decades beyond the largest fitted run${scaled ? ", s the RMSE of the task's curve fit" : ''}: ${parts.join('; ')}`);
  } else {
    lines.push('Intervals none: too few runs for a back-test (at least 5 runs of distinct compute)');
  }
  return lines.join('\n');
}

export function renderForecastTable(doc: ForecastDocument, palette: Palette): string {
  const twoStep = doc.tasks.some((t) => t.two_step);
  const head = ['Task', 'Runs', 'Method', 'Floor', 'Ceiling', ...(twoStep ? ['L0', 'k/nat'] : []), 'C0', 'k/dec', 'Back-test MAE'];
  const rows = doc.tasks.map((t) => {
    const curve = t.method === 'two-step' ? t.two_step : t.one_step;
    const mae = [t.backtest.two_step, t.backtest.one_step].map((b) => (b ? points(b.mae) : '–'));
    return [
      t.id,
      String(t.runs),
      t.chosen_by === 'auto' ? `${t.method} (auto)` : t.method,
      `${points(curve!.floor)}${t.random_baseline === null ? ' fit' : ''}`,
      points(curve!.ceiling),
      ...(twoStep ? [t.two_step ? formatFixed(t.two_step.L0, 3) : '', t.two_step ? formatFixed(t.two_step.k, 2) : ''] : []),
      t.one_step ? formatSci(t.one_step.C0) : '',
      t.one_step ? formatFixed(t.one_step.k, 2) : '',
      twoStep ? mae.join(' / ') : mae[1]!,
    ];
  });
  const table = renderTable({ head, rows, align: ['left', 'right', 'left', 'right', 'right', ...(twoStep ? ['right', 'right'] as const : []), 'right', 'right', 'right'] });
  const notes = [
    `Floor, ceiling: points (0–100) of the chosen method's curve; "fit" when no random_baseline fixes the floor. L0: the loss at the midpoint of step 2; C0: the compute at the midpoint of the one-step curve.`,
    `Back-test MAE: points, over the task's forecasts of larger runs from the rolling origins${twoStep ? ' (two-step / one-step)' : ''}${doc.via === 'auto' ? '; --via auto chose the lower' : ''}.`,
  ];
  const refits = doc.origins.filter((o) => !o.law_refitted).length;
  if (doc.loss !== 'none' && refits > 0) notes.push(palette.warn(`At ${refits} of ${doc.origins.length} origins fewer than 6 runs remained to fit the loss law again; the full fit's law stood in, so the two-step intervals leave out its extrapolation error.`));
  return `${table}\n${palette.dim(notes.join('\n'))}`;
}

/** The holdout: per task the MAE of every forecaster, the forecast's coverage and interval score; then pooled figures. */
export function renderForecastHoldout(doc: ForecastDocument, palette: Palette): string {
  const h = doc.holdout!;
  const level = Math.round(doc.level * 100);
  const distances = h.predictions.map((p) => p.distance_decades);
  const lines = [
    `Back-test: fitted on the ${h.train_runs} runs at or below ${formatSci(h.cutoff)} FLOPs, forecasting the ${h.test_runs} above (${formatFixed(Math.min(...distances), 2)} to ${formatFixed(Math.max(...distances), 2)} decades beyond the largest fitted run)`,
  ];
  const keys = ['forecast', 'two_step', 'one_step', 'persistence'] as const;
  const present = keys.filter((k) => h.pooled[k]);
  const perTask = [...h.tasks.map((t) => ({ id: t.id, test: t.test_runs, figures: t as unknown as Record<string, ErrorsRecord | null> })), { id: 'pooled', test: h.predictions.length, figures: h.pooled }];
  const rows = perTask.map(({ id, test, figures }) => {
    const maes = present.map((k) => figures[k]?.mae ?? Infinity);
    const best = Math.min(...maes.slice(1));
    const own = figures.forecast;
    return [
      id,
      String(test),
      ...present.map((k, i) => `${points(figures[k]?.mae)}${i > 0 && maes[i] === best ? '*' : ''}`),
      own?.coverage === null || own?.coverage === undefined ? '' : formatPercent(own.coverage),
      points(own?.interval_score),
    ];
  });
  lines.push(
    '',
    renderTable({ head: ['Task', 'Test', ...present.map((k) => METHOD_NAMES[k]![0]!.toUpperCase() + METHOD_NAMES[k]!.slice(1)), 'Coverage', 'IS'], rows, align: ['left', 'right', ...present.map(() => 'right' as const), 'right', 'right'] }),
    palette.dim(`Mean absolute error in points (0–100) over the held-out runs; * the lowest of two-step, one-step and persistence (the score of the task's largest fitted run). Forecast: the method the task uses; Coverage and IS: of its ${level}% intervals.`),
    '',
  );
  const pooledRows = present.map((k) => {
    const f = h.pooled[k]!;
    return [METHOD_NAMES[k]!, points(f.mae, 2), signedPoints(f.bias), f.coverage === null ? '' : formatPercent(f.coverage), points(f.width), points(f.interval_score)];
  });
  lines.push(
    renderTable({ head: ['Pooled', 'MAE', 'Bias', 'Coverage', 'Width', 'IS'], rows: pooledRows, align: ['left', 'right', 'right', 'right', 'right', 'right'] }),
    palette.dim(`Points (0–100) over ${h.predictions.length} held-out scores. Bias > 0: over-predicts. Coverage: share of scores inside the ${level}% interval; IS: interval score, width + (2/α)·distance outside (α = ${formatFixed(1 - doc.level, 2)}; lower is better).`),
  );
  return lines.join('\n');
}
