/**
 * ASCII charts over a logarithmic x axis (model size, compute, tokens), drawn with asciichart and
 * completed with what it lacks: x-axis ticks labelled in readable units (1B, 10B, ...), a label at
 * the end of each line (readable without colour), scattered points, and vertical markers (a
 * threshold, "this model").
 */
import asciichart from 'asciichart';

export interface ChartLine {
  name: string;
  /** One finite value per column, sampled at evenly spaced log10 x from xMin to xMax. */
  values: number[];
}

export interface ChartPoint {
  /** log10 of the x value. */
  x: number;
  y: number;
  symbol?: string;
}

export interface ChartMarker {
  /** log10 of the x value; clamped to the chart, with an arrow when outside it. */
  x: number;
  label: string;
}

export interface ChartSpec {
  /** log10 of the x value at the first and the last column. */
  xMin: number;
  xMax: number;
  /** Formats a tick at 10^decade, e.g. 9 → "1B". */
  xTick: (decade: number) => string;
  lines: ChartLine[];
  points?: ChartPoint[];
  markers?: ChartMarker[];
  yMin: number;
  yMax: number;
  height: number;
  yFormat: (y: number) => string;
  color: boolean;
}

const COLORS = [asciichart.blue, asciichart.red, asciichart.green, asciichart.magenta, asciichart.cyan, asciichart.yellow, asciichart.lightgray, asciichart.lightred];
const RESET = asciichart.reset;
const ANSI = /\u001b\[[0-9;]*m/g;

/** Evenly spaced log10 x values for `width` columns. */
export function columnPositions(xMin: number, xMax: number, width: number): number[] {
  return Array.from({ length: width }, (_, i) => (width === 1 ? xMin : xMin + ((xMax - xMin) * i) / (width - 1)));
}

export function renderChart(spec: ChartSpec): string {
  const width = Math.max(2, ...spec.lines.map((l) => l.values.length));
  const clamp = (y: number): number => Math.min(spec.yMax, Math.max(spec.yMin, y));
  const series = spec.lines.length > 0 ? spec.lines.map((l) => l.values.map(clamp)) : [Array.from({ length: width }, () => spec.yMin)];
  const plotted = asciichart.plot(series, {
    height: spec.height,
    min: spec.yMin,
    max: spec.yMax,
    format: (y: number) => spec.yFormat(y).padStart(7),
    colors: spec.color ? spec.lines.map((_, i) => COLORS[i % COLORS.length]!) : undefined,
  });
  const rows = plotted.split('\n').map((row) => splitCells(row));
  const axis = rows[0]!.findIndex((cell) => cell.replace(ANSI, '') === '┤' || cell.replace(ANSI, '') === '┼');
  const ratio = spec.height / (spec.yMax - spec.yMin || 1);
  const rowOf = (y: number): number => Math.round(spec.yMax * ratio) - Math.round(clamp(y) * ratio);
  const columnOf = (x: number): number => axis + 1 + Math.round(((Math.min(spec.xMax, Math.max(spec.xMin, x)) - spec.xMin) / (spec.xMax - spec.xMin || 1)) * (width - 1));

  for (const point of spec.points ?? []) {
    const row = rows[rowOf(point.y)];
    if (row) row[columnOf(point.x)] = point.symbol ?? '●';
  }
  const markerLines: string[] = [];
  for (const marker of spec.markers ?? []) {
    const column = columnOf(marker.x);
    for (const row of rows) if ((row[column] ?? ' ') === ' ') row[column] = '┊';
    const text = marker.x < spec.xMin ? `◀ ${marker.label}` : marker.x > spec.xMax ? `${marker.label} ▶` : marker.label;
    const fitsRight = column + 2 + text.length <= axis + 1 + width + 30;
    markerLines.push(fitsRight ? `${' '.repeat(column)}▼ ${text}` : `${' '.repeat(Math.max(0, column - text.length - 1))}${text} ▼`);
  }

  // Label each line where it ends, so lines can be told apart without colour.
  const endLabels = new Map<number, string[]>();
  spec.lines.forEach((line, i) => {
    const row = rowOf(line.values[line.values.length - 1]!);
    const name = spec.color ? `${COLORS[i % COLORS.length]}${line.name}${RESET}` : line.name;
    endLabels.set(row, [...(endLabels.get(row) ?? []), name]);
  });
  const body = rows.map((cells, r) => {
    const labels = endLabels.get(r);
    return `${cells.join('')}${labels ? ` ${labels.join(', ')}` : ''}`.trimEnd();
  });
  return [...markerLines, ...body, ...xAxis(spec, axis, width)].join('\n');
}

/** asciichart rows as one cell per screen column (colour codes stay attached to their glyph). */
function splitCells(row: string): string[] {
  const cells: string[] = [];
  let pending = '';
  for (const match of row.matchAll(/(\u001b\[[0-9;]*m)|([\s\S])/g)) {
    if (match[1]) {
      if (match[1] === RESET && cells.length > 0) cells[cells.length - 1] += match[1];
      else pending += match[1];
    } else {
      cells.push(pending + match[2]);
      pending = '';
    }
  }
  return cells;
}

function xAxis(spec: ChartSpec, axis: number, width: number): string[] {
  const ticks: { column: number; label: string }[] = [];
  for (let decade = Math.ceil(spec.xMin - 1e-9); decade <= spec.xMax + 1e-9; decade++) {
    const column = axis + 1 + Math.round(((decade - spec.xMin) / (spec.xMax - spec.xMin || 1)) * (width - 1));
    ticks.push({ column, label: spec.xTick(decade) });
  }
  const line: string[] = Array.from({ length: axis + 1 + width }, (_, i) => (i < axis ? ' ' : i === axis ? '└' : '─'));
  const labels = Array.from({ length: axis + 1 + width + 8 }, () => ' ');
  let nextFree = 0;
  for (const { column, label } of ticks) {
    line[column] = '┬';
    const start = Math.max(0, column - Math.floor(label.length / 2));
    if (start < nextFree) continue;
    for (let i = 0; i < label.length; i++) labels[start + i] = label[i]!;
    nextFree = start + label.length + 1;
  }
  return [line.join(''), labels.join('').trimEnd()];
}
