/**
 * The picture of `emerge predict --plot`: the probability of each ability (the lines of the ASCII
 * chart) across effective size, with each planned model as a rule and its probabilities as points.
 */
import type { Ability } from '../../core/catalog.js';
import { columnPositions } from '../chart.js';
import { formatSci } from '../format.js';
import { probabilityCurves, type ProbabilityAt, type SizeMarker } from '../probability-chart.js';
import type { Picture, PlotSeries } from './chart.js';

/** Points per decade of the drawn curves. */
const RESOLUTION = 40;

export function predictPicture(abilities: Ability[], markers: SizeMarker[], context: { law: string; referenceTokens: number }, probabilityAt: ProbabilityAt): Picture {
  const { lines, xMin, xMax, left } = probabilityCurves(abilities, markers);
  const grid = columnPositions(xMin, xMax, (xMax - xMin) * RESOLUTION + 1).map((d) => 10 ** d);
  const placed = markers.filter((m) => Number.isFinite(m.size));
  const series: PlotSeries[] = lines.flatMap(({ name, ability }): PlotSeries[] => [
    { kind: 'line', name, values: grid.map((x) => ({ x, y: probabilityAt(ability, x) })) },
    { kind: 'points', name, large: true, values: placed.map((m) => ({ x: m.size, y: probabilityAt(ability, m.size) })) },
  ]);
  const widths = [...new Set(lines.map((l) => l.ability.curve.width))];
  const subtitle = [
    `P: logistic in the margin to each ability's threshold (width ${widths.length === 1 ? `${widths[0]} decades` : 'per ability'}): log10(N_eff/N_c) below it, the loss margin above it; dots: the planned models. Law ${context.law}.`,
  ];
  const beyond = markers.filter((m) => !Number.isFinite(m.size));
  if (beyond.length > 0) subtitle.push(`Not drawn: ${beyond.map((m) => m.label).join('; ')}.`);
  if (left > 0) subtitle.push(`${left} more curves not drawn; choose abilities with --ability.`);
  return {
    title: 'Probability of emergence across effective size',
    subtitle,
    legend: 'ability',
    charts: [
      {
        title: 'Probability of emergence across effective size',
        x: { title: `effective parameters N_eff (same loss at ${formatSci(context.referenceTokens, 1).replace('.0', '')} tokens, where the thresholds were observed)`, scale: 'log', format: 'count', domain: [10 ** xMin, 10 ** xMax] },
        y: { title: 'probability of emergence', scale: 'linear', format: 'percent', domain: [0, 1] },
        series,
        rules: placed.map((m) => ({ at: m.size, label: m.label })),
      },
    ],
  };
}
