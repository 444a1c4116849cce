/**
 * The picture of `emerge simulate --plot`: the charts of the terminal view as small multiples, one
 * panel per kind of value (probabilities and scores, accuracies, similarities, standard deviations,
 * losses), the same lines (identical series drawn once, named together, at most 12 a panel) and the
 * simulation's markers as labelled rules. A percentile band (finite-eval) is shaded; single trials
 * are thin lines.
 */
import type { Marker, Series, SeriesUnit, Simulation } from '../../core/simulate/index.js';
import { AXIS_NAMES, distinctLines, GROUPS, joinNames } from '../simulation-chart.js';
import { evenlySpaced, type Chart, type Picture, type PlotRule, type PlotSeries } from './chart.js';
import type { PlotAxis } from './axis.js';

/** At most this many lines in a panel (more than the terminal's 8: colours, dashes and the legend tell 12 apart). */
const MAX_LINES = 12;
/** At most this many rules in a panel (markers at the same scale share one). */
const MAX_RULES = 6;

export function simulationPicture(simulation: Simulation, context: { sweep: string; description?: string }): Picture {
  const charts: Chart[] = [];
  const notes: string[] = [];
  const x = xAxis(simulation);
  for (const group of GROUPS) {
    const members = simulation.series.filter((s) => group.units.includes(s.unit));
    if (members.length === 0) continue;
    const band = percentileBand(simulation, members);
    const lines = distinctLines(members.filter((s) => !band?.parts.includes(s)));
    const shown = lines.slice(0, MAX_LINES);
    const left = lines.length - shown.length;
    if (left > 0) notes.push(`${group.title}: ${left} more line${left === 1 ? '' : 's'} not drawn; choose fewer with --ability, or see them all with --format csv.`);
    const series: PlotSeries[] = [];
    if (band) series.push(band.series);
    for (const line of shown) {
      const name = joinNames(line.names);
      series.push({ kind: 'line', name, values: xy(line.series), ...(/^trial-\d+$/.test(line.names[0]!) ? { thin: true } : {}) });
    }
    const drawn = new Set(shown.flatMap((l) => l.names).concat(band ? band.parts.map((s) => s.name) : []));
    charts.push({ title: `${group.title} across ${AXIS_NAMES[simulation.xLabel]}`, x, y: yAxis(group.units, group.title), series, rules: rules(simulation.markers, drawn, charts.length === 0) });
  }
  return {
    title: `Scenario ${simulation.scenario}`,
    subtitle: [context.sweep, ...(context.description ? [context.description] : []), ...notes],
    legend: 'series',
    charts,
    columns: 1,
  };
}

/** At most this many points of a series are drawn (a sweep of a million steps is a curve of 1,500 points, ends kept). */
const MAX_POINTS = 1500;

function xy(series: Series): { x: number; y: number }[] {
  return evenlySpaced(series.x.length, MAX_POINTS).map((i) => ({ x: series.x[i]!, y: series.y[i]! }));
}

/** The swept scale, from its first to its last point. */
function xAxis(simulation: Simulation): PlotAxis {
  const over = simulation.xLabel;
  const x = simulation.series[0]?.x ?? [1, 10];
  const unit = over === 'compute' ? ' (FLOPs)' : '';
  return { title: `${AXIS_NAMES[over]}${unit}`, scale: 'log', format: over === 'compute' ? 'flops' : 'count', domain: [x[0]!, x[x.length - 1]!] };
}

function yAxis(units: readonly SeriesUnit[], title: string): PlotAxis {
  if (units.includes('nats')) return { title: 'loss (nats/token)', scale: 'linear', format: 'decimal' };
  if (units.includes('sd')) return { title: 'standard deviation of the score', scale: 'linear', format: 'decimal' };
  return { title: title.toLowerCase(), scale: 'linear', format: 'percent', domain: [0, 1] };
}

/** finite-eval's percentile series (p5 and p95 by default) as one shaded band. */
function percentileBand(simulation: Simulation, members: readonly Series[]): { series: PlotSeries; parts: Series[] } | undefined {
  if (simulation.scenario !== 'finite-eval') return undefined;
  const parts = members.filter((s) => /^p\d+(\.\d+)?$/.test(s.name));
  if (parts.length !== 2) return undefined;
  const [low, high] = [...parts].sort((a, b) => Number(a.name.slice(1)) - Number(b.name.slice(1))) as [Series, Series];
  return {
    parts,
    series: { kind: 'band', name: `${low.name}–${high.name} of the evaluations`, styleOf: 'mean', values: evenlySpaced(low.x.length, MAX_POINTS).map((i) => ({ x: low.x[i]!, lower: low.y[i]!, upper: high.y[i]! })) },
  };
}

/** Markers of the series drawn (and markers of no series, in the first panel), merged by scale. */
function rules(markers: readonly Marker[], drawn: ReadonlySet<string>, first: boolean): PlotRule[] {
  const byScale = new Map<number, string[]>();
  for (const m of markers) {
    if (m.series === undefined ? !first : !drawn.has(m.series)) continue;
    const labels = byScale.get(m.scale) ?? [];
    if (!labels.includes(m.label)) labels.push(m.label);
    byScale.set(m.scale, labels);
  }
  return [...byScale].slice(0, MAX_RULES).map(([at, labels]) => ({ at, label: joinNames(labels) }));
}
