/**
 * The picture of `emerge thresholds --plot`: the catalog on a parameter axis, one row per ability
 * (smallest threshold at the top), its threshold N_c as a point coloured by category, the window in
 * which it counts as emerging (one curve width below N_c) as a light bar, the seed's size bands
 * (§2.1.3) as labelled segments where the catalog has them, and the planned models as rules.
 */
import type { Ability } from '../../core/catalog.js';
import type { PlotRule } from './chart.js';
import { pictureFrame, ruleLayers, type VegaLiteSpec } from './chart.js';
import { axisEncoding, logDomain, type PlotAxis } from './axis.js';
import { seriesStyle, type PlotSize } from './style.js';

export function thresholdsSpec(abilities: readonly Ability[], models: readonly PlotRule[], context: { law: string; referenceTokens: number; lang: 'en' | 'zh' }, size: PlotSize): VegaLiteSpec {
  const rows = [...abilities].sort((a, b) => a.thresholdParams - b.thresholdParams || a.id.localeCompare(b.id));
  const categories = [...new Set(rows.map((a) => a.category))];
  const window = (a: Ability) => [a.thresholdParams * 10 ** -a.curve.width, a.thresholdParams] as const;
  const x: PlotAxis = { title: `threshold N_c (parameters, in the reference regime of ${context.referenceTokens.toExponential(0).replace('e+', 'e')} tokens)`, scale: 'log', format: 'count' };
  x.domain = logDomain([...rows.flatMap((a) => [...window(a), a.thresholdParams * 3]), ...models.map((m) => m.at)]);
  const [lo, hi] = x.domain;
  const xEncoding = { field: 'x', type: 'quantitative', ...axisEncoding(x, []) };
  const name = (a: Ability) => (context.lang === 'zh' ? `${a.name.zh} (${a.id})` : a.id);
  const y = { field: 'ability', type: 'nominal', sort: rows.map(name), scale: { domain: rows.map(name) }, title: null, axis: { labelLimit: 360, labelFontSize: 12, grid: true, gridColor: '#f0f0f0', ticks: false } };
  const color = {
    field: 'category',
    type: 'nominal',
    sort: null,
    scale: { domain: categories, range: categories.map((_, i) => seriesStyle(i).color) },
    legend: { title: 'category', orient: 'right', symbolSize: 140, symbolOpacity: 1 },
  };
  const shape = { field: 'category', type: 'nominal', sort: null, scale: { domain: categories, range: categories.map((_, i) => seriesStyle(i).shape) } };
  const bands = rows.flatMap((a) =>
    (a.bands ?? []).map((b, i) => ({
      ability: name(a),
      x: Math.max(lo, b.fromParams ?? lo),
      x2: Math.min(hi, b.toParams ?? hi),
      label: context.lang === 'zh' ? b.label.zh : b.label.en,
      shade: i % 2,
    })),
  );
  const layers: VegaLiteSpec[] = [
    {
      data: { values: rows.map((a) => ({ ability: name(a), category: a.category, x: window(a)[0], x2: window(a)[1] })) },
      mark: { type: 'bar', height: 7, opacity: 0.3 },
      encoding: { x: xEncoding, x2: { field: 'x2' }, y, color },
    },
  ];
  if (bands.length > 0) {
    layers.push(
      {
        data: { values: bands },
        mark: { type: 'bar', height: 14, stroke: 'white', strokeWidth: 1 },
        encoding: { x: xEncoding, x2: { field: 'x2' }, y, fill: { field: 'shade', type: 'nominal', scale: { domain: [0, 1], range: ['#e3e3e3', '#cfcfcf'] }, legend: null } },
      },
      {
        data: { values: bands.map((b) => ({ ...b, x: Math.sqrt(b.x * b.x2) })) },
        mark: { type: 'text', fontSize: 10.5, color: '#333333', baseline: 'middle' },
        encoding: { x: xEncoding, y, text: { field: 'label' } },
      },
    );
  }
  layers.push(
    {
      data: { values: rows.map((a) => ({ ability: name(a), category: a.category, x: a.thresholdParams, source: a.source })) },
      mark: { type: 'point', filled: true, size: 80, opacity: 0.95 },
      encoding: { x: xEncoding, y, color, shape },
    },
  );
  const subtitle = [
    `Point: the threshold N_c of each ability (seed §2, §5.1; Wei et al. 2022, Table 1); bar: emerging, within one curve width below N_c${bands.length > 0 ? '; grey segments: the seed\'s size bands (§2.1.3)' : ''}${models.length > 0 ? '; rules: the planned models at their effective size' : ''}. Law ${context.law}.`,
  ];
  const frame = pictureFrame(`Emergence thresholds of ${rows.length} abilities`, subtitle, size);
  const titleHeight = 60 + 18 * ((frame.title as { subtitle?: string[] }).subtitle?.length ?? 0);
  const width = size.width - 520;
  return { ...frame, width, height: Math.max(120, size.height - titleHeight - 60), layer: [...layers, ...ruleLayers(models, x, x.domain, width)] };
}
