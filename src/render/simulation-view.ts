/**
 * `emerge simulate` for people: what was simulated, the charts, the summary table (where each
 * series crosses 10%, 50% and 90% of its range and how many decades the rise takes) and the notes.
 */
import type { Crossing, SeriesSummary, SeriesUnit, Simulation, SweepConfig, SweepOver } from '../core/simulate/index.js';
import { renderSimulationCharts, type ChartOptions } from './simulation-chart.js';
import { formatCount, formatSci } from './format.js';
import type { Palette } from './palette.js';
import { renderTable } from './table.js';

export interface SimulationViewInput {
  simulation: Simulation;
  /** The scenario's one-paragraph description, if any. */
  description?: string;
  sweep: SweepConfig;
  /** Id of the scaling law (the engine read its constants). */
  law: string;
  referenceTokens: number;
}

export interface ViewOptions extends ChartOptions {
  /** Width at which paragraphs are wrapped. */
  textWidth: number;
  palette: Palette;
}

/** A scale on the swept axis: 28.4B parameters or tokens, 1.40e20 FLOPs. */
export function formatScaleOn(over: SweepOver, scale: number): string {
  return over === 'compute' || scale >= 1e15 ? formatSci(scale, 3).replace(/\.0+e/, 'e') : formatCount(scale);
}

/** A crossing as a scale, or "< from" / "> to" when the sweep starts above or never reaches the level. */
export function formatCrossing(crossing: Crossing | undefined, sweep: SweepConfig): string {
  if (crossing === undefined) return '–';
  if (crossing.position === 'before') return `< ${formatScaleOn(sweep.over, sweep.from)}`;
  if (crossing.position === 'after') return `> ${formatScaleOn(sweep.over, sweep.to)}`;
  return formatScaleOn(sweep.over, crossing.scale!);
}

/** A value of a series: percentages for fractions, decimals for standard deviations and losses. */
export function formatValue(unit: SeriesUnit, value: number): string {
  if (unit === 'sd') return value.toFixed(4);
  if (unit === 'nats') return value.toFixed(4);
  return `${(value * 100).toFixed(1)}%`;
}

/** Greedy word wrap at `width` columns, continuation lines indented by `indent`. */
export function wrapText(text: string, width: number, indent = ''): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (candidate.length > width && line !== '') {
      lines.push(line);
      line = `${indent}${word}`;
    } else line = candidate;
  }
  if (line !== '') lines.push(line);
  return lines.join('\n');
}

/** What was swept: "parameters 100M to 10T, 61 points, each trained on 300B tokens (the reference regime)". */
export function sweepText(sweep: SweepConfig, referenceTokens: number): string {
  const range = `${formatScaleOn(sweep.over, sweep.from)} to ${formatScaleOn(sweep.over, sweep.to)}, ${sweep.steps} points`;
  const quality = sweep.quality === 1 ? '' : `, data quality ×${sweep.quality}`;
  if (sweep.over === 'params') return `parameters ${range}, each trained on ${formatCount(sweep.tokens ?? referenceTokens)} tokens${sweep.tokens === undefined ? ' (the reference regime)' : ''}${quality}`;
  if (sweep.over === 'tokens') return `training tokens ${range}, at ${formatCount(sweep.params!)} parameters${quality}`;
  return `compute ${range} (FLOPs), compute-optimal N and D${quality}`;
}

/** The summary table: one row per series. */
export function renderSummaryTable(summary: readonly SeriesSummary[], sweep: SweepConfig): string {
  return renderTable({
    head: ['Series', 'Unit', 'Start', 'End', '10%', '50%', '90%', '10→90%'],
    rows: summary.map((s) => [
      s.name,
      s.unit,
      formatValue(s.unit, s.start),
      formatValue(s.unit, s.end),
      ...[0, 1, 2].map((k) => formatCrossing(s.crossings[k], sweep)),
      s.widthDecades === undefined ? '–' : `${s.widthDecades.toFixed(2)} dec`,
    ]),
    align: ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right'],
  });
}

/** `--list-scenarios`: each name with its one-line summary, wrapped beside it. */
export function renderScenarioList(entries: readonly { name: string; summary: string }[], textWidth: number): string {
  const pad = Math.max(...entries.map((e) => e.name.length)) + 2;
  const indent = ' '.repeat(pad);
  return entries.map((e) => `${e.name.padEnd(pad)}${wrapText(e.summary, textWidth - pad, '').split('\n').join(`\n${indent}`)}`).join('\n');
}

export function renderSimulation(input: SimulationViewInput, options: ViewOptions): string {
  const { simulation, sweep } = input;
  const { palette } = options;
  const parts: string[] = [];
  const prefix = `Scenario ${simulation.scenario}`;
  const first = wrapText(`${prefix}: sweep over ${sweepText(sweep, input.referenceTokens)}; law ${input.law}.`, options.textWidth);
  const head = [`${palette.bold(prefix)}${first.slice(prefix.length)}`];
  if (input.description) head.push(wrapText(input.description, options.textWidth));
  parts.push(head.join('\n'));
  const charts = renderSimulationCharts(simulation, options);
  if (charts.text !== '') parts.push(charts.text);
  parts.push(
    `${renderSummaryTable(simulation.summary, sweep)}\n${palette.dim(wrapText('Crossings of 10%, 50% and 90% of each series\' range (floor to ceiling), interpolated in log scale; "<" the series starts above the level, ">" it never reaches it inside the sweep; 10→90%: decades of scale between the two crossings (smaller is sharper).', options.textWidth))}`,
  );
  const notes = [...simulation.notes, ...charts.notes];
  if (notes.length > 0) parts.push(notes.map((note) => `- ${wrapText(note, options.textWidth - 2, '  ')}`).join('\n'));
  return `${parts.join('\n\n')}\n`;
}
