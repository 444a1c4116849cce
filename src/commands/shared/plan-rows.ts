/**
 * `--input FILE|-`: planned models, one per CSV row (columns params, optional tokens and name),
 * read as a stream.
 */
import { UsageError } from '../../errors.js';
import { findColumns, openCsv, type CsvSource } from '../../io/csv-input.js';
import { PARAMS, TOKENS, parseFileQuantity, parseQuantity, rangeProblem, type Range } from '../../io/numbers.js';
import type { CommandContext } from '../context.js';
import type { ModelSpec } from '../../api/predict/plan.js';
import type { PlanSettings, PlannedSpec } from './settings.js';
import { fromFile } from '../../api/predict/where.js';

export interface PlanRow extends PlannedSpec {
  file: string;
  line: number;
}

/** The rows of the CSV one by one. */
export async function* readPlanRows(path: string, settings: PlanSettings, ctx: CommandContext): AsyncGenerator<PlanRow> {
  const { csv, planRow } = await openPlans(path, settings, ctx);
  for await (const { cells, line } of csv.records) yield planRow(cells, line);
}

/**
 * Each row of the CSV handed to `onRow` as it is read, `afterChunk` awaited after each chunk of
 * input (CsvSource.forEach): a batch of a million rows keeps none of them.
 */
export async function forEachPlanRow(path: string, settings: PlanSettings, ctx: CommandContext, onRow: (row: PlanRow) => void, afterChunk: () => Promise<void>): Promise<void> {
  const { csv, planRow } = await openPlans(path, settings, ctx);
  await csv.forEach((cells, line) => onRow(planRow(cells, line)), afterChunk);
}

/** Opens the CSV and finds its columns; `planRow` reads one record. */
async function openPlans(path: string, settings: PlanSettings, ctx: CommandContext): Promise<{ csv: CsvSource; planRow: (cells: string[], line: number) => PlanRow }> {
  const csv = await openCsv(path, ctx.stdin);
  const columns = findColumns(csv.header, ['params', 'tokens', 'name']);
  const paramsColumn = columns.params;
  if (paramsColumn === undefined) {
    throw new UsageError(`--input: ${csv.file} has no params column (header: ${csv.header.join(',')}); name one params, N or model_size`);
  }
  const tokensColumn = columns.tokens;
  const nameColumn = columns.name;
  const quality = settings.quality;
  // Parsed with the fast path of parseQuantity; a problem is reported by parseFileQuantity, which
  // names the file, line and column.
  const cell = (cells: string[], column: number, range: Range, line: number): number => {
    const value = parseQuantity(cells[column]!);
    return value !== undefined && rangeProblem(value, range) === undefined ? value : parseFileQuantity(cells[column], range, { file: csv.file, line, field: csv.header[column]! });
  };
  const planRow = (cells: string[], line: number): PlanRow => {
    const spec: ModelSpec = { params: cell(cells, paramsColumn, PARAMS, line) };
    if (tokensColumn !== undefined && cells[tokensColumn] !== '') spec.tokens = cell(cells, tokensColumn, TOKENS, line);
    if (nameColumn !== undefined && cells[nameColumn] !== '') spec.name = cells[nameColumn]!;
    if (quality) {
      spec.quality = quality.value;
      if (quality.label !== undefined) spec.qualityLabel = quality.label;
    }
    return { spec, where: fromFile(csv.file, line), file: csv.file, line };
  };
  return { csv, planRow };
}
