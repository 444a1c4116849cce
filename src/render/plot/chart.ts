/**
 * The one chart builder of every picture: series (lines, points, shaded bands) over two axes, with
 * labelled vertical rules, as a Vega-Lite specification with its data inline. A command describes
 * its chart as a `Chart` and calls `plotSpec`; several charts become small multiples in one picture.
 *
 * Series are told apart by colour, stroke dash and point shape together (style.ts), one legend for
 * the whole picture; a series named in several panels keeps its style in all of them.
 */
import { axisEncoding, type PlotAxis } from './axis.js';
import { plotConfig, RULE_COLOR, RULE_DASH, seriesStyle, type PlotSize } from './style.js';

export interface XY {
  x: number;
  y: number;
}

interface SeriesCommon {
  /** Legend entry; series of the same name share a style across the panels of a picture. */
  name: string;
  /** Take the colour of this other series (a band drawn around its line); by default its own. */
  styleOf?: string;
}

/** A curve: straight segments between the values, in order of x. `thin` for many similar lines (samples). */
export interface LineSeries extends SeriesCommon {
  kind: 'line';
  values: readonly XY[];
  thin?: boolean;
}

/** Observations: one mark per value; `hollow` for fitted or predicted values beside observed ones, `large` for a few that matter (a planned model). */
export interface PointSeries extends SeriesCommon {
  kind: 'points';
  values: readonly XY[];
  hollow?: boolean;
  large?: boolean;
}

/** An interval at each x, shaded from `lower` to `upper` (a bootstrap, percentile or forecast band). */
export interface BandSeries extends SeriesCommon {
  kind: 'band';
  values: readonly { x: number; lower: number; upper: number }[];
}

export type PlotSeries = LineSeries | PointSeries | BandSeries;

/** A vertical rule at x = `at` with its label (a threshold, a cut-off, a planned model). */
export interface PlotRule {
  at: number;
  label: string;
}

export interface Chart {
  title: string;
  /** Lines under the title (what is drawn, the model behind it). */
  subtitle?: readonly string[];
  x: PlotAxis;
  y: PlotAxis;
  series: readonly PlotSeries[];
  rules?: readonly PlotRule[];
}

export interface Picture {
  title: string;
  subtitle?: readonly string[];
  charts: readonly Chart[];
  /** Panels per row (small multiples); by default as square a grid as the picture allows. */
  columns?: number;
  /** Title of the legend. */
  legend?: string;
}

export type VegaLiteSpec = Record<string, unknown>;

/**
 * Indices of the values drawn of `length` in order: all of them, or `max` evenly spaced ones with
 * both ends (a picture of a million points is one no viewer opens).
 */
export function evenlySpaced(length: number, max: number): number[] {
  if (length <= max) return Array.from({ length }, (_, i) => i);
  return Array.from({ length: max }, (_, k) => Math.round((k * (length - 1)) / (max - 1)));
}

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
/** Band opacity: light enough for the points and lines on it, visible in greyscale. */
const BAND_OPACITY = 0.22;
/** Room around each panel of small multiples: for its y axis, its x axis, and its title. */
const PANEL_LEFT = 78;
const PANEL_BOTTOM = 52;
const PANEL_TOP = 48;

/**
 * The Vega-Lite specification of a picture: one chart, or small multiples sharing one legend.
 * Panel sizes are a first estimate of `size`; the renderer (src/io/plot-file.ts) makes the picture
 * exactly `size`.
 */
export function plotSpec(picture: Picture, size: PlotSize): VegaLiteSpec {
  const names = seriesNames(picture.charts);
  const styles = styleTable(picture.charts, names);
  const single = picture.charts.length === 1;
  const columns = picture.columns ?? gridColumns(picture.charts.length, size);
  const rows = Math.ceil(picture.charts.length / columns);
  const top = pictureFrame(picture.title, picture.subtitle ?? [], size);
  const legendWidth = names.length > 0 ? Math.min(380, 60 + 7 * Math.max(...names.map((n) => n.length))) : 0;
  const titleHeight = 50 + 18 * ((top.title as { subtitle?: string[] }).subtitle?.length ?? 0);
  const panel: PlotSize = {
    width: Math.max(120, Math.floor((size.width - legendWidth - PANEL_LEFT * columns) / columns)),
    height: Math.max(90, Math.floor((size.height - titleHeight - (single ? 60 : PANEL_TOP + PANEL_BOTTOM) * rows) / rows)),
  };
  const style = (name: string) => seriesStyle(styles.get(name) ?? 0);
  const legend = { title: picture.legend ?? null, orient: 'right', symbolSize: 260, ...legendSymbols(picture.charts, names, style) };
  const panels = picture.charts.map((chart) => chartLayers(chart, names, style, panel, legend, single));
  if (single) return { ...top, ...panels[0]! };
  // Flush bounds: the grid is laid out by the panels' sizes alone, the spacing leaves room for each
  // panel's axes and title (which are cut to the panel's width).
  return { ...top, columns, concat: panels, bounds: 'flush', spacing: { row: PANEL_TOP + PANEL_BOTTOM, column: PANEL_LEFT }, resolve: { scale: { x: 'independent', y: 'independent' } } };
}

/** What every picture has at its top level: schema, title and subtitle (wrapped to the width), config. */
export function pictureFrame(title: string, subtitle: readonly string[], size: PlotSize): VegaLiteSpec {
  // Subtitles wrap at about 7 px a character (Lato at 14 px averages 6.5).
  const lines = subtitle.flatMap((line) => wrap(line, Math.floor((size.width - 40) / 7)));
  return { $schema: SCHEMA, title: { text: title, ...(lines.length > 0 ? { subtitle: lines } : {}) }, config: plotConfig(), padding: { left: 16, top: 16, right: 24, bottom: 16 } };
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Columns of a grid of n panels that keeps each panel about as wide as the picture's aspect. */
export function gridColumns(n: number, size: PlotSize): number {
  if (n <= 1) return 1;
  let best = 1;
  let bestScore = Infinity;
  for (let c = 1; c <= n; c++) {
    const r = Math.ceil(n / c);
    const aspect = size.width / c / (size.height / r);
    const score = Math.abs(Math.log(aspect / 1.5)) + 0.05 * (c * r - n);
    if (score < bestScore) {
      bestScore = score;
      best = c;
    }
  }
  return best;
}

function seriesNames(charts: readonly Chart[]): string[] {
  const names: string[] = [];
  for (const chart of charts) for (const s of chart.series) if (!names.includes(s.name)) names.push(s.name);
  return names;
}

/** Style index of each name: its own, or the one of the series it takes its colour from. */
function styleTable(charts: readonly Chart[], names: readonly string[]): Map<string, number> {
  const own = names.filter((name) => !charts.some((c) => c.series.some((s) => s.name === name && s.styleOf !== undefined && names.includes(s.styleOf))));
  const table = new Map<string, number>(own.map((name, i) => [name, i]));
  for (const chart of charts) for (const s of chart.series) if (s.styleOf !== undefined && !table.has(s.name)) table.set(s.name, table.get(s.styleOf) ?? table.size);
  return table;
}

/**
 * How each legend entry is drawn, as legend properties computed per entry (Vega evaluates them for
 * each symbol, with the entry's name as `datum.value`): a stroke with its dash for a line, its
 * shape for points (white inside when hollow), a light swatch for a band. Colour comes from the scale.
 */
function legendSymbols(charts: readonly Chart[], names: readonly string[], style: StyleOf): Record<string, unknown> {
  const all = charts.flatMap((c) => c.series);
  const entry = names.map((name) => {
    const series = all.filter((s) => s.name === name);
    if (series.some((s) => s.kind === 'line')) return { shape: 'stroke', dash: [...style(name).dash], opacity: 1, fill: null };
    if (series.some((s) => s.kind === 'points')) return { shape: style(name).shape, dash: [1, 0], opacity: 1, fill: series.some((s) => s.kind === 'points' && s.hollow) ? 'white' : null };
    return { shape: 'square', dash: [1, 0], opacity: BAND_OPACITY + 0.15, fill: null };
  });
  const pick = (key: keyof (typeof entry)[number]) => ({ expr: `${JSON.stringify(entry.map((e) => e[key]))}[indexof(${JSON.stringify(names)}, datum.value)]` });
  const hollow = entry.some((e) => e.fill !== null);
  return { symbolType: pick('shape'), symbolDash: pick('dash'), symbolOpacity: pick('opacity'), symbolStrokeWidth: 2.5, ...(hollow ? { symbolFillColor: pick('fill') } : {}) };
}

type StyleOf = (name: string) => ReturnType<typeof seriesStyle>;

function chartLayers(chart: Chart, names: readonly string[], style: StyleOf, size: PlotSize, legend: Record<string, unknown>, single: boolean): VegaLiteSpec {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const s of chart.series) {
    for (const v of s.values) {
      xs.push(v.x);
      if ('y' in v) ys.push(v.y);
      else ys.push(v.lower, v.upper);
    }
  }
  for (const rule of chart.rules ?? []) xs.push(rule.at);
  const x = axisEncoding(chart.x, xs);
  const y = axisEncoding(chart.y, ys);
  // One legend, on colour; dashes and shapes follow the same names without legends of their own.
  // (Each channel reads its own copy of the name: Vega-Lite would otherwise merge them into the legend.)
  const channel = (field: string, range: unknown[], withLegend: boolean) => ({ field, type: 'nominal', sort: null, scale: { domain: [...names], range }, legend: withLegend ? legend : null });
  const color = channel('series', names.map((n) => style(n).color), true);
  const dash = channel('dash', names.map((n) => [...style(n).dash]), false);
  const shape = channel('shape', names.map((n) => style(n).shape), false);
  const xEncoding = { field: 'x', type: 'quantitative', ...x };
  const yEncoding = { field: 'y', type: 'quantitative', ...y };
  const layers: VegaLiteSpec[] = [];
  /** A layer of series of one kind: dashes tell lines apart, shapes points; a band spans y to y2. */
  const layer = (series: readonly PlotSeries[], mark: Record<string, unknown>, by: 'dash' | 'shape' | 'band'): void => {
    if (series.length === 0) return;
    const values = series.flatMap((s) =>
      s.values.map((v) => {
        const row: Record<string, unknown> = 'y' in v ? { series: s.name, x: v.x, y: v.y } : { series: s.name, x: v.x, y: v.lower, y2: v.upper };
        if (by !== 'band') row[by] = s.name;
        return row;
      }),
    );
    const encoding = by === 'band' ? { y2: { field: 'y2' } } : by === 'dash' ? { strokeDash: dash } : { shape };
    layers.push({ data: { values }, mark, encoding: { x: xEncoding, y: yEncoding, color, ...encoding } });
  };
  const lines = chart.series.filter((s): s is LineSeries => s.kind === 'line');
  const points = chart.series.filter((s): s is PointSeries => s.kind === 'points');
  layer(chart.series.filter((s) => s.kind === 'band'), { type: 'area', opacity: BAND_OPACITY }, 'band');
  layer(lines.filter((s) => s.thin), { type: 'line', strokeWidth: 1.2, opacity: 0.7 }, 'dash');
  layer(lines.filter((s) => !s.thin), { type: 'line' }, 'dash');
  layer(points.filter((s) => s.hollow), { type: 'point', filled: false }, 'shape');
  // A white edge keeps a filled point visible on a line of its own colour (the planned model on its curve).
  const filled = { type: 'point', filled: true, opacity: 1, stroke: 'white', strokeWidth: 0.8 };
  layer(points.filter((s) => !s.hollow && !s.large), { ...filled, size: 60 }, 'shape');
  layer(points.filter((s) => !s.hollow && s.large), { ...filled, size: 150, strokeWidth: 1.5 }, 'shape');
  layers.push(...ruleLayers(chart.rules ?? [], chart.x, x.scale.domain as [number, number], size.width));

  const spec: VegaLiteSpec = { width: size.width, height: size.height, layer: layers };
  // A panel's title is cut to the panel's width, by vega (limit, kept in step by src/io/plot-file.ts)
  // and here too: vega places the legend by the title's uncut width.
  if (!single) {
    // Cut in the middle: panels of one picture often differ only at the end of their names
    // (task/exact_match, task/bleu).
    const cut = (text: string, px: number): string => {
      const keep = Math.max(2, Math.floor(size.width / px) - 1);
      return text.length * px > size.width ? `${text.slice(0, Math.ceil(keep / 2))}…${text.slice(text.length - Math.floor(keep / 2))}` : text;
    };
    const subtitle = (chart.subtitle ?? []).map((line) => cut(line, 5.9));
    spec.title = { text: cut(chart.title, 8.2), fontSize: 15, anchor: 'start', limit: size.width, ...(subtitle.length ? { subtitle, subtitleFontSize: 12 } : {}) };
  }
  return spec;
}

/** Average width of a rule label's character in pixels (Lato at 12.5 px), to keep labels inside the plot. */
const LABEL_CHAR_WIDTH = 6.6;

/**
 * Rules with their labels at the top of the plot, staggered one line apart, each to the right of its
 * rule unless it would run past the plot's right edge.
 */
export function ruleLayers(rules: readonly PlotRule[], axis: PlotAxis, domain: readonly [number, number], width: number): VegaLiteSpec[] {
  if (rules.length === 0) return [];
  const position = (at: number): number =>
    axis.scale === 'log' ? (Math.log10(at) - Math.log10(domain[0])) / (Math.log10(domain[1]) - Math.log10(domain[0])) : (at - domain[0]) / (domain[1] - domain[0]);
  const values = [...rules]
    .sort((a, b) => a.at - b.at)
    .map((r, i) => ({ at: r.at, label: r.label, dy: 14 + 16 * i, right: position(r.at) * width + 8 + LABEL_CHAR_WIDTH * r.label.length > width && position(r.at) > 0.5 }));
  const x = { field: 'at', type: 'quantitative' };
  // Each label twice: a white halo under it keeps it legible over lines and grid.
  const text = (right: boolean, halo: boolean): VegaLiteSpec => ({
    data: { values: values.filter((v) => v.right === right) },
    mark: { type: 'text', align: right ? 'right' : 'left', dx: right ? -5 : 5, baseline: 'middle', fontSize: 12.5, ...(halo ? { stroke: 'white', strokeWidth: 5, strokeJoin: 'round', color: 'white' } : { color: RULE_COLOR }) },
    encoding: { x, y: { field: 'dy', type: 'quantitative', scale: null }, text: { field: 'label' } },
  });
  const sides = [false, true].filter((right) => values.some((v) => v.right === right));
  return [
    { data: { values }, mark: { type: 'rule', color: RULE_COLOR, strokeDash: RULE_DASH, strokeWidth: 1.5 }, encoding: { x } },
    ...sides.map((right) => text(right, true)),
    ...sides.map((right) => text(right, false)),
  ];
}
