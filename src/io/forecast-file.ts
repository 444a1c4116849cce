/**
 * Forecast files: what `emerge fit --output forecast.yaml` writes for a forecast and what
 * `emerge predict --forecast` and `emerge thresholds --forecast` read. A YAML mapping:
 *
 *   kind: forecast            # the marker: other files are refused with a clear message
 *   version: 1
 *   source: text              # provenance shown beside every forecast
 *   level: 0.8                # of the intervals
 *   law: {E, A, B, alpha, beta}            # step 1 when every task shares the loss
 *   intervals: {offset, scaled?, two_step: {n, quantiles}, one_step: {n, quantiles}}
 *   tasks: [{id, name, method, largest_compute, law?, two_step?: {L0, k, floor, ceiling},
 *            one_step?: {C0, k, floor, ceiling}, interval_scale?: {two_step?, one_step?}, ...}]
 *   fit: {...}                # how it was fitted (data file, rows, runs, scale range, back-tests); not read
 *
 * Numbers are written to full precision, so a forecast read back is the forecast that was fitted.
 * `parseForecast` reads any YamlSource, so a forecast shipped in data/ reads like a user's file.
 */
import type { ForecastSpec, IntervalModel, TaskSpec } from '../core/forecast/index.js';
import { QUANTILE_STEPS, type ForecastMethod } from '../core/forecast/index.js';
import { lawConstants, type ChinchillaLaw } from '../core/scaling-law.js';
import { readLaw as readLawMapping } from './laws.js';
import { readShippedData } from './data-files.js';
import { COMPUTE, parseFileQuantity, type Range } from './numbers.js';
import { formatYaml } from './yaml-output.js';
import { formatPath, readYamlFile, YamlReader, type YamlPath } from './yaml-source.js';

export const FORECAST_KIND = 'forecast';
export const FORECAST_VERSION = 1;

const TOP_KEYS = ['kind', 'version', 'source', 'level', 'law', 'intervals', 'tasks', 'fit'];
const TASK_KEYS = ['id', 'name', 'method', 'chosen_by', 'largest_compute', 'runs', 'points', 'backtest_mae', 'law', 'two_step', 'one_step', 'interval_scale'];
const METHOD_KEYS: Record<ForecastMethod, string> = { 'two-step': 'two_step', 'one-step': 'one_step' };

const LEVEL: Range = { min: 0, exclusiveMin: true, max: 0.999, what: 'an interval level', example: '0.8' };
const UNIT: Range = { min: 0, max: 1, what: 'a score on 0–1', example: '0.25' };
const LOSS: Range = { min: 0, exclusiveMin: true, max: 100, what: 'a loss in nats', example: '2.5' };
const SHARPNESS: Range = { min: 0, exclusiveMin: true, max: 1e3, what: 'a sharpness', example: '3' };
const SCORE_QUANTILE: Range = { min: 0, max: 1e6, what: 'a normalised back-test error', example: '0.05' };
const COUNT: Range = { min: 1, max: 1e12, what: 'a count', example: '100' };
const SCALE: Range = { min: 0, exclusiveMin: true, max: 1, what: 'an interval scale (a score RMSE on 0–1)', example: '0.05' };

/** Reads a forecast file ("-" reads stdin). @throws InputError naming the file and line */
export function readForecastFile(file: string): ForecastSpec {
  return parseForecast(new YamlReader(readYamlFile(file)));
}

/** Where the default forecast of predict and thresholds is shipped (scripts/default-forecast.ts writes it). */
export const DEFAULT_FORECAST_FILE = 'forecast-default.yaml';

/** The shipped default forecast, from the build's parse of it when there is one (data-files.ts readShippedData). @throws InputError */
export function readDefaultForecast(): ForecastSpec {
  return readShippedData(DEFAULT_FORECAST_FILE, (source) => parseForecast(new YamlReader(source)));
}

/**
 * Validates a forecast document (see the module comment).
 * @throws InputError naming the file and line: not a mapping, another kind of file, another
 *   version, an unknown or missing key, a number out of range, a task without the curve its method needs
 */
export function parseForecast(reader: YamlReader): ForecastSpec {
  const value = reader.at([]);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) reader.fail([], 'is not a forecast: expected a mapping with kind: forecast (written by emerge fit --output for a forecast)');
  const kind = (value as Record<string, unknown>).kind;
  if (kind !== FORECAST_KIND) reader.fail(kind === undefined ? [] : ['kind'], `is not a forecast file (${kind === undefined ? `no "kind: ${FORECAST_KIND}"${otherKind(value as Record<string, unknown>)}` : `kind is ${JSON.stringify(kind)}`}); forecasts are written by emerge fit --output`);
  const top = reader.mapping([], TOP_KEYS, ['kind', 'version', 'level', 'tasks']);
  if (top.version !== FORECAST_VERSION) reader.fail(['version'], `version ${JSON.stringify(top.version)} is not supported; this emerge reads forecast files of version ${FORECAST_VERSION}`);
  const level = number(reader, ['level'], LEVEL);
  const law = top.law === undefined ? undefined : readLaw(reader, ['law'], 'forecast');
  const intervals: ForecastSpec['intervals'] = {};
  if (top.intervals !== undefined) {
    const raw = reader.mapping(['intervals'], ['offset', 'scaled', 'method', 'width', 'origins', 'two_step', 'one_step'], ['offset']);
    const offset = number(reader, ['intervals', 'offset'], { min: 0, max: 10, what: 'a width offset in decades', example: '0.25' });
    if (raw.scaled !== undefined && typeof raw.scaled !== 'boolean') reader.fail(['intervals', 'scaled'], `scaled is ${JSON.stringify(raw.scaled)}, not true or false`);
    for (const [method, key] of Object.entries(METHOD_KEYS) as [ForecastMethod, string][]) {
      if (raw[key] !== undefined) intervals[method] = { ...readIntervalModel(reader, ['intervals', key], offset), ...(raw.scaled === true ? { scaled: true } : {}) };
    }
  }
  const list = reader.sequence(['tasks']);
  if (list.length === 0) reader.fail(['tasks'], 'lists no tasks');
  const seen = new Set<string>();
  const tasks = list.map((_, i) => {
    const task = readTask(reader, ['tasks', i], law, intervals);
    if (seen.has(task.id)) reader.fail(['tasks', i, 'id'], `duplicate task id "${task.id}"`);
    seen.add(task.id);
    return task;
  });
  return { level, intervals, tasks, source: reader.optionalString(['source']) ?? `forecast ${reader.source.file}`, ...(law ? { law } : {}) };
}

/** A hint at what a file without `kind` is. */
function otherKind(value: Record<string, unknown>): string {
  if ('form' in value || ('E' in value && 'alpha' in value)) return '; it looks like a scaling law, which --law reads';
  if ('abilities' in value) return '; it looks like an ability catalog, which --abilities reads';
  return '';
}

function number(reader: YamlReader, path: YamlPath, range: Range): number {
  return parseFileQuantity(reader.at(path), range, { file: reader.source.file, line: reader.source.lineOf(path), field: formatPath(path) });
}

/** A step-1 law: the mapping of a law file (laws.ts), Chinchilla form only. */
function readLaw(reader: YamlReader, path: YamlPath, id: string): ChinchillaLaw {
  const law = readLawMapping(reader, path, id);
  if (law.form !== 'chinchilla') reader.fail(path, 'a forecast\'s loss law has the Chinchilla form (E, A, B, alpha, beta)');
  return law;
}

function readIntervalModel(reader: YamlReader, path: YamlPath, offset: number): IntervalModel {
  reader.mapping(path, ['n', 'quantiles'], ['n', 'quantiles']);
  const n = number(reader, [...path, 'n'], COUNT);
  const raw = reader.sequence([...path, 'quantiles']);
  if (raw.length !== QUANTILE_STEPS + 1) reader.fail([...path, 'quantiles'], `expected ${QUANTILE_STEPS + 1} quantiles (levels 0, 0.01, …, 1), got ${raw.length}`);
  const quantiles = raw.map((_, j) => number(reader, [...path, 'quantiles', j], SCORE_QUANTILE));
  if (quantiles.some((q, j) => j > 0 && q < quantiles[j - 1]!)) reader.fail([...path, 'quantiles'], 'the quantiles must not decrease');
  return { offset, n, quantiles };
}

function readTask(reader: YamlReader, path: YamlPath, shared: ChinchillaLaw | undefined, intervals: ForecastSpec['intervals']): TaskSpec {
  const raw = reader.mapping(path, TASK_KEYS, ['id', 'method', 'largest_compute']);
  const id = reader.string([...path, 'id']);
  const method = raw.method;
  if (method !== 'two-step' && method !== 'one-step') reader.fail([...path, 'method'], `method ${JSON.stringify(method)} is not two-step or one-step`);
  const task: TaskSpec = { id, name: reader.optionalString([...path, 'name']) ?? id, method, largestCompute: number(reader, [...path, 'largest_compute'], COMPUTE) };
  if (raw.law !== undefined) task.law = readLaw(reader, [...path, 'law'], id);
  const curve = (key: string, first: 'L0' | 'C0'): { first: number; k: number; floor: number; ceiling: number } | undefined => {
    if (raw[key] === undefined) return undefined;
    reader.mapping([...path, key], [first, 'k', 'floor', 'ceiling'], [first, 'k', 'floor', 'ceiling']);
    const c = {
      first: number(reader, [...path, key, first], first === 'L0' ? LOSS : COMPUTE),
      k: number(reader, [...path, key, 'k'], SHARPNESS),
      floor: number(reader, [...path, key, 'floor'], UNIT),
      ceiling: number(reader, [...path, key, 'ceiling'], UNIT),
    };
    if (!(c.ceiling > c.floor)) reader.fail([...path, key, 'ceiling'], `the ceiling (${c.ceiling}) must be above the floor (${c.floor})`);
    return c;
  };
  const two = curve('two_step', 'L0');
  if (two) task.twoStep = { L0: two.first, k: two.k, floor: two.floor, ceiling: two.ceiling };
  const one = curve('one_step', 'C0');
  if (one) task.oneStep = { C0: one.first, k: one.k, floor: one.floor, ceiling: one.ceiling };
  if (method === 'two-step' && (!task.twoStep || !(task.law ?? shared))) reader.fail(path, `task "${id}" forecasts in two steps but has no ${task.twoStep ? 'loss law (law, here or at the top)' : 'two_step curve'}`);
  if (method === 'one-step' && !task.oneStep) reader.fail(path, `task "${id}" forecasts in one step but has no one_step curve`);
  if (raw.interval_scale !== undefined) {
    const given = reader.mapping([...path, 'interval_scale'], Object.values(METHOD_KEYS), []);
    task.scale = {};
    for (const [m, key] of Object.entries(METHOD_KEYS) as [ForecastMethod, string][]) if (given[key] !== undefined) task.scale[m] = number(reader, [...path, 'interval_scale', key], SCALE);
  }
  for (const [m, key] of Object.entries(METHOD_KEYS) as [ForecastMethod, string][]) {
    const has = m === 'two-step' ? task.twoStep : task.oneStep;
    if (has && intervals[m]?.scaled && task.scale?.[m] === undefined) reader.fail(path, `task "${id}" has no interval_scale.${key}, which scaled intervals need`);
  }
  return task;
}

export interface ForecastFileContent {
  spec: ForecastSpec;
  /** Per task (by id), what the file records beyond the spec: how the method was chosen, runs, back-test errors. */
  taskInfo: Map<string, Record<string, unknown>>;
  /** The `fit` mapping: how the forecast was fitted (not read back). */
  fit: Record<string, unknown>;
  comment: readonly string[];
}

/** The forecast file's text (see the module comment). */
export function formatForecastFile(content: ForecastFileContent): string {
  const { spec } = content;
  const value: Record<string, unknown> = { kind: FORECAST_KIND, version: FORECAST_VERSION, source: spec.source, level: spec.level };
  if (spec.law) value.law = lawConstants(spec.law);
  const models = Object.entries(spec.intervals) as [ForecastMethod, IntervalModel][];
  if (models.length > 0) {
    const scaled = models[0]![1].scaled === true;
    const intervals: Record<string, unknown> = {
      method: 'split conformal on rolling-origin back-test errors',
      width: `${scaled ? 'interval_scale·' : ''}w(d), w(d) = sqrt(offset + max(d, 0)), d = decades beyond the largest fitted run${scaled ? "; interval_scale: the RMSE of the task's curve fit" : ''}`,
      offset: models[0]![1].offset,
      ...(scaled ? { scaled: true } : {}),
    };
    for (const [method, model] of models) intervals[METHOD_KEYS[method]] = { n: model.n, quantiles: model.quantiles };
    value.intervals = intervals;
  }
  value.tasks = spec.tasks.map((t) => ({
    id: t.id,
    ...(t.name !== t.id ? { name: t.name } : {}),
    method: t.method,
    ...content.taskInfo.get(t.id),
    largest_compute: t.largestCompute,
    ...(t.law ? { law: lawConstants(t.law) } : {}),
    ...(t.twoStep ? { two_step: { L0: t.twoStep.L0, k: t.twoStep.k, floor: t.twoStep.floor, ceiling: t.twoStep.ceiling } } : {}),
    ...(t.oneStep ? { one_step: { C0: t.oneStep.C0, k: t.oneStep.k, floor: t.oneStep.floor, ceiling: t.oneStep.ceiling } } : {}),
    ...(t.scale ? { interval_scale: Object.fromEntries((Object.entries(t.scale) as [ForecastMethod, number][]).map(([m, v]) => [METHOD_KEYS[m], v])) } : {}),
  }));
  value.fit = content.fit;
  return formatYaml(value, content.comment, ['law', 'two_step', 'one_step', 'backtest_mae', 'interval_scale', 'quantiles', 'compute', 'params', 'tokens']);
}
