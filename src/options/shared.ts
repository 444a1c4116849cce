/**
 * Options shared by several subcommands: what model is planned (predict, thresholds), the law, the
 * catalog, and the output format.
 */
import type { OptionSpec } from './spec.js';

export const FORMATS = ['table', 'csv', 'json'] as const;
export type Format = (typeof FORMATS)[number];

export const formatOption: OptionSpec = {
  flags: '--format <format>',
  description: 'output format: table (for people), csv or json (for programs)',
  choices: FORMATS,
  defaultHelp: 'table',
};

export const lawOption: OptionSpec = {
  flags: '--law <name|file>',
  description: 'scaling law: besiroglu2024, hoffmann2022, hoffmann2022-unrounded, kaplan2020, or a YAML file',
  defaultHelp: 'besiroglu2024',
};

export const abilitiesFileOption: OptionSpec = {
  flags: '--abilities <file>',
  description: 'ability catalog YAML file instead of the shipped one (same format as data/abilities.yaml)',
};

export const abilityOption: OptionSpec = {
  flags: '--ability <ids>',
  description: 'only these abilities (comma-separated ids, e.g. in-context-learning,chain-of-thought)',
};

export const langOption: OptionSpec = {
  flags: '--lang <lang>',
  description: 'language of ability names',
  choices: ['en', 'zh'],
  defaultHelp: 'en',
};

export const qualityOption: OptionSpec = {
  flags: '--quality <q>',
  description: 'data quality: low, standard, high (×0.5, ×1, ×2 effective data) or a factor',
  defaultHelp: 'standard',
};

/** A forecast file written by `emerge fit --output` for a ladder, or `default` (predict, thresholds). */
export const forecastOption: OptionSpec = {
  flags: '--forecast <file>',
  description: "forecast file (written by emerge fit --output from a ladder of runs) to use instead of the default forecast of eight public benchmarks, or `default` for that one by name: each task's forecast score, interval and extrapolation distance",
};

/** Leave the default forecast out (predict, thresholds). */
export const noForecastOption: OptionSpec = {
  flags: '--no-forecast',
  description: 'leave out the default forecast of the eight public benchmarks (mmlu, arc-challenge, hellaswag, winogrande, truthfulqa, gsm8k, xwinograd, humaneval)',
};

/** `emerge predict plans.csv`: the plan file as the positional argument (src/commands/shared/plan-file.ts). */
export const planArgument = {
  syntax: '[file]',
  description: 'plan file: a CSV of planned models (as --input; - reads stdin) or a .yaml plan (as --config)',
};

/** The planned model: the same flags and parsing for predict and thresholds. */
export const modelOptions: readonly OptionSpec[] = [
  { flags: '--params <size>', description: 'parameters N: 70e9, 7e10, 70B, 1.4T, 350M' },
  { flags: '--tokens <count>', description: 'training tokens D (default: the reference regime, 3e11)' },
  { flags: '--compute <flops>', description: 'training compute C in FLOPs; alone, N and D are compute-optimal under the law' },
  { flags: '--model <slug>', description: 'a model from the catalog (see --list-models), e.g. llama-2-70b' },
  { flags: '--layers <n>', description: 'number of layers (with --d-model and --vocab: N = 12·layers·d_model² + vocab·d_model)' },
  { flags: '--d-model <n>', description: 'model width d_model' },
  { flags: '--vocab <n>', description: 'vocabulary size' },
  qualityOption,
  lawOption,
  abilitiesFileOption,
  abilityOption,
  { flags: '--input <file>', description: 'batch: CSV of planned models (columns params, optional tokens and name), or - for stdin' },
  { flags: '--config <file>', description: 'plan as YAML: the same settings, one model or a list under `models:`; flags override' },
];

/** The raw values commander hands over for modelOptions (all strings: parsing happens in io). */
export interface ModelOptionValues {
  params?: string;
  tokens?: string;
  compute?: string;
  model?: string;
  layers?: string;
  dModel?: string;
  vocab?: string;
  quality?: string;
  law?: string;
  abilities?: string;
  ability?: string;
  input?: string;
  config?: string;
}

/** `--plot FILE` and `--plot-size WxH`: every command that draws a chart (src/io/plot-target.ts checks them). */
export const plotOptions: readonly OptionSpec[] = [
  { flags: '--plot <file>', description: 'also write the chart as a picture, in the format of the extension: .svg, .png, or .vl.json (Vega-Lite, data inline); several charts are small multiples in one picture' },
  { flags: '--plot-size <WxH>', description: 'size of the --plot picture in pixels', defaultHelp: '1200x750' },
];

export interface PlotOptionValues {
  plot?: string;
  plotSize?: string;
}
