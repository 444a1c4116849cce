/**
 * `emerge simulate` for programs: CSV in long format (`series,scale,value`, one row per series and
 * scale, so that `grep`/`awk` pipelines stay simple) and JSON (the whole simulation: every series,
 * the summary, the report and the notes).
 */
import type { Marker, ScenarioConfig, SeriesUnit, Simulation } from '../core/simulate/index.js';
import type { LawRecord } from './prediction-record.js';
import { csvCell } from './csv.js';
import { formatCsvNumber } from './format.js';

export const SIMULATION_CSV_HEADER = ['series', 'scale', 'value'] as const;

/** Rows per chunk of CSV text (a chunk is about 100 KB). */
const ROWS_PER_CHUNK = 2048;

/**
 * The CSV document in chunks of text, header first: rows of the first series over every scale, then
 * the next series. Numbers are the shortest text that reads back as the same double.
 */
export function* simulationCsvChunks(simulation: Simulation): Generator<string> {
  yield `${SIMULATION_CSV_HEADER.join(',')}\n`;
  // Every series of a simulation shares its x: format the scales once.
  let scales: string[] = [];
  let scalesOf: Float64Array | undefined;
  for (const series of simulation.series) {
    if (series.x !== scalesOf) {
      scalesOf = series.x;
      scales = Array.from(series.x, formatCsvNumber);
    }
    const name = csvCell(series.name);
    const { y } = series;
    for (let start = 0; start < y.length; start += ROWS_PER_CHUNK) {
      const end = Math.min(y.length, start + ROWS_PER_CHUNK);
      let text = '';
      for (let i = start; i < end; i++) text += `${name},${scales[i]},${formatCsvNumber(y[i]!)}\n`;
      yield text;
    }
  }
}

/** camelCase keys to snake_case, recursively (the other commands' JSON uses snake_case). */
export function snakeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(snakeKeys);
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), snakeKeys(v)]));
  }
  return value;
}

export interface SimulationRecordInput {
  simulation: Simulation;
  /** The scenario configuration that ran (after flags), as the engine read it. */
  config: ScenarioConfig;
  law: LawRecord;
  referenceTokens: number;
}

/** One series of a simulation's JSON: its values at each point of the shared scale. */
export interface SeriesRecord {
  name: string;
  label: string;
  unit: SeriesUnit;
  /** The nominal range of the values (e.g. [0, 1] for a probability), when it has one. */
  range: readonly [number, number] | null;
  /** The threshold the series rises around (in scale units), when it has one. */
  threshold: number | null;
  values: number[];
}

/** The JSON document of `emerge simulate --format json` (keys in snake_case). */
export interface SimulationRecord {
  scenario: string;
  description: string | null;
  /** The axis swept: its label (parameters, training FLOPs or tokens). */
  over: string;
  law: LawRecord;
  reference_tokens: number;
  /** The scenario's configuration as it ran (after the options). */
  config: Record<string, unknown>;
  /** The points of the sweep, in the units of `over`. */
  scale: number[];
  series: SeriesRecord[];
  /** Per series: where it crosses 10%, 50% and 90% of its range, and its rise width. */
  summary: unknown;
  markers: Marker[];
  /** What the scenario measured (its own fields). */
  report: unknown;
  notes: string[];
}

/**
 * The JSON document: scenario, law, the configuration that ran, the shared scale, each series with
 * its values, the summary, markers, the scenario's report and the notes. Keys in snake_case.
 */
export function simulationRecord(input: SimulationRecordInput): SimulationRecord {
  const { simulation, config } = input;
  const { description, ...settings } = config;
  return {
    scenario: simulation.scenario,
    description: description ?? null,
    over: simulation.xLabel,
    law: input.law,
    reference_tokens: input.referenceTokens,
    config: snakeKeys(settings) as Record<string, unknown>,
    scale: Array.from(simulation.series[0]?.x ?? []),
    series: simulation.series.map((s) => ({
      name: s.name,
      label: s.label,
      unit: s.unit,
      range: s.range ?? null,
      threshold: s.threshold ?? null,
      values: Array.from(s.y),
    })),
    summary: snakeKeys(simulation.summary),
    markers: simulation.markers,
    report: snakeKeys(simulation.report),
    notes: simulation.notes,
  };
}
