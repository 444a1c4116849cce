/**
 * `emerge simulate` for programs: CSV in long format (`series,scale,value`, one row per series and
 * scale, so that `grep`/`awk` pipelines stay simple) and JSON (the whole simulation: every series,
 * the summary, the report and the notes).
 */
import type { ScenarioConfig, Simulation } from '../core/simulate/index.js';
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
  law: Record<string, unknown>;
  referenceTokens: number;
}

/**
 * The JSON document: scenario, law, the configuration that ran, the shared scale, each series with
 * its values, the summary, markers, the scenario's report and the notes. Keys in snake_case.
 */
export function simulationRecord(input: SimulationRecordInput): Record<string, unknown> {
  const { simulation, config } = input;
  const { description, ...settings } = config;
  return {
    scenario: simulation.scenario,
    description: description ?? null,
    over: simulation.xLabel,
    law: input.law,
    reference_tokens: input.referenceTokens,
    config: snakeKeys(settings),
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
