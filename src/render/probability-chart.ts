/**
 * The chart of `emerge predict --chart`: the probability of abilities across (effective) model size,
 * with the planned models marked.
 */
import type { Ability } from '../core/catalog.js';
import { columnPositions, renderChart } from './chart.js';
import { formatCount } from './format.js';

export interface SizeMarker {
  /** Effective size N_eff (Infinity beyond the reference regime). */
  size: number;
  label: string;
}

const MAX_LINES = 8;

/** Abilities with the same threshold and curve share a line, named together; at most 8 lines. */
export function probabilityCurves(abilities: Ability[], markers: SizeMarker[]): { lines: { name: string; ability: Ability }[]; xMin: number; xMax: number; left: number } {
  const groups = new Map<string, Ability[]>();
  for (const ability of abilities) {
    const key = JSON.stringify([ability.thresholdParams, ability.curve]);
    groups.set(key, [...(groups.get(key) ?? []), ability]);
  }
  const shown = [...groups.values()].slice(0, MAX_LINES);
  const finite = markers.map((m) => m.size).filter(Number.isFinite);
  const decades = [...shown.map((g) => Math.log10(g[0]!.thresholdParams)), ...finite.map(Math.log10)];
  return {
    lines: shown.map((group) => ({ name: group.length > 2 ? `${group[0]!.id}, ${group[1]!.id} +${group.length - 2}` : group.map((a) => a.id).join(', '), ability: group[0]! })),
    xMin: Math.floor(Math.min(...decades) - 1.5),
    xMax: Math.ceil(Math.max(...decades) + 1.5),
    left: groups.size - shown.length,
  };
}

/** An ability's probability at an effective size, as `emerge predict` judges it (assess.ts). */
export type ProbabilityAt = (ability: Ability, effectiveSize: number) => number;

/**
 * One line per distinct curve (abilities with the same threshold and shape share a line, named
 * together), at most 8; returns the chart and a note when lines were left out. `probabilityAt`
 * gives each line's values, so that chart and table agree.
 */
export function renderProbabilityChart(
  abilities: Ability[],
  markers: SizeMarker[],
  options: { width: number; height: number; color: boolean },
  probabilityAt: ProbabilityAt,
): { chart: string; note?: string } {
  const { lines, xMin, xMax, left } = probabilityCurves(abilities, markers);
  const xs = columnPositions(xMin, xMax, options.width);
  const chart = renderChart({
    xMin,
    xMax,
    xTick: (d) => formatCount(10 ** d),
    lines: lines.map(({ name, ability }) => ({ name, values: xs.map((x) => probabilityAt(ability, 10 ** x)) })),
    markers: markers.map((m) => ({ x: Number.isFinite(m.size) ? Math.log10(m.size) : Infinity, label: m.label })),
    yMin: 0,
    yMax: 1,
    height: options.height,
    yFormat: (y) => `${Math.round(y * 100)}%`,
    color: options.color,
  });
  return left > 0 ? { chart, note: `${left} more curves not drawn; choose abilities with --ability` } : { chart };
}
