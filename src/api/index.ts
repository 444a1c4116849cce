/**
 * emerge as a library: `import { predict, fitLaw, loss } from 'emerge'`.
 *
 * The public, typed API. It computes and returns; it never writes to stdout or stderr, and reads a
 * file only where its name says so (`loadLaw(path)`, ...). What it returns are the records the CLI
 * prints with `--format json`, field for field. Errors are the classes exported here, with the
 * CLI's messages. Everything exported from this file is covered by semantic versioning
 * (CHANGELOG.md; test/api/contract.test.ts).
 */
export { computeOptimal, effectiveSize, loss, trainingFlops, type Allocation, type ChinchillaLaw, type KaplanLaw, type ScalingLaw } from './law.js';
export { abilityCatalog, defaultForecast, lawPresets, loadAbilityCatalog, loadForecast, loadLaw, modelCatalog, presetLaw, type Ability, type AbilityCatalog, type Band, type Bilingual, type CatalogModel, type ForecastSpec } from './data.js';
export { predict, predictMany, type ModelInput, type PredictionDocument, type PredictionResult, type PredictOptions } from './predict/predict.js';
export type { AbilityRecord, LawRecord, PredictionRecord } from '../render/prediction-record.js';
export type { SeriesRecord } from '../render/simulation-data.js';
export type { ForecastRecord } from '../render/forecast-record.js';
export { loadScenario, simulate, type SimulateInput, type SimulationDocument } from './simulate.js';
export type { ScenarioConfig, ScenarioName } from '../core/simulate/index.js';
export { fitCurves, fitForecast, fitLaw, type ColumnMap, type ColumnRole, type CurveDocument, type CurveRecord, type FitCurvesOptions, type FitForecastOptions, type FitHooks, type FitLawOptions, type ForecastDocument, type GridStarts, type LawDocument, type Row, type RowValue } from './fit/index.js';
export { CheckFailed, FitError, InputError, UsageError, isEmergeError, type EmergeError } from '../errors.js';
