import { formatOption, plotOptions, type Format, type PlotOptionValues } from './shared.js';
import type { CommandSpec, OptionSpec } from './spec.js';

export const FIT_KINDS = ['law', 'curve', 'forecast'] as const;
export type FitKind = (typeof FIT_KINDS)[number];
export const FIT_LOSSES = ['huber', 'mse', 'asymmetric'] as const;
export const FIT_AXES = ['params', 'compute', 'tokens', 'loss'] as const;
/** How forecasts go from a run's size to its score (src/core/forecast Via; a test checks they agree). */
export const FORECAST_VIAS = ['auto', 'compute', 'loss'] as const;
/** How forecast intervals are sized across tasks (src/core/forecast IntervalScaling; a test checks they agree). */
export const FORECAST_INTERVALS = ['pooled', 'scaled'] as const;

/** The raw values commander hands over (strings and booleans; the command parses and checks them). */
export interface FitOptions extends PlotOptionValues {
  kind?: FitKind;
  columns?: string;
  format?: Format;
  output?: string;
  chart?: boolean;
  bootstrap?: string;
  seed?: string;
  holdoutAbove?: string;
  allowUnconverged?: boolean;
  // law fits
  delta?: string;
  grid?: string;
  loss?: (typeof FIT_LOSSES)[number];
  excludeTopLoss?: string;
  atCompute?: string;
  // curve fits
  x?: (typeof FIT_AXES)[number];
  law?: string;
  group?: string;
  fitCeiling?: boolean;
  ignoreBaseline?: boolean;
  // forecasts
  via?: (typeof FORECAST_VIAS)[number];
  level?: string;
  intervalOffset?: string;
  intervals?: (typeof FORECAST_INTERVALS)[number];
}

/** Options that only some kinds of fit read, and those kinds: given with another kind they are a usage error. */
export const KIND_OPTIONS: Partial<Record<keyof FitOptions, readonly FitKind[]>> = {
  bootstrap: ['law', 'curve'],
  seed: ['law', 'curve'],
  chart: ['law', 'curve'],
  delta: ['law'],
  grid: ['law', 'forecast'],
  loss: ['law'],
  excludeTopLoss: ['law'],
  atCompute: ['law'],
  x: ['curve'],
  law: ['curve'],
  group: ['curve', 'forecast'],
  fitCeiling: ['curve'],
  ignoreBaseline: ['curve', 'forecast'],
  via: ['forecast'],
  level: ['forecast'],
  intervalOffset: ['forecast'],
  intervals: ['forecast'],
};

const commonOptions: readonly OptionSpec[] = [
  {
    flags: '--kind <kind>',
    description:
      'what to fit: law (a scaling law to training runs), curve (emergence curves to task scores) or forecast (task scores forecast from run size, through the loss when there is a loss column); by default a loss column means law, a score column curve, both forecast',
    choices: FIT_KINDS,
  },
  {
    flags: '--columns <map>',
    description:
      'header names for columns not recognised by name, e.g. "params=Model Size,loss=Final Loss" (law: params, tokens, compute, loss; curve: task, subtask, metric, model, score, baseline, params, compute, tokens)',
  },
  { flags: '--bootstrap <n>', description: 'case-bootstrap resamples for the 95% intervals; 0 to skip', defaultHelp: '1000' },
  { flags: '--seed <n>', description: 'seed of the bootstrap (an integer; the same seed gives the same intervals)', defaultHelp: '20220615' },
  {
    flags: '--holdout-above <scale>',
    description: 'back-test: fit only the runs or models at or below this scale (law and forecast: compute in FLOPs; curve: in the unit of --x) and report the error on the rest, next to baselines',
  },
  { flags: '--allow-unconverged', description: 'report a fit that did not converge instead of exiting with code 1 (law) or leaving the curve out (curve)' },
  formatOption,
  { flags: '--chart', description: 'add ASCII charts: observed and fitted loss across compute (law), scores and fitted curve per task with the threshold marked (curve)' },
  {
    flags: '--output <file>',
    description: 'also write the fit as YAML: the law for `emerge predict --law FILE` (law), the thresholds as an ability catalog for `--abilities FILE` (curve), or the forecast for `--forecast FILE` (forecast)',
  },
  ...plotOptions,
];

const lawOptions: readonly OptionSpec[] = [
  { flags: '--loss <loss>', description: 'penalty on log-loss residuals (law): huber (the published method), mse, or asymmetric (over-prediction weighted 9:1, a lower envelope)', choices: FIT_LOSSES, defaultHelp: 'huber' },
  { flags: '--delta <d>', description: 'Huber threshold on log-loss residuals (law; huber and asymmetric)', defaultHelp: '1e-3' },
  {
    flags: '--grid <grid>',
    description: 'starts of the L-BFGS multi-start search (law; forecast: of its loss law, where the default is 4,500 starts up to 11 runs, 972 up to 51, 243 beyond): standard (4,500), coarse (108) or a CSV file with columns a,b,e,alpha,beta (a = ln A, b = ln B, e = ln E)',
    defaultHelp: 'standard',
  },
  { flags: '--exclude-top-loss <k>', description: 'leave out the k runs with the highest loss (law; Besiroglu et al. 2024 leave out 5)', defaultHelp: '0' },
  { flags: '--at-compute <flops>', description: 'also report the compute-optimal parameter count at this budget, with its interval (law)' },
];

const curveOptions: readonly OptionSpec[] = [
  {
    flags: '--x <axis>',
    description: 'x axis of the curves (curve): params, compute, tokens, or loss (the loss predicted by --law from params and tokens); by default params, else compute, else tokens, whichever column exists first',
    choices: FIT_AXES,
  },
  {
    flags: '--law <name|file>',
    description: 'scaling law for --x loss and for converting compute or loss thresholds to parameters in --output (curve): a preset or a YAML file',
    defaultHelp: 'besiroglu2024',
  },
  { flags: '--group <columns>', description: 'fit one curve (curve) or forecast (forecast) per combination of these columns', defaultHelp: 'task, subtask and metric, those present' },
  { flags: '--fit-ceiling', description: 'fit the ceiling (in [highest score − 0.2, 1]) instead of fixing it at 1 (curve)' },
  { flags: '--ignore-baseline', description: 'fit every floor in [0, 0.3], even where a random_baseline column gives it (curve, forecast)' },
];

const forecastOptions: readonly OptionSpec[] = [
  {
    flags: '--via <method>',
    description: 'forecast: loss (two steps: loss(N, D), then score(loss)), compute (one step: score(log10 C)), or auto (per task, the one with the lower back-test error)',
    choices: FORECAST_VIAS,
    defaultHelp: 'loss with a loss column, else compute',
  },
  { flags: '--level <p>', description: 'forecast: level of the prediction intervals (0–1)', defaultHelp: '0.8' },
  {
    flags: '--interval-offset <decades>',
    description: 'forecast: d0 of the interval width w(d) = √(d0 + max(d, 0)) at d decades beyond the largest fitted run; a larger d0 keeps intervals wide inside the fitted range, as the scatter of models of many families needs (the default forecast of predict uses 2)',
    defaultHelp: '0.25',
  },
  {
    flags: '--intervals <sizing>',
    description: "forecast: pooled (one interval width for every task) or scaled (each task's width in proportion to the RMSE of its curve fit, for tasks that scatter differently; the default forecast of predict uses it)",
    choices: FORECAST_INTERVALS,
    defaultHelp: 'pooled',
  },
];

export const fitSpec: CommandSpec = {
  name: 'fit',
  arguments: [{ syntax: '<file>', description: 'CSV of training runs (law) or of task scores in long format (curve); - reads stdin' }],
  summary: 'fit a scaling law to training runs, or emergence curves to task scores, with intervals and a back-test',
  description:
    'Fit L(N, D) = E + A/N^alpha + B/D^beta to measured training runs by the published method (Huber loss on ' +
    'log-loss residuals, L-BFGS from a grid of 4,500 starts), or one emergence curve ' +
    'y = floor + (ceiling - floor)/(1 + e^(-k(x - x0))) per task to scores measured across models, with ' +
    'bootstrap intervals, diagnostics, an optional back-test, and a verdict per task (emergent, smooth); ' +
    'or forecast task scores from a ladder of runs, through their loss (two steps) or their compute (one), ' +
    'with prediction intervals calibrated on back-tests. ' +
    'The kind of fit follows from the columns: a loss column means a law, a score column curves, both a forecast.',
  options: [...commonOptions, ...lawOptions, ...curveOptions, ...forecastOptions],
  examples: [
    { command: 'emerge fit fixtures/chinchilla_runs.csv', explain: 'the Chinchilla law from the 240 runs of Besiroglu et al. 2024, with 95% intervals' },
    { command: 'emerge fit fixtures/chinchilla_epoch_points.csv --exclude-top-loss 5 --output law.yaml', explain: 'leave out the 5 outliers and save the law for `emerge predict --law law.yaml`' },
    { command: 'emerge fit fixtures/chinchilla_runs.csv --grid coarse --holdout-above 1e21 --chart', explain: 'fit below 1e21 FLOPs, test above it against the published laws' },
    { command: 'emerge fit fixtures/emergence_obsscaling_bigbench.csv --x compute', explain: 'emergence thresholds of BIG-bench tasks in training FLOPs' },
    { command: 'emerge fit fixtures/emergence_obsscaling_bigbench.csv --x compute --holdout-above 8.4e22 --bootstrap 0', explain: 'back-test: predict the larger models from the smaller ones' },
    { command: 'emerge fit fixtures/emergence_obsscaling_bigbench.csv --x compute --output abilities.yaml', explain: 'thresholds as an ability catalog for `emerge predict --abilities abilities.yaml`' },
    { command: 'emerge fit - --kind curve --columns "task=Benchmark,score=Accuracy,params=Size" < scores.csv', explain: 'your own scores from stdin, with your own column names' },
    { command: 'emerge fit fixtures/emergence_obsscaling_bigbench.csv --x compute --plot curves.svg', explain: 'every fitted curve as a panel of one picture, with its bootstrap band' },
    { command: 'emerge fit fixtures/ladder_rpj_paper.csv --output forecast.yaml', explain: 'forecast 46 tasks from a ladder of runs (score through the loss), for `emerge predict --forecast forecast.yaml`' },
    { command: 'emerge fit fixtures/ladder_rpj_paper.csv --holdout-above 1e21', explain: 'back-test the forecast on the two larger runs: MAE, coverage, interval score beside persistence' },
  ],
};
