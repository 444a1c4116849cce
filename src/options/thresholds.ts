import { forecastOption, noForecastOption, formatOption, planArgument, langOption, modelOptions, plotOptions, type Format, type ModelOptionValues, type PlotOptionValues } from './shared.js';
import type { CommandSpec } from './spec.js';

export interface ThresholdsOptions extends ModelOptionValues, PlotOptionValues {
  category?: string;
  stages?: boolean;
  evidence?: boolean;
  require?: string;
  minProbability?: string;
  format?: Format;
  lang?: 'en' | 'zh';
  /** A path or `default`; false for --no-forecast. */
  forecast?: string | false;
  reach?: string;
  tokensPerParam?: string;
}

export const thresholdsSpec: CommandSpec = {
  name: 'thresholds',
  arguments: [planArgument],
  summary: 'the catalog of emergence thresholds; inverse questions; a CI gate',
  description:
    'List the ability catalog with its thresholds (in parameters, and as a loss under the law), bands ' +
    'and sources, with the smallest model and compute budget that reach each ability. Given a planned ' +
    'model (the same flags as predict), add its status, probability and margin; with --require, exit 1 ' +
    'when a required ability has not emerged (a CI gate).',
  options: [
    { flags: '--category <names>', description: 'only these categories (comma-separated, e.g. code-generation,bigbench)' },
    ...modelOptions,
    { flags: '--require <ids>', description: 'CI gate: exit 1 unless every listed ability has emerged for the planned model(s), and every score target TASK>=SCORE (a benchmark of the default forecast, or a task of --forecast) is reached by the lower end of its interval' },
    { flags: '--min-probability <p>', description: 'with --require: require this probability (0–1) instead of "emerged" or the interval\'s lower end' },
    forecastOption,
    noForecastOption,
    { flags: '--reach <targets>', description: 'the smallest compute at which each forecast (the default forecast, or --forecast) reaches a target, e.g. mmlu>=0.55,hellaswag>=0.7 (with --forecast alone: the midpoint of every task\'s rise)' },
    { flags: '--tokens-per-param <r>', description: 'without a model: answer --reach for models trained on r tokens per parameter instead of compute-optimal ones' },
    { flags: '--evidence', description: "what public data say about the seed's thresholds: each ability's measured threshold with a 95% interval, its data set and a comparison with the claim" },
    { flags: '--stages', description: "print the seed's factors instead: taxonomy §1.3, scale ranges §6.1, data stages §6.2, quality §6.3, training §6.4" },
    formatOption,
    langOption,
    ...plotOptions,
  ],
  examples: [
    { command: 'emerge thresholds', explain: 'the whole catalog with sources and inverse columns' },
    { command: 'emerge thresholds --category code-generation --lang zh', explain: 'one category, Chinese names' },
    { command: 'emerge thresholds --params 70e9 --require chain-of-thought', explain: 'CI gate: exit 1 when the planned model misses' },
    { command: 'emerge thresholds plans.csv --require in-context-learning --min-probability 0.9', explain: 'gate a whole plan' },
    { command: 'emerge thresholds --stages', explain: "the seed's data stages and architecture ranges" },
    { command: 'emerge thresholds --evidence --category chain-of-thought --format json', explain: "the seed's claim beside measured thresholds" },
    { command: 'emerge thresholds --params 70e9 --plot thresholds.svg', explain: 'the catalog on a parameter axis as a picture, the planned model marked' },
    { command: "emerge thresholds --params 70e9 --tokens 2e12 --require 'mmlu>=0.6'", explain: 'CI gate on a benchmark of the default forecast: the lower end of its 80% interval must reach 0.6' },
    { command: 'emerge thresholds --forecast forecast.yaml --params 7B --tokens 140B --require mmlu>=0.55', explain: 'CI gate on a forecast score: the lower end of its interval must reach the target' },
    { command: 'emerge thresholds --forecast forecast.yaml --reach hellaswag>=0.7 --tokens-per-param 20', explain: 'the smallest compute at which the forecast reaches a score' },
  ],
};
