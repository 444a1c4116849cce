import { forecastOption, noForecastOption, formatOption, planArgument, langOption, modelOptions, plotOptions, type Format, type ModelOptionValues, type PlotOptionValues } from './shared.js';
import type { CommandSpec } from './spec.js';

export interface PredictOptions extends ModelOptionValues, PlotOptionValues {
  format?: Format;
  lang?: 'en' | 'zh';
  chart?: boolean;
  listModels?: boolean;
  /** A path or `default`; false for --no-forecast. */
  forecast?: string | false;
}

export const predictSpec: CommandSpec = {
  name: 'predict',
  arguments: [planArgument],
  summary: 'predicted loss of a planned model and which abilities will have emerged',
  description:
    'Predict the loss of a planned model under a scaling law and, for each ability in the catalog, ' +
    'the probability that it has emerged. Without --tokens the model is judged in the reference ' +
    'regime of the catalog (3e11 tokens), where the verdict is the source table itself; with more ' +
    'data its effective size grows. Beside the abilities, the scores it would reach on eight public ' +
    'benchmarks with 80% intervals: the default forecast, fitted to open base models (in CSV, with ' +
    '--forecast default).',
  options: [
    ...modelOptions,
    forecastOption,
    noForecastOption,
    formatOption,
    langOption,
    { flags: '--chart', description: 'add an ASCII chart of the probabilities across scale, with the model marked' },
    { flags: '--list-models', description: 'list the model catalog (slugs for --model) and exit' },
    ...plotOptions,
  ],
  examples: [
    { command: 'emerge predict --params 70e9', explain: 'a 70B model in the reference regime' },
    { command: 'emerge predict --params 8B --tokens 15T --ability chain-of-thought', explain: 'more data, larger effective size' },
    { command: 'emerge predict --model llama-2-70b --format json', explain: 'a catalog model, as JSON' },
    { command: 'emerge predict --compute 1e24 --law hoffmann2022', explain: 'the compute-optimal model for a budget' },
    { command: 'emerge predict plans.csv --format csv', explain: 'one result per row of a CSV, streamed (a .yaml file is a plan like --config)' },
    { command: 'emerge predict --params 8B --tokens 15T --plot predict.png', explain: 'the probability chart as a picture (.svg, .png or .vl.json)' },
    { command: 'emerge predict --params 70e9 --tokens 2e12 --format json', explain: 'with the default forecast of eight public benchmarks (MMLU, ARC, ...), each with its 80% interval' },
    { command: 'emerge predict plans.csv --forecast default --format csv', explain: 'the default forecast as CSV: one row per model and benchmark' },
    { command: 'emerge predict --forecast forecast.yaml --params 30e9 --tokens 6e12', explain: 'task scores forecast from a ladder of runs instead, with intervals' },
  ],
};
