/**
 * Forecasts for people: per planned model, one row per task with the forecast, its interval, the
 * distance beyond the largest fitted run (flagged beyond FAR_DECADES) and the method; and the
 * inverse question's table (the compute at which each forecast reaches a target).
 */
import { FAR_DECADES, type TargetCompute } from '../core/forecast/index.js';
import type { ForecastRecord } from './forecast-record.js';
import { formatCount, formatDecades, formatFixed, formatPercent, formatSci } from './format.js';
import type { Palette } from './palette.js';
import { renderTable } from './table.js';

const percent = (v: number | null): string => (v === null ? '' : formatPercent(v));
/** A forecast's interval, lower–upper, or n/a without one. */
const intervalText = (r: ForecastRecord): string => (r.lower === null ? 'n/a' : `${percent(r.lower)}–${percent(r.upper)}`);

export interface ForecastTableOptions {
  /** Heading of the first column (default "Task"). */
  heading?: string;
  /** The note under the table (default: what the columns mean, and the source). */
  note?: string;
  /** Leave out the Method column (the note names the one method). */
  hideMethod?: boolean;
}

/** The table of one model's forecasts, and its notes; required targets get Target and P columns. */
export function renderForecastTable(records: readonly ForecastRecord[], palette: Palette, options: ForecastTableOptions = {}): string {
  const withTargets = records.some((r) => r.target !== undefined);
  const level = records[0] ? Math.round(records[0].level * 100) : 80;
  const method = options.hideMethod !== true;
  const rows = records.map((r) => {
    const far = r.distance_decades > FAR_DECADES;
    const cells = [
      r.id,
      formatPercent(r.score),
      intervalText(r),
      far ? palette.warn(`${formatDecades(r.distance_decades)} far`) : formatDecades(r.distance_decades),
      ...(method ? [r.method] : []),
    ];
    if (withTargets) cells.push(r.target === undefined ? '' : formatPercent(r.target), r.probability === undefined || r.probability === null ? '' : formatPercent(r.probability));
    return cells;
  });
  const head = [options.heading ?? 'Task', 'Forecast', `${level}% interval`, 'Decades', ...(method ? ['Method'] : []), ...(withTargets ? ['Target', 'P(≥ target)'] : [])];
  const notes = [options.note ?? `Decades: of training compute beyond the largest fitted run. two-step: score(loss(N, D)); one-step: score(log10 C). Source: ${records[0]?.source ?? ''}.`];
  if (records.some((r) => r.distance_decades > FAR_DECADES)) notes.push(palette.warn(`far: more than ${FAR_DECADES} decades beyond the largest fitted run; forecasts and intervals there rest on extrapolation the back-tests did not reach.`));
  return `${renderTable({ head, rows, align: ['left', 'right', 'right', 'right', ...(method ? ['left'] as const : []), ...(withTargets ? ['right', 'right'] as const : [])] })}\n${palette.dim(notes.join('\n'))}`;
}

/**
 * The forecasts of a batch (--input) for a terminal, one fixed-width line per model and task so that
 * rows print as they come; `!` marks a forecast beyond FAR_DECADES.
 */
export function forecastBatchTable(level: number): { head: string; row(model: { name: string; params: number; tokens: number }, records: readonly ForecastRecord[]): string } {
  const columns: [string, number][] = [['name', 24], ['params', 8], ['tokens', 8], ['task', 24], ['forecast', 8], [`${Math.round(level * 100)}% interval`, 13], ['decades', 7], ['method', 8]];
  const leftAligned = new Set([0, 3, 7]);
  const line = (cells: string[]): string => `${cells.map((c, i) => (leftAligned.has(i) ? c.padEnd(columns[i]![1]) : c.padStart(columns[i]![1]))).join('  ').trimEnd()}\n`;
  const cut = (text: string, width: number): string => (text.length > width ? `${text.slice(0, width - 1)}…` : text);
  return {
    head: line(columns.map(([name]) => name)) + line(columns.map(([, w]) => '-'.repeat(w))),
    row: (model, records) =>
      records
        .map((r) => {
          const decades = `${formatDecades(r.distance_decades)}${r.distance_decades > FAR_DECADES ? '!' : ''}`;
          return line([cut(model.name, 24), formatCount(model.params), formatCount(model.tokens), cut(r.id, 24), formatPercent(r.score), intervalText(r), decades, r.method]);
        })
        .join(''),
  };
}

export interface TargetRow {
  id: string;
  method: string;
  target: number;
  /** 'midpoint' (the task's threshold: halfway from floor to ceiling) or 'reach' (a --reach target). */
  targetSource: string;
  answer: TargetCompute;
  /** Decades of compute of the answer beyond the task's largest fitted run (when it is reached at a compute). */
  distance?: number;
}

/** The inverse question: per task, the smallest compute (and its N and D) at which the forecast reaches the target. */
export function renderTargetTable(rows: readonly TargetRow[], tokensPerParam: number | undefined, palette: Palette): string {
  const cells = rows.map((r) => {
    const a = r.answer;
    const far = r.distance !== undefined && r.distance > FAR_DECADES;
    const decades = r.distance === undefined ? '' : far ? palette.warn(`${formatDecades(r.distance)} far`) : formatDecades(r.distance);
    const reached = a.reached === 'at' ? [formatSci(a.compute), decades, a.params === undefined ? '' : formatCount(a.params), a.tokens === undefined ? '' : formatCount(a.tokens)] : [a.reached === 'always' ? 'any' : 'unreachable', '', '', ''];
    return [r.id, r.method, `${formatPercent(r.target)}${r.targetSource === 'midpoint' ? ' mid' : ''}`, ...reached];
  });
  const table = renderTable({ head: ['Task', 'Method', 'Target', 'Min compute', 'Decades', 'Params', 'Tokens'], rows: cells, align: ['left', 'left', 'right', 'right', 'right', 'right', 'right'] });
  const split = rows.some((r) => r.answer.reached === 'at' && r.answer.params !== undefined);
  const how = tokensPerParam !== undefined ? `at ${formatFixed(tokensPerParam, 0)} tokens per parameter` : split ? "for compute-optimal models under the forecast's loss law" : 'in one step from compute (no loss law to split it into N and D: --tokens-per-param R does)';
  const notes = [`Min compute: the smallest training compute whose forecast reaches the target, ${how}; Decades: beyond the largest fitted run.`];
  if (rows.some((r) => r.targetSource === 'midpoint')) notes.push('mid: the midpoint of the task\'s rise, halfway from floor to ceiling (its threshold); --reach sets targets of your own.');
  if (rows.some((r) => r.distance !== undefined && r.distance > FAR_DECADES)) notes.push(palette.warn(`far: more than ${FAR_DECADES} decades beyond the largest fitted run, where the back-tests did not reach.`));
  const never = rows.filter((r) => r.answer.reached === 'never');
  if (never.length > 0) notes.push(`unreachable: ${never.map((r) => `${r.id} (${(r.answer as { why: string }).why})`).join('; ')}.`);
  return `${table}\n${palette.dim(notes.join('\n'))}`;
}
