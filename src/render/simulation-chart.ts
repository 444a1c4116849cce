/**
 * The charts of `emerge simulate`: the series of a simulation over a log-scale x axis, one chart per
 * kind of value (probabilities and benchmark scores together, accuracies, similarities, standard
 * deviations, losses), one line per distinct series with its name, and the simulation's markers.
 */
import type { Marker, Series, SeriesUnit, Simulation, SweepOver } from '../core/simulate/index.js';
import { valueAt } from '../core/simulate/index.js';
import { columnPositions, renderChart } from './chart.js';
import { formatCount } from './format.js';

export interface ChartOptions {
  /** Plot columns (the x axis), without the y labels and line names. */
  width: number;
  /** Plot rows. */
  height: number;
  color: boolean;
}

export interface ChartGroup {
  units: readonly SeriesUnit[];
  title: string;
}

/** Which units share a chart (and a y axis), in the order charts are printed. */
export const GROUPS: readonly ChartGroup[] = [
  { units: ['probability', 'score'], title: 'Probability / score' },
  { units: ['accuracy'], title: 'Accuracy' },
  { units: ['similarity'], title: 'Similarity' },
  { units: ['sd'], title: 'Standard deviation of the score' },
  { units: ['nats'], title: 'Loss (nats/token)' },
];

/** At most this many lines in one chart (asciichart has 8 colours; names tell the rest apart). */
export const MAX_LINES = 8;
/** At most this many distinct marker positions per chart (each takes a row above it). */
export const MAX_MARKERS = 4;

export const AXIS_NAMES: Readonly<Record<SweepOver, string>> = {
  params: 'parameters N',
  compute: 'training compute C (FLOPs), compute-optimal N and D',
  tokens: 'training tokens D',
};

/** Tick label at 10^decade: 100M, 1B, 10T for counts (1e16 beyond), 1e22 for compute. */
export function tickLabel(over: SweepOver): (decade: number) => string {
  if (over === 'compute') return (decade) => `1e${decade}`;
  return (decade) => (decade >= 15 || decade < 0 ? `1e${decade}` : formatCount(10 ** decade));
}

/** "a, b" or "a, b +3": the names of series drawn as one line. */
export function joinNames(names: readonly string[]): string {
  return names.length > 2 ? `${names[0]}, ${names[1]} +${names.length - 2}` : names.join(', ');
}

function sameValues(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Series with identical values become one line, named after all of them. */
export function distinctLines(series: readonly Series[]): { names: string[]; series: Series }[] {
  const lines: { names: string[]; series: Series }[] = [];
  for (const s of series) {
    const same = lines.find((l) => sameValues(l.series.y, s.y));
    if (same) same.names.push(s.name);
    else lines.push({ names: [s.name], series: s });
  }
  return lines;
}

/** y axis of a chart: 0–100% for fractions; from 0 (sd) or the smallest value (losses) to the largest. */
function yAxis(units: readonly SeriesUnit[], lines: readonly Series[]): { yMin: number; yMax: number; yFormat: (y: number) => string } {
  if (!units.includes('sd') && !units.includes('nats')) return { yMin: 0, yMax: 1, yFormat: (y) => `${Math.round(y * 100)}%` };
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of lines) for (const v of s.y) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (units.includes('sd')) lo = 0;
  if (!(hi > lo)) hi = lo + 1;
  const decimals = Math.max(0, Math.min(4, 2 - Math.floor(Math.log10(hi - lo))));
  return { yMin: lo, yMax: hi, yFormat: (y) => y.toFixed(decimals) };
}

/** Markers of the lines drawn (and markers of no series), merged where they fall on the same column. */
function chartMarkers(markers: readonly Marker[], drawn: ReadonlySet<string>, first: boolean, columnOf: (x: number) => number): { x: number; label: string }[] {
  const byColumn = new Map<number, { x: number; labels: string[] }>();
  for (const m of markers) {
    if (m.series === undefined ? !first : !drawn.has(m.series)) continue;
    const x = Math.log10(m.scale);
    const column = columnOf(x);
    const entry = byColumn.get(column) ?? { x, labels: [] };
    if (!entry.labels.includes(m.label)) entry.labels.push(m.label);
    byColumn.set(column, entry);
  }
  return [...byColumn.values()].slice(0, MAX_MARKERS).map((e) => ({ x: e.x, label: joinNames(e.labels) }));
}

/** Keys of lines that share an end row: a letter on each line and a legend below the chart. */
const KEYS = 'abcdefghij';

/** Row of y in the chart, as chart.ts computes it. */
function rowOf(y: number, axis: { yMin: number; yMax: number }, height: number): number {
  const ratio = height / (axis.yMax - axis.yMin || 1);
  const clamped = Math.min(axis.yMax, Math.max(axis.yMin, y));
  return Math.round(axis.yMax * ratio) - Math.round(clamped * ratio);
}

/** Lines are named where they end; when two end on the same row, letters and a legend are clearer. */
function needsKeys(values: readonly number[][], axis: { yMin: number; yMax: number }, height: number): boolean {
  const rows = values.map((v) => rowOf(v[v.length - 1]!, axis, height));
  return new Set(rows).size < rows.length;
}

/**
 * Where each line's letter goes: on the line, halfway through its rise (the first column past its
 * mid-value), moved along the line to the nearest column whose cell no other letter took.
 */
function keyPoints(values: readonly number[][], columns: readonly number[], axis: { yMin: number; yMax: number }, height: number): { x: number; y: number; symbol: string }[] {
  const taken = new Set<string>();
  return values.map((v, i) => {
    const lo = Math.min(...v);
    const hi = Math.max(...v);
    const rising = v[v.length - 1]! >= v[0]!;
    let start = v.findIndex((y) => (rising ? y >= (lo + hi) / 2 : y <= (lo + hi) / 2));
    if (hi === lo || start < 0) start = Math.floor(v.length / 2);
    for (let step = 0; step < 2 * v.length; step++) {
      const at = start + (step % 2 === 0 ? step / 2 : -(step + 1) / 2);
      if (at < 0 || at >= v.length) continue;
      const cell = `${rowOf(v[at]!, axis, height)}:${at}`;
      if (taken.has(cell)) continue;
      taken.add(cell);
      return { x: columns[at]!, y: v[at]!, symbol: KEYS[i]! };
    }
    return { x: columns[start]!, y: v[start]!, symbol: KEYS[i]! };
  });
}

/**
 * The charts of a simulation, each with a title line; and notes on what was left out.
 */
export function renderSimulationCharts(simulation: Simulation, options: ChartOptions): { text: string; notes: string[] } {
  const x = simulation.series[0]?.x;
  if (!x || x.length === 0) return { text: '', notes: [] };
  const xMin = Math.log10(x[0]!);
  const xMax = Math.log10(x[x.length - 1]!);
  const columns = columnPositions(xMin, xMax, options.width);
  const columnOf = (v: number): number => Math.round(((v - xMin) / (xMax - xMin)) * (options.width - 1));
  const charts: string[] = [];
  const notes: string[] = [];
  let first = true;
  for (const group of GROUPS) {
    const members = simulation.series.filter((s) => group.units.includes(s.unit));
    if (members.length === 0) continue;
    const lines = distinctLines(members);
    const shown = lines.slice(0, MAX_LINES);
    if (lines.length > shown.length) {
      const left = lines.slice(MAX_LINES).flatMap((l) => l.names);
      notes.push(`${group.title}: ${left.length} more series not drawn (${joinNames(left)}); choose fewer with --ability, or see them all with --format csv.`);
    }
    const drawn = new Set(shown.flatMap((l) => l.names));
    const axis = yAxis(group.units, shown.map((l) => l.series));
    const values = shown.map((line) =>
      // Columns fall between grid points: interpolate in log10 x, as the summary does.
      columns.map((c) => valueAt(line.series.x, line.series.y, Math.min(x[x.length - 1]!, Math.max(x[0]!, 10 ** c)))!),
    );
    const names = shown.map((line) => joinNames(line.names));
    const keyed = needsKeys(values, axis, options.height);
    const chart = renderChart({
      xMin,
      xMax,
      xTick: tickLabel(simulation.xLabel),
      lines: values.map((v, i) => ({ name: keyed ? KEYS[i]! : names[i]!, values: v })),
      points: keyed ? keyPoints(values, columns, axis, options.height) : [],
      markers: chartMarkers(simulation.markers, drawn, first, columnOf),
      ...axis,
      height: options.height,
      color: options.color,
    });
    const legend = keyed ? `\n${names.map((name, i) => `        ${KEYS[i]}  ${name}`).join('\n')}` : '';
    charts.push(`${group.title} across ${AXIS_NAMES[simulation.xLabel]}\n\n${chart}${legend}`);
    first = false;
  }
  return { text: charts.join('\n\n\n'), notes };
}
