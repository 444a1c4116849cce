/**
 * `emerge thresholds`: the catalog of emergence thresholds with inverse answers, planned models
 * judged against it, and the CI gate (--require); with --forecast, score targets in the gate and
 * the compute at which forecasts reach them (thresholds/forecast.ts).
 */
import type { Ability } from '../core/catalog.js';
import { CheckFailed, UsageError } from '../errors.js';
import { PROBABILITY, parseFlagQuantity, quoteUserText } from '../io/numbers.js';
import type { ThresholdsOptions } from '../options/thresholds.js';
import { csvDocument, csvLine } from '../render/csv.js';
import { FORECAST_CSV_HEADER, forecastCsvText, type ForecastRecord } from '../render/forecast-record.js';
import { renderForecastTable, renderTargetTable } from '../render/forecast-table.js';
import { renderPredictionSummary } from '../render/prediction-table.js';
import { toJson } from '../render/json.js';
import { createPalette } from '../render/palette.js';
import { lawRecord } from '../render/prediction-record.js';
import { renderFactors, factorsRecord, factorsCsv } from '../render/factors-view.js';
import { CATALOG_CSV_HEADER, MODEL_CSV_HEADER, catalogRecord, modelThresholdRecord, type ModelThresholdRecord } from '../render/threshold-record.js';
import { thresholdsSpec } from '../render/plot/thresholds-plot.js';
import { renderCatalogTable, renderModelThresholds } from '../render/threshold-table.js';
import { formatCount } from '../render/format.js';
import { didYouMean } from '../util/suggest.js';
import type { CommandContext } from './context.js';
import { runEvidence } from './thresholds/evidence.js';
import { gateFailures } from './shared/gate.js';
import { forecastLabel, forecastTableOptions, warnFar } from './shared/forecast.js';
import { forecastRequest, judgeForecasts, TARGET_CSV_HEADER, targetCsvRow, targetRecord, targetRows } from './thresholds/forecast.js';
import { resolveModel } from '../api/predict/plan.js';
import { plotTarget, writePlotSpec } from './shared/plot.js';
import { withPlanFile } from './shared/plan-file.js';
import { readPlanRows } from './shared/plan-rows.js';
import { createPredictor } from '../api/predict/predictor.js';
import { selectAbilities } from '../api/predict/abilities.js';
import { resolveSettings, type PlanSettings, type PlannedSpec } from './shared/settings.js';

interface JudgedModel {
  record: ModelThresholdRecord & { forecasts?: ForecastRecord[] };
  /** Score targets of --require the model's forecasts miss. */
  misses: { id: string; message: string }[];
  /** "stdin:4" for rows of --input, to name them in the gate's report. */
  where?: string;
}

export async function runThresholds(flags: ThresholdsOptions, ctx: CommandContext, file?: string): Promise<void> {
  if (flags.evidence) return runEvidence(flags, ctx, file);
  const options = withPlanFile(file, flags);
  const settings = resolveSettings(options);
  const plot = plotTarget(options);
  if (options.stages) {
    if (options.require !== undefined) throw new UsageError('--stages: not with --require (the gate checks abilities)');
    if (plot) throw new UsageError('--plot: not with --stages (the picture is of the thresholds)');
    return writeFactors(settings, ctx);
  }
  const forecast = forecastRequest(options);
  const required = forecast.abilities.length === 0 ? [] : selectAbilities(settings.catalog, forecast.abilities, '--require').map((a) => a.id);
  const gated = required.length > 0 || forecast.targets.length > 0;
  const minProbability = options.minProbability === undefined ? undefined : parseFlagQuantity('--min-probability', options.minProbability, PROBABILITY);
  if (minProbability !== undefined && !gated) throw new UsageError('--min-probability: give --require too (the abilities the probability applies to)');
  // With --forecast alone (no --ability, --category or ability in --require), the abilities are left out.
  const forecastOnly = forecast.forecast !== undefined && required.length === 0 && options.ability === undefined && options.category === undefined;
  const abilities = forecastOnly ? [] : chosenAbilities(settings, options, required);

  const planned: (PlannedSpec & { at?: string })[] = [...settings.models];
  if (options.input !== undefined) {
    if (planned.length > 0) throw new UsageError('--input: give the models either in the CSV or by flags/--config, not both');
    for await (const row of readPlanRows(options.input, settings, ctx)) planned.push({ ...row, at: `${row.file}:${row.line}` });
    if (planned.length === 0) throw new UsageError(`--input: ${options.input === '-' ? 'stdin' : options.input} has a header but no rows`);
  }
  if (gated && planned.length === 0) {
    throw new UsageError('--require: needs a planned model (--params, --compute, --model, --layers/--d-model/--vocab, --input or --config)');
  }
  if (planned.length > 0 && (options.reach !== undefined || options.tokensPerParam !== undefined)) {
    throw new UsageError(`${options.reach !== undefined ? '--reach' : '--tokens-per-param'}: answers without a planned model (the compute that reaches a score); with a model, --require TASK>=SCORE gates it`);
  }

  const { law, catalog, factors } = settings;
  const quality = settings.quality?.value ?? 1;
  const predictor = createPredictor(law, catalog.referenceTokens, abilities, factors);
  const judged: JudgedModel[] = planned.map(({ spec, where, at }) => {
    const model = resolveModel(spec, where, law, catalog.referenceTokens);
    const record = modelThresholdRecord(predictor.record(model), abilities, law, catalog.referenceTokens);
    const { records: forecasts, misses } = judgeForecasts(forecast, model, minProbability);
    if (forecasts) warnFar(forecasts, model.name, ctx, forecastLabel(forecast.forecast!));
    return { record: forecasts ? { ...record, forecasts } : record, misses, ...(at ? { where: at } : {}) };
  });
  const failures = judged.flatMap(({ record, where, misses }) => {
    const prefix = judged.length > 1 ? `${record.name}${where ? ` (${where})` : ''}: ` : '';
    return [...gateFailures(record, required, minProbability), ...misses].map((f) => ({ ...f, model: record.name, line: `${prefix}${f.message}` }));
  });
  const targets = forecast.forecast && planned.length === 0 ? targetRows(forecast) : [];

  if (plot) {
    const rules = judged.flatMap(({ record }) => (record.effective_params === null ? [] : [{ at: record.effective_params, label: `${record.name}: N_eff ${formatCount(record.effective_params)}` }]));
    await writePlotSpec(plot, thresholdsSpec(abilities, rules, { law: law.id, referenceTokens: catalog.referenceTokens, lang: settings.lang }, plot));
  }

  if (settings.format === 'json') {
    const document: Record<string, unknown> = {
      law: lawRecord(law),
      reference_tokens: catalog.referenceTokens,
      quality,
      abilities: abilities.map((a) => catalogRecord(a, law, catalog.referenceTokens, quality)),
      unquantified: catalog.unquantified.map((u) => ({ name: u.name.en, name_zh: u.name.zh, category: u.category, model: u.model, reference: u.reference, source: u.source, note: u.note })),
    };
    if (forecast.forecast) document.forecast = { file: forecast.forecast.file, source: forecast.forecast.spec.source, level: forecast.forecast.spec.level, tasks: forecast.forecast.spec.tasks.length };
    if (targets.length > 0) document.targets = targets.map((t) => targetRecord(t, forecast.tokensPerParam));
    if (judged.length > 0) document.models = judged.map((j) => j.record);
    if (gated) {
      document.gate = {
        require: required,
        targets: forecast.targets.map((t) => ({ id: t.id, target: t.target })),
        min_probability: minProbability ?? null,
        passed: failures.length === 0,
        failures: failures.map(({ model, id, message }) => ({ model, id, message })),
      };
    }
    await ctx.out.write(toJson(document));
  } else if (settings.format === 'csv') {
    if (forecast.forecast) {
      await ctx.out.write(
        judged.length === 0
          ? csvDocument(TARGET_CSV_HEADER, targets.map((t) => targetCsvRow(t, forecast.tokensPerParam)))
          : csvLine([...FORECAST_CSV_HEADER, 'target', 'probability']) + judged.map(({ record }) => forecastCsvText(record, record.forecasts!, (r) => [r.target, r.probability])).join(''),
      );
    } else {
      await ctx.out.write(judged.length === 0 ? catalogCsv(abilities, settings, quality) : modelCsv(judged));
    }
  } else {
    const palette = createPalette(ctx.color);
    const view = { law, referenceTokens: catalog.referenceTokens, factors, lang: settings.lang, palette };
    const catalogText = abilities.length === 0 ? [] : [renderCatalogTable(abilities.map((a) => catalogRecord(a, law, catalog.referenceTokens, quality)), catalog.unquantified, view, quality)];
    const text =
      judged.length === 0
        ? [...catalogText, ...(targets.length > 0 ? [`Forecasts of ${forecast.forecast!.name} (${forecast.forecast!.spec.source})\n\n${renderTargetTable(targets, forecast.tokensPerParam, palette)}`] : [])].join('\n\n')
        : judged
            .map((j) => {
              const model = abilities.length === 0 ? renderPredictionSummary(j.record, view) : renderModelThresholds(j.record, view);
              return j.record.forecasts ? `${model}\n\n${renderForecastTable(j.record.forecasts, palette, forecastTableOptions(forecast.forecast!))}` : model;
            })
            .join('\n\n\n');
    await ctx.out.write(`${text}\n`);
  }

  for (const failure of failures) ctx.report(failure.line);
  if (failures.length > 0) throw new CheckFailed('');
}

/** --ability, --category, or (with --require alone) the required abilities; all by default. */
function chosenAbilities(settings: PlanSettings, options: ThresholdsOptions, required: string[]): Ability[] {
  let abilities = settings.abilities;
  if (options.category !== undefined) {
    const known = [...new Set(settings.catalog.abilities.map((a) => a.category))];
    const wanted = options.category.split(',').map((c) => c.trim()).filter(Boolean);
    for (const c of wanted) {
      if (!known.includes(c)) throw new UsageError(`--category: unknown category ${quoteUserText(c)}${didYouMean(c, known)}; categories: ${known.join(', ')}`);
    }
    abilities = abilities.filter((a) => wanted.includes(a.category));
  } else if (options.ability === undefined && required.length > 0) {
    abilities = abilities.filter((a) => required.includes(a.id));
  }
  const missing = required.filter((id) => !abilities.some((a) => a.id === id));
  if (missing.length > 0) abilities = settings.catalog.abilities.filter((a) => abilities.includes(a) || missing.includes(a.id));
  return abilities;
}

function catalogCsv(abilities: Ability[], settings: PlanSettings, quality: number): string {
  const { law, catalog } = settings;
  const rows = abilities.map((a) => {
    const r = catalogRecord(a, law, catalog.referenceTokens, quality);
    return [r.id, r.name, r.name_zh, r.category, r.threshold_params, r.loss_threshold, r.min_params, r.min_compute, r.model ? `${r.source}; ${r.reference}; ${r.model}` : r.source];
  });
  return csvDocument(CATALOG_CSV_HEADER, rows);
}

function modelCsv(judged: JudgedModel[]): string {
  const rows = judged.flatMap(({ record }) =>
    record.abilities.map((a) => [record.name, record.params, record.tokens, record.effective_params, a.id, a.category, a.threshold_params, a.probability, a.status, a.margin_decades, a.min_params, a.min_compute, a.min_params_at_tokens]),
  );
  return csvDocument(MODEL_CSV_HEADER, rows);
}

async function writeFactors(settings: PlanSettings, ctx: CommandContext): Promise<void> {
  const { factors } = settings;
  if (settings.format === 'json') return ctx.out.write(toJson(factorsRecord(factors)));
  if (settings.format === 'csv') return ctx.out.write(factorsCsv(factors));
  return ctx.out.write(`${renderFactors(factors, settings.lang, createPalette(ctx.color))}\n`);
}
