/**
 * A scaling-law fit for people: the constants with their intervals, the fit quality and search, the
 * diagnostics, and the back-test against the published presets.
 */
import type { LawDocument } from './fit-law-record.js';
import { formatCount, formatSci } from './format.js';
import type { Palette } from './palette.js';
import { renderFields, renderTable } from './table.js';

const sig = (value: number, digits: number): string => (Number.isFinite(value) ? value.toPrecision(digits).replace('e+', 'e') : formatSci(value));

function lossDescription(doc: LawDocument): string {
  const { kind, delta, tau } = doc.loss;
  if (kind === 'mse') return 'squared error on ln L residuals, summed over runs';
  if (kind === 'asymmetric') return `asymmetric Huber (δ = ${delta}, τ = ${tau}: over-prediction weighted ${sig((1 - tau) / tau, 3)}:1) on ln L residuals, summed`;
  return `Huber (δ = ${delta}) on ln L residuals, summed over runs`;
}

/** What the fitted rows are called: runs (one row a run, as in the published fits), rows for a large input (checkpoints). */
const rowsOrRuns = (doc: LawDocument): string => (doc.screen ? 'rows' : 'runs');

/** Lines ranges compactly: 2, 3, 4, 6 → "2–4, 6". */
function lineList(lines: number[]): string {
  const sorted = [...lines].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(j > i ? `${sorted[i]}–${sorted[j]}` : String(sorted[i]));
    i = j;
  }
  return parts.join(', ');
}

/** The table of constants (with intervals when bootstrapped) and the derived quantities. */
export function renderLawTable(doc: LawDocument): string {
  const iv = doc.intervals;
  const interval = (name: string, format: (v: number) => string): string => {
    const pair = iv?.[name];
    return pair ? `${format(pair[0])} – ${format(pair[1])}` : '';
  };
  const constant = (label: string, name: 'E' | 'A' | 'B' | 'alpha' | 'beta'): string[] => [label, sig(doc.law[name], 5), interval(name, (v) => sig(v, 4))];
  const rows = [
    constant('E', 'E'),
    constant('A', 'A'),
    constant('B', 'B'),
    constant('α (alpha)', 'alpha'),
    constant('β (beta)', 'beta'),
    ['a = β/(α+β)', sig(doc.allocation_exponent, 4), interval('allocation_exponent', (v) => sig(v, 3))],
  ];
  if (doc.at_compute !== null && doc.optimal_params !== null) {
    rows.push([`N_opt at ${formatSci(doc.at_compute)} FLOPs`, formatCount(doc.optimal_params), interval('optimal_params', formatCount)]);
  }
  const head = ['Constant', 'Estimate', iv ? `95% interval (${doc.bootstrap!.resamples} resamples)` : 'Interval'];
  return renderTable({ head, rows: iv ? rows : rows.map((r) => [r[0]!, r[1]!, '--bootstrap 0']), align: ['left', 'right', 'left'] });
}

/** Summary above the table. */
export function renderLawSummary(doc: LawDocument): string {
  return [`Scaling law fitted to ${doc.n} ${rowsOrRuns(doc)} of ${doc.file}`, 'L(N, D) = E + A/N^α + B/D^β   (N parameters, D tokens, L nats/token)'].join('\n');
}

/** Fit quality, search, determination and intervals, one labelled line each. */
export function renderLawFields(doc: LawDocument, palette: Palette): string {
  const fields: [string, string][] = [];
  fields.push(['Objective', `${doc.objective.toPrecision(11)}  ${lossDescription(doc)}`]);
  fields.push(['RMSE', `${doc.rmse.toFixed(5)} nats/token (MAE ${doc.mae.toFixed(5)}) over ${doc.n} ${rowsOrRuns(doc)}`]);
  const runs: string[] = [];
  if (doc.excluded.length > 0) runs.push(`${doc.excluded.length} with the highest loss left out (line${doc.excluded.length === 1 ? '' : 's'} ${lineList(doc.excluded.map((e) => e.line))})`);
  if (doc.derived) runs.push(doc.derived);
  if (runs.length > 0) fields.push(['Runs', runs.join('; ')]);
  const pruned = doc.pruned_starts > 0 ? `, ${doc.pruned_starts} abandoned early` : '';
  const verdict = doc.converged ? palette.good(`converged (${doc.reason})`) : palette.bad(`NOT converged (${doc.reason})`);
  const sc = doc.screen;
  if (!sc) fields.push(['Search', `L-BFGS from ${doc.starts} starts (${doc.grid} grid), ${doc.converged_starts} converged${pruned}; best: start ${doc.best_start + 1}, ${verdict}`]);
  else {
    const polished = `the best ${sc.candidates} polished on all ${doc.n} rows, ${sc.agreeing} of them agree (θ within ${formatSci(sc.spread, 2)})`;
    fields.push(['Search', `L-BFGS from ${doc.starts} starts (${doc.grid} grid) on ${sc.rows} rows stratified by compute, ${doc.converged_starts} converged${pruned}; ${polished}; best: start ${doc.best_start + 1}, ${verdict}`]);
    const newton = sc.predicted_decrease === null ? 'the Hessian is not positive definite' : `a Newton step would lower the objective by ${formatSci(sc.predicted_decrease, 2)}`;
    fields.push(['Optimum', `gradient ${formatSci(sc.gradient_norm, 2)} (largest component); ${newton}`]);
  }
  const d = doc.diagnostics;
  const condition = formatSci(d.condition_number, 2);
  fields.push(['Determined', d.poorly_determined ? palette.warn(`poorly (${d.warnings.length} warning${d.warnings.length === 1 ? '' : 's'} on stderr); Hessian condition number ${condition}`) : `yes; Hessian condition number ${condition}`]);
  if (doc.bootstrap) {
    const b = doc.bootstrap;
    const excluded = b.excluded_resamples > 0 ? `, ${b.excluded_resamples} left out (non-finite)` : '';
    const of = b.unit === 'run' ? ` of the ${b.units} runs (${b.grouped_by})` : b.method === 'one-step' ? ` of the ${b.units} rows` : '';
    const how = b.method === 'one-step' ? ', each refitted by one Newton step from the best fit' : ' refitted from the best fit';
    const converged = b.method === 'one-step' ? '' : `, ${b.converged_resamples} converged`;
    fields.push(['Intervals', `${b.level * 100}% percentile, ${b.resamples} case-bootstrap resamples${of}${how} (seed ${b.seed})${converged}${excluded}`]);
  }
  return renderFields(fields);
}

/** The back-test: this fit's and the presets' errors on the held-out runs. */
export function renderLawBacktest(doc: LawDocument, palette: Palette): string {
  const bt = doc.backtest!;
  const law = bt.law;
  const rows = [
    [`this fit (${bt.train_runs} runs)`, ...errorCells(bt.held_out)],
    ...bt.presets.map((p) => [p.name, ...errorCells(p)]),
  ];
  const lowest = Math.min(...[bt.held_out, ...bt.presets].map((e) => e.rmse));
  const marked = rows.map((r, i) => ((i === 0 ? bt.held_out : bt.presets[i - 1]!).rmse === lowest ? [palette.bold(`${r[0]} *`), ...r.slice(1)] : r));
  const table = renderTable({ head: ['Law', 'RMSE', 'MAE', 'Bias'], rows: marked, align: ['left', 'right', 'right', 'right'] });
  return [
    `Back-test: fitted on the ${bt.train_runs} runs at or below ${formatSci(bt.cutoff)} FLOPs, predicting the ${bt.held_out_runs} above`,
    `Fit below the cutoff: E = ${sig(law.E, 5)}, A = ${sig(law.A, 5)}, B = ${sig(law.B, 5)}, α = ${sig(law.alpha, 5)}, β = ${sig(law.beta, 5)} (objective ${bt.objective.toPrecision(6)}, ${bt.converged ? 'converged' : 'NOT converged'})`,
    '',
    table,
    'Errors of L on the held-out runs, nats/token; bias > 0: the law over-predicts the loss; * the lowest RMSE.',
    'The presets are published fits (their authors may have fitted runs that are held out here); kaplan2020 is left out (its losses are not comparable).',
  ].join('\n');
}

function errorCells(e: { rmse: number; mae: number; bias: number }): string[] {
  return [e.rmse.toFixed(4), e.mae.toFixed(4), `${e.bias >= 0 ? '+' : ''}${e.bias.toFixed(4)}`];
}
