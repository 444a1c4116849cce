/**
 * Which rows of a training-runs CSV are checkpoints of the same run, for the bootstrap: a run column
 * names it; without one, a step column shows it (a run is consecutive rows of one parameter count
 * whose step increases, as a log of every checkpoint of every run is written). Without either, every
 * row is its own unit.
 */
import type { Clusters } from '../../core/fit/one-step-bootstrap.js';
import { InputError } from '../../errors.js';
import { findColumns } from '../../io/csv-input.js';
import { parseFileQuantity, type Range } from '../../io/numbers.js';

/** Headers recognised (case-insensitive) as the run of a row and as its training step. */
export const RUN_HEADERS = ['run', 'run_id', 'run_name'];
export const STEP_HEADERS = ['step', 'steps', 'iteration'];

const STEP: Range = { min: 0, max: 1e15, what: 'a training step', example: '1000' };

/** How rows are grouped into runs: a description for the report and the key of each row, in file order. */
export interface RunGrouping {
  description: string;
  keyOf(cells: readonly string[], line: number, params: number): string;
}

/** The grouping the header allows, or null (rows are independent units). */
export function runGrouping(file: string, header: readonly string[]): RunGrouping | null {
  const run = columnIndex(header, RUN_HEADERS);
  if (run !== undefined) {
    const name = header[run]!;
    return {
      description: `column ${name}`,
      keyOf: (cells, line) => {
        const id = (cells[run] ?? '').trim();
        if (id === '') throw new InputError(file, line, `${name}: empty; every row needs the run it belongs to`);
        return id;
      },
    };
  }
  const step = columnIndex(header, STEP_HEADERS);
  if (step === undefined) return null;
  const name = header[step]!;
  let block = -1;
  let lastParams = Number.NaN;
  let lastStep = Number.NaN;
  return {
    description: `column ${name} (a run: consecutive rows of one params value with increasing ${name})`,
    keyOf: (cells, line, params) => {
      const value = parseFileQuantity(cells[step], STEP, { file, line, field: name });
      // Equal to rounding: params derived as compute/(6·tokens) differ in the last bits between checkpoints.
      if (!(Math.abs(params - lastParams) <= 1e-9 * params) || !(value > lastStep)) block++;
      lastParams = params;
      lastStep = value;
      return `#${block}`;
    },
  };
}

/** Rows → runs by their keys, numbered in order of first appearance; null without keys. */
export function runClusters(keys: readonly (string | undefined)[]): Clusters | null {
  if (keys.length === 0 || keys[0] === undefined) return null;
  const ids = new Map<string, number>();
  const index = new Uint32Array(keys.length);
  keys.forEach((key, i) => {
    let id = ids.get(key!);
    if (id === undefined) {
      id = ids.size;
      ids.set(key!, id);
    }
    index[i] = id;
  });
  return { index, count: ids.size };
}

/** The first of `names` in the header (findColumns, one name at a time). */
function columnIndex(header: readonly string[], names: readonly string[]): number | undefined {
  return names.map((name) => findColumns(header, ['column'], { column: name }).column).find((i) => i !== undefined);
}
