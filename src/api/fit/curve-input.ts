/**
 * Task scores in long format (one row per model, task and metric; the layout of
 * fixtures/emergence_obsscaling_bigbench.csv) → ScoreRows on the chosen x axis.
 */
import type { ScaleAxis, ScoreRow } from '../../core/curve-fit/index.js';
import { loss, type ScalingLaw } from '../../core/scaling-law.js';
import { InputError } from '../../errors.js';
import type { CsvSource } from '../../io/csv-input.js';
import { COMPUTE, PARAMS, TOKENS, parseFileQuantity, parseQuantity, quoteUserText, type Range } from '../../io/numbers.js';
import { findScoreColumns } from '../../io/score-columns.js';

export interface ScoreInput {
  file: string;
  axis: ScaleAxis;
  /** How the scale was obtained, for the report: "training_flop", "6·params·training_tokens", "loss under besiroglu2024". */
  scaleSource: string;
  /** The cells the scale needs, for messages: "training_flop", "params and training_tokens". */
  scaleCells: string;
  /** Names of the grouping columns (keys of ScoreRow.group). */
  groupColumns: string[];
  rows: ScoreRow[];
  /** Data rows read (with or without a scale). */
  rowCount: number;
  /** Rows left out because the scale could not be known (an empty cell), and their models. */
  missingScale: { rows: number; models: Set<string> };
}

export interface ScoreReadRequest {
  explicit: Record<string, string>;
  /** --x; undefined: params, else compute, else tokens, whichever column exists. */
  axis: ScaleAxis | undefined;
  /** For --x loss. */
  law: ScalingLaw;
  /** --group, comma-separated column names; undefined: task, subtask, metric (those present). */
  group: string | undefined;
}

const DEFAULT_GROUP = ['task', 'subtask', 'metric'];

/**
 * Reads every row. Cells that cannot be numbers are errors naming the file and line; an empty scale
 * leaves the row out (counted in `missingScale`); an empty score is kept as NaN (the grouping drops and
 * counts it).
 * @throws InputError for a missing column or a bad cell
 */
export async function readScores(csv: CsvSource, request: ScoreReadRequest): Promise<ScoreInput> {
  const { file, header } = csv;
  const columns = findScoreColumns(header, request.explicit);
  const headerText = quoteUserText(header.join(','));
  if (columns.score === undefined) throw new InputError(file, 1, `no score column in the header ${headerText}; name it with --columns score=...`);
  const axis = request.axis ?? (columns.params !== undefined ? 'params' : columns.compute !== undefined ? 'compute' : columns.tokens !== undefined ? 'tokens' : undefined);
  if (axis === undefined) {
    throw new InputError(file, 1, `no scale column (params, compute or training_flop, tokens) in the header ${headerText}; name one with --columns params=...`);
  }
  const scaleOf = scaleReader(file, header, columns, axis, request.law);
  const groupColumns = groupColumnIndexes(file, header, columns, request.group);

  const rows: ScoreRow[] = [];
  const missingScale = { rows: 0, models: new Set<string>() };
  let rowCount = 0;
  for await (const { cells, line } of csv.records) {
    rowCount++;
    const model = columns.model !== undefined && cells[columns.model] !== '' ? cells[columns.model]! : `line ${line}`;
    const scale = scaleOf.read(cells, line);
    if (Number.isNaN(scale)) {
      missingScale.rows++;
      missingScale.models.add(model);
      continue;
    }
    const group: Record<string, string> = {};
    for (const [name, index] of groupColumns) group[name] = cells[index]!;
    const row: ScoreRow = { group, model, scale, score: optionalNumber(file, line, header[columns.score]!, cells[columns.score]!) ?? NaN };
    if (columns.baseline !== undefined) {
      const baseline = optionalNumber(file, line, header[columns.baseline]!, cells[columns.baseline]!);
      if (baseline !== undefined) row.baseline = baseline;
    }
    rows.push(row);
  }
  if (rowCount === 0) throw new InputError(file, undefined, 'has a header but no rows of scores');
  return { file, axis, scaleSource: scaleOf.source, scaleCells: scaleOf.cells, groupColumns: groupColumns.map(([name]) => name), rows, rowCount, missingScale };
}

/** A number from a cell, undefined when the cell is empty. */
export function optionalNumber(file: string, line: number, field: string, cell: string): number | undefined {
  if (cell === '') return undefined;
  const value = parseQuantity(cell);
  if (value === undefined || !Number.isFinite(value)) throw new InputError(file, line, `${field}: ${quoteUserText(cell)} is not a finite number`);
  return value;
}

interface ScaleReader {
  source: string;
  cells: string;
  /** The row's scale on the axis, NaN when a needed cell is empty. */
  read(cells: string[], line: number): number;
}

/** How to get the scale of a row on `axis` from the columns there are (C = 6·N·D when needed). */
function scaleReader(file: string, header: readonly string[], columns: Record<string, number | undefined>, axis: ScaleAxis, law: ScalingLaw): ScaleReader {
  const cell = (role: 'params' | 'tokens' | 'compute', range: Range) => {
    const index = columns[role]!;
    return (cells: string[], line: number): number => (cells[index] === '' ? NaN : parseFileQuantity(cells[index], range, { file, line, field: header[index]! }));
  };
  const has = (role: string): boolean => columns[role] !== undefined;
  const missing = (needs: string): never => {
    throw new InputError(file, 1, `--x ${axis} needs ${needs} in the header ${quoteUserText(header.join(','))}; name them with --columns`);
  };
  const params = has('params') ? cell('params', PARAMS) : undefined;
  const tokens = has('tokens') ? cell('tokens', TOKENS) : undefined;
  const compute = has('compute') ? cell('compute', COMPUTE) : undefined;
  const name = (role: string): string => header[columns[role]!]!;

  if (axis === 'params') {
    if (!params) return missing('a params column (params, N, model_size)');
    return { source: name('params'), cells: name('params'), read: params };
  }
  if (axis === 'compute') {
    if (compute) return { source: name('compute'), cells: name('compute'), read: compute };
    if (!params || !tokens) return missing('a compute column (compute, training_flop, flops), or params and tokens');
    return { source: `6·${name('params')}·${name('tokens')}`, cells: `${name('params')} and ${name('tokens')}`, read: (c, l) => 6 * params(c, l) * tokens(c, l) };
  }
  if (axis === 'tokens') {
    if (tokens) return { source: name('tokens'), cells: name('tokens'), read: tokens };
    if (!params || !compute) return missing('a tokens column (tokens, D, training_tokens), or params and compute');
    return { source: `${name('compute')}/(6·${name('params')})`, cells: `${name('params')} and ${name('compute')}`, read: (c, l) => compute(c, l) / (6 * params(c, l)) };
  }
  if (!params || (!tokens && !compute)) return missing('params and tokens (or params and compute) columns to predict the loss');
  const tokensOf = tokens ?? ((c: string[], l: number) => compute!(c, l) / (6 * params(c, l)));
  return { source: `loss under ${law.id}`, cells: `${name('params')} and ${tokens ? name('tokens') : name('compute')}`, read: (c, l) => loss(law, params(c, l), tokensOf(c, l)) };
}

/** The grouping columns as [key, index] pairs. */
export function groupColumnIndexes(file: string, header: readonly string[], columns: Record<string, number | undefined>, group: string | undefined): [string, number][] {
  if (group === undefined) return DEFAULT_GROUP.filter((role) => columns[role] !== undefined).map((role) => [role, columns[role]!]);
  const lower = header.map((h) => h.toLowerCase());
  return group
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '')
    .map((name): [string, number] => {
      const byRole = DEFAULT_GROUP.includes(name.toLowerCase()) || name.toLowerCase() === 'model' ? columns[name.toLowerCase()] : undefined;
      const index = byRole ?? lower.indexOf(name.toLowerCase());
      if (index < 0) throw new InputError(file, 1, `--group: no column ${quoteUserText(name)} in the header ${quoteUserText(header.join(','))}`);
      return [name, index];
    });
}
