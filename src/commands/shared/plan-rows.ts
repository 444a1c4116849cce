/**
 * `--input FILE|-`: planned models, one per CSV row (columns params, optional tokens and name),
 * read as a stream.
 */
import { UsageError } from '../../errors.js';
import { findColumns, openCsv } from '../../io/csv-input.js';
import { PARAMS, TOKENS, parseFileQuantity } from '../../io/numbers.js';
import type { CommandContext } from '../context.js';
import type { ModelSpec } from './plan.js';
import type { PlanSettings, PlannedSpec } from './settings.js';
import { fromFile } from './where.js';

export interface PlanRow extends PlannedSpec {
  file: string;
  line: number;
}

export async function* readPlanRows(path: string, settings: PlanSettings, ctx: CommandContext): AsyncGenerator<PlanRow> {
  const csv = await openCsv(path, ctx.stdin);
  const columns = findColumns(csv.header, ['params', 'tokens', 'name']);
  if (columns.params === undefined) {
    throw new UsageError(`--input: ${csv.file} has no params column (header: ${csv.header.join(',')}); name one params, N or model_size`);
  }
  for await (const { cells, line } of csv.records) {
    const at = { file: csv.file, line };
    const spec: ModelSpec = { params: parseFileQuantity(cells[columns.params], PARAMS, { ...at, field: csv.header[columns.params]! }) };
    if (columns.tokens !== undefined && cells[columns.tokens] !== '') {
      spec.tokens = parseFileQuantity(cells[columns.tokens], TOKENS, { ...at, field: csv.header[columns.tokens]! });
    }
    if (columns.name !== undefined && cells[columns.name] !== '') spec.name = cells[columns.name]!;
    if (settings.quality) Object.assign(spec, { quality: settings.quality.value, qualityLabel: settings.quality.label });
    yield { spec, where: fromFile(csv.file, line), file: csv.file, line };
  }
}
