/**
 * `emerge predict`: the loss of planned models and, for each ability, whether it has emerged.
 */
import { abilityJudges, judgeAbility } from '../core/assess.js';
import type { Ability } from '../core/catalog.js';
import { loss } from '../core/scaling-law.js';
import { UsageError } from '../errors.js';
import { loadModelCatalog } from '../io/models.js';
import type { PredictOptions } from '../options/predict.js';
import { csvDocument, csvLine } from '../render/csv.js';
import { formatCount, formatPercent, formatSci } from '../render/format.js';
import { FAR_DECADES } from '../core/forecast/index.js';
import { toJson } from '../render/json.js';
import { createPalette } from '../render/palette.js';
import { lawRecord, PREDICTION_CSV_HEADER, type PredictionRecord } from '../render/prediction-record.js';
import { bandNotes, renderAbilityTable, renderPredictionSummary, statusCounts, type PredictionView } from '../render/prediction-table.js';
import { predictPicture } from '../render/plot/predict-plot.js';
import { renderProbabilityChart, type ProbabilityAt, type SizeMarker } from '../render/probability-chart.js';
import { renderTable } from '../render/table.js';
import { FORECAST_CSV_HEADER, forecastCsvText, type ForecastRecord } from '../render/forecast-record.js';
import { forecastBatchTable, renderForecastTable } from '../render/forecast-table.js';
import { OutputBuffer, type CommandContext } from './context.js';
import { forecastLabel, forecastTableOptions, loadForecast, warnFar, type LoadedForecast } from './shared/forecast.js';
import { resolveModel, type ResolvedModel } from '../api/predict/plan.js';
import { plotTarget, writePicture } from './shared/plot.js';
import { withPlanFile } from './shared/plan-file.js';
import { forEachPlanRow, type PlanRow } from './shared/plan-rows.js';
import { forecastRecordsOf } from '../api/predict/forecasts.js';
import { createPredictor, type Predictor } from '../api/predict/predictor.js';
import { predictionDocument, type PredictionResult } from '../api/predict/predict.js';
import { resolveSettings, type PlanSettings } from './shared/settings.js';

export async function runPredict(flags: PredictOptions, ctx: CommandContext, file?: string): Promise<void> {
  const options = withPlanFile(file, flags);
  if (options.listModels) return listModels(options.format ?? 'table', ctx);
  const settings = resolveSettings(options);
  const plot = plotTarget(options);
  // The default forecast, unless --no-forecast, in the tables of models and in JSON. A CSV and the
  // table of a plan CSV hold one kind of row: the abilities, or the forecasts when --forecast asks
  // for them (so their columns stay, and a batch is not slowed).
  const flat = settings.format === 'csv' || (options.input !== undefined && settings.format === 'table');
  const forecast = loadForecast(options.forecast, options, flat ? 'none' : 'default');
  if (options.input !== undefined) {
    if (settings.models.length > 0) throw new UsageError('--input: give the models either in the CSV or by flags/--config, not both');
    if (options.chart) throw new UsageError('--chart: not available with --input (a chart marks one model or a --config list)');
    if (plot) throw new UsageError('--plot: not available with --input (a chart marks one model or a --config list)');
    return predictBatch(options.input, settings, ctx, forecast, options.forecast !== false);
  }
  if (settings.models.length === 0) {
    throw new UsageError('predict needs a model: --params, --compute, --model, --layers/--d-model/--vocab, --input FILE or --config FILE (see emerge predict --help)');
  }
  const { law, catalog } = settings;
  const models = settings.models.map(({ spec, where }) => resolveModel(spec, where, law, catalog.referenceTokens));
  const label = forecast && forecastLabel(forecast);
  if (settings.format === 'csv') {
    const predictor = createPredictor(law, catalog.referenceTokens, settings.abilities, settings.factors);
    const forecasts = models.map((m) => (forecast ? forecastRecordsOf(forecast.spec, m) : undefined));
    forecasts.forEach((f, i) => f && warnFar(f, models[i]!.name, ctx, label!));
    if (plot) await writePredictPicture(plot, models.map((m) => predictor.record(m)), settings, options.ability !== undefined);
    if (forecast) await ctx.out.write(csvLine(FORECAST_CSV_HEADER) + models.map((m, i) => forecastCsvText(m, forecasts[i]!)).join(''));
    else await ctx.out.write(csvLine(PREDICTION_CSV_HEADER) + models.map((m) => predictor.csv(m)).join(''));
    return;
  }
  // The document of --format json, made by the library's predict (src/api); the tables show the same records.
  const document = predictionDocument(settings, models, forecast?.spec);
  for (const result of document.results) if (result.forecasts) warnFar(result.forecasts, result.name, ctx, label!);
  if (plot) await writePredictPicture(plot, document.results, settings, options.ability !== undefined);
  if (settings.format === 'json') await ctx.out.write(toJson(document));
  else await ctx.out.write(renderPredictTables(document.results, settings, ctx, options.chart === true, options.ability !== undefined, forecast));
}

async function writePredictPicture(plot: NonNullable<ReturnType<typeof plotTarget>>, records: PredictionRecord[], settings: PlanSettings, abilitiesChosen: boolean): Promise<void> {
  const { abilities: charted, markers, probabilityAt } = chartContent(records, settings, abilitiesChosen);
  await writePicture(plot, predictPicture(charted, markers, { law: settings.law.id, referenceTokens: settings.catalog.referenceTokens }, probabilityAt));
}

/** Each model: its summary, its forecasts (the benchmarks a newcomer knows), then the abilities with their notes. */
function renderPredictTables(records: PredictionResult[], settings: PlanSettings, ctx: CommandContext, chart: boolean, abilitiesChosen: boolean, forecast: LoadedForecast | undefined): string {
  const palette = createPalette(ctx.color);
  const view: PredictionView = { law: settings.law, referenceTokens: settings.catalog.referenceTokens, factors: settings.factors, lang: settings.lang, palette };
  const blocks = records.map((record) =>
    [
      renderPredictionSummary(record, view),
      ...(record.forecasts ? [renderForecastTable(record.forecasts, palette, forecastTableOptions(forecast!))] : []),
      renderAbilityTable(record, view),
      palette.dim([`${statusCounts(record)}. ${curveNote(settings.abilities)}`, ...bandNotes(record, settings.lang)].join('\n')),
    ].join('\n\n'),
  );
  if (chart) {
    const { abilities: charted, markers, probabilityAt } = chartContent(records, settings, abilitiesChosen);
    const width = Math.max(40, Math.min(72, (ctx.columns ?? 100) - 45));
    const { chart: text, note } = renderProbabilityChart(charted, markers, { width, height: 10, color: ctx.color }, probabilityAt);
    blocks.push(`Probability of emergence across effective size\n\n${text}${note ? `\n${palette.dim(note)}` : ''}`);
  }
  return `${blocks.join('\n\n\n')}\n`;
}

/**
 * What the probability chart (ASCII or picture) draws: the abilities, each model at its effective
 * size, and an ability's probability at an effective size as predict judges it (so that the chart
 * and the table agree).
 */
function chartContent(records: PredictionRecord[], settings: PlanSettings, abilitiesChosen: boolean): { abilities: Ability[]; markers: SizeMarker[]; probabilityAt: ProbabilityAt } {
  const markers = records.map((r) => ({
    size: r.effective_params ?? Infinity,
    label: r.effective_params === null ? `${r.name}: beyond the reference regime` : `${r.name}: N_eff ${formatCount(r.effective_params)}`,
  }));
  const abilities = abilitiesChosen ? settings.abilities : seedAbilities(settings.abilities);
  const { law, catalog } = settings;
  const judges = new Map(abilityJudges(law, catalog.referenceTokens, abilities).map((j) => [j.ability, j]));
  const probabilityAt = (ability: Ability, size: number): number => judgeAbility(judges.get(ability)!, loss(law, size, catalog.referenceTokens), size).probability;
  return { abilities, markers, probabilityAt };
}

/** The abilities of the source document's tables (seed §2, §5.1), or all of them for a user catalog. */
function seedAbilities(abilities: Ability[]): Ability[] {
  const seed = abilities.filter((a) => a.source.startsWith('seed §'));
  return seed.length > 0 ? seed : abilities;
}

function curveNote(abilities: Ability[]): string {
  const widths = [...new Set(abilities.map((a) => a.curve.width))];
  const width = widths.length === 1 ? `${widths[0]} decades` : 'per ability';
  return `P: logistic in the margin m around each threshold, width ${width}: m = log10(N_eff/N_c) below it, the loss margin (L_c − L)/s above it (s: loss per decade of parameters at N_c, so that m stays finite); emerged at or above the threshold, emerging within one width below.`;
}

/**
 * `--input FILE|-`: one prediction per CSV row (columns params, optional tokens and name), each
 * written through a buffer as it is read, so that memory does not grow with the number of rows.
 */
async function predictBatch(path: string, settings: PlanSettings, ctx: CommandContext, forecast: LoadedForecast | undefined, forecastsWanted: boolean): Promise<void> {
  const { law, catalog, abilities, factors } = settings;
  const predictor = createPredictor(law, catalog.referenceTokens, abilities, factors);
  const out = new OutputBuffer(ctx.out);
  const format = forecast ? forecastBatchFormat(settings, predictor, forecast, ctx) : batchFormat(settings, predictor, forecastsWanted);
  let count = 0;
  const onRow = (row: PlanRow): void => {
    if (count === 0) out.add(format.head);
    format.row(resolveModel(row.spec, row.where, law, catalog.referenceTokens), count++, out);
  };
  await forEachPlanRow(path, settings, ctx, onRow, () => out.drain());
  if (count === 0) {
    out.add(format.head);
    ctx.warn('the input has a header but no rows');
  }
  out.add(format.tail(count));
  await out.flush();
}

interface BatchFormat {
  head: string;
  /** Adds the text of the `index`th row (0-based). */
  row(model: ResolvedModel, index: number, out: OutputBuffer): void;
  tail(rows: number): string;
}

/** The batch without forecasts; `hint`: the table ends by saying how to get the default forecast's. */
function batchFormat(settings: PlanSettings, predictor: Predictor, hint = false): BatchFormat {
  if (settings.format === 'csv') {
    return { head: csvLine(PREDICTION_CSV_HEADER), row: (model, _index, out) => out.add(predictor.csv(model)), tail: () => '' };
  }
  if (settings.format === 'json') {
    return {
      head: toJson({ law: lawRecord(settings.law), reference_tokens: settings.catalog.referenceTokens, results: [] }).replace(/\[\]\n}\n$/, '['),
      row: (model, index, out) => {
        out.add(index > 0 ? ',\n' : '\n');
        predictor.resultJson(model, out);
      },
      tail: (rows) => `${rows > 0 ? '\n  ' : ''}]\n}\n`,
    };
  }
  const table = batchTable(settings);
  return { ...table, row: (model, index, out) => out.add(table.row(predictor.record(model), index)), tail: () => (hint ? BATCH_FORECAST_HINT : '') };
}

const BATCH_FORECAST_HINT = '\nBenchmark forecasts (mmlu, arc-challenge, hellaswag, winogrande, truthfulqa, gsm8k, xwinograd, humaneval): --forecast default, one line per model and benchmark; or --format json.\n';

/**
 * --input with --forecast: CSV and JSON as for single models (one CSV row per model and task;
 * `forecasts` in each JSON result); the table is one line per model and task, written as it goes.
 */
function forecastBatchFormat(settings: PlanSettings, predictor: Predictor, forecast: LoadedForecast, ctx: CommandContext): BatchFormat {
  let far = 0;
  const recordsFor = (model: ResolvedModel): ForecastRecord[] => {
    const records = forecastRecordsOf(forecast.spec, model);
    far += records.filter((r) => r.distance_decades > FAR_DECADES).length;
    return records;
  };
  const farNote = (): void => {
    if (far > 0) ctx.warn(`${forecastLabel(forecast)}: ${far} forecast${far === 1 ? ' is' : 's are'} more than ${FAR_DECADES} decades of compute beyond the largest fitted run`);
  };
  if (settings.format === 'csv') {
    return { head: csvLine(FORECAST_CSV_HEADER), row: (model, _index, out) => out.add(forecastCsvText(model, recordsFor(model))), tail: () => (farNote(), '') };
  }
  if (settings.format === 'json') {
    const json = batchFormat(settings, predictor);
    return { ...json, row: (model, index, out) => out.add(`${index > 0 ? ',' : ''}\n${indent(toJson({ ...predictor.record(model), forecasts: recordsFor(model) }).trimEnd(), '    ')}`), tail: (rows) => (farNote(), json.tail(rows)) };
  }
  const table = forecastBatchTable(forecast.spec.level);
  return { head: table.head, row: (model, _index, out) => out.add(table.row(model, recordsFor(model))), tail: () => (farNote(), '') };
}

function indent(text: string, prefix: string): string {
  return text.replace(/^/gm, prefix);
}

/**
 * A fixed-width table written row by row (a box table needs every row before it can print one).
 * With up to three abilities each gets a column; with more, the row counts emerged abilities.
 */
function batchTable(settings: PlanSettings): { head: string; row(record: PredictionRecord, index: number): string; tail(): string } {
  const perAbility = settings.abilities.length <= 3;
  const columns: [string, number][] = [
    ['name', 24],
    ['params', 8],
    ['tokens', 8],
    ['loss', 7],
    ['N_eff', 9],
    ...(perAbility ? settings.abilities.map((a): [string, number] => [a.id, Math.max(18, a.id.length)]) : [['emerged', 9] as [string, number], ['emerging', 9] as [string, number]]),
  ];
  const line = (cells: string[]): string => `${cells.map((c, i) => (i === 0 ? c.padEnd(columns[i]![1]) : c.padStart(columns[i]![1]))).join('  ')}\n`;
  return {
    head: line(columns.map(([name]) => name)) + line(columns.map(([, w]) => '-'.repeat(w))),
    row: (r) => {
      const name = r.name.length > 24 ? `${r.name.slice(0, 23)}…` : r.name;
      const verdicts = perAbility
        ? r.abilities.map((a) => `${formatPercent(a.probability)} ${a.status}`)
        : ['emerged', 'emerging'].map((s) => String(r.abilities.filter((a) => a.status === s).length));
      return line([name, formatCount(r.params), formatCount(r.tokens), r.loss.toFixed(4), r.effective_params === null ? 'beyond' : formatCount(r.effective_params), ...verdicts]);
    },
    tail: () => '',
  };
}

async function listModels(format: string, ctx: CommandContext): Promise<void> {
  const models = loadModelCatalog();
  const header = ['slug', 'name', 'family', 'params', 'tokens', 'training_flop', 'instruction_tuned'];
  const rows = models.map((m) => [m.slug, m.name, m.family, m.params, m.tokens, m.trainingFlops, m.instructionTuned]);
  if (format === 'csv') return ctx.out.write(csvDocument(header, rows));
  if (format === 'json') {
    return ctx.out.write(toJson({ models: models.map((m) => ({ slug: m.slug, name: m.name, family: m.family, params: m.params, tokens: m.tokens ?? null, training_flop: m.trainingFlops ?? null, instruction_tuned: m.instructionTuned, notes: m.notes, sources: m.sources })) }));
  }
  const table = renderTable({
    head: ['Slug', 'Name', 'Params', 'Tokens', 'Compute'],
    rows: models.map((m) => [m.slug, m.name, formatCount(m.params), m.tokens === undefined ? 'n/a' : formatCount(m.tokens), m.trainingFlops === undefined ? 'n/a' : formatSci(m.trainingFlops)]),
    align: ['left', 'left', 'right', 'right', 'right'],
  });
  return ctx.out.write(`${table}\nSources: Epoch AI model database and ObsScaling (Ruan et al. 2024); see data/models.csv.\n`);
}
