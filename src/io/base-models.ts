/**
 * The public evaluations of open base models that the default forecast is fitted to:
 * data/evidence-sources/obsscaling_base_models.csv, a verbatim copy of ../shared/data (Ruan,
 * Maddison & Hashimoto 2024, "Observational Scaling Laws and the Predictability of Language Model
 * Performance"; ryoungj/ObsScaling, Apache-2.0), with the file's two known source errors corrected
 * (core/evidence/corrections.ts), eight benchmarks with their chance levels, and the long format
 * that `emerge fit` reads.
 *
 * Build time only: scripts/default-forecast.ts fits data/forecast-default.yaml from it, and the
 * back-test (scripts/backtest-default.ts) and their tests read it; the CLI reads only the fitted file.
 */
import { correctBaseModels } from '../core/evidence/corrections.js';
import type { LadderTask } from '../core/forecast/index.js';
import { dataFile } from './data-files.js';
import { EVIDENCE_SOURCE_FILES, readCsvRows } from './evidence-sources.js';

/** A benchmark of the file: its id in the forecast, its column, and its chance level. */
export interface Benchmark {
  id: string;
  column: string;
  /** The score of guessing at random, the floor of its curve (0–1); undefined: the floor is fitted. */
  chance?: number;
  /** The setting of the source and why the chance level is what it is. */
  note: string;
}

export const DEFAULT_BENCHMARKS: readonly Benchmark[] = [
  { id: 'mmlu', column: 'mmlu', chance: 0.25, note: 'MMLU, 5-shot accuracy: four options' },
  { id: 'arc-challenge', column: 'arc_c', chance: 0.25, note: 'ARC-Challenge, 25-shot acc_norm: four options (a few questions have three or five)' },
  { id: 'hellaswag', column: 'hellaswag', chance: 0.25, note: 'HellaSwag, 10-shot acc_norm: four endings' },
  { id: 'winogrande', column: 'winograd', chance: 0.5, note: 'Winogrande, 5-shot accuracy: two options' },
  {
    id: 'truthfulqa',
    column: 'truthfulqa',
    note: 'TruthfulQA mc2, 0-shot: the share of probability a model gives the true answers among true and false ones. Indifference between the answers scores the mean share of true answers (the ten smallest models score 0.39-0.48), but larger models prefer the common falsehoods and score below it (60 of the 67 models from 1e21 to 1e23 FLOPs score under 0.41, median 0.37), so no chance level bounds the scores from below: the floor is fitted',
  },
  { id: 'gsm8k', column: 'gsm8k', chance: 0, note: 'GSM8K, 5-shot exact match of the final number: no options to guess among' },
  { id: 'xwinograd', column: 'xwinograd', chance: 0.5, note: 'XWinograd: two options' },
  { id: 'humaneval', column: 'humaneval', chance: 0, note: 'HumanEval pass@1: generated code that passes the tests' },
];

/** One model of the file, corrected. */
export interface BaseModel {
  model: string;
  family: string;
  /** Release date, YYYY-MM-DD, where the file gives one. */
  released?: string;
  params: number;
  tokens: number;
  /** Training compute 6·N·D, FLOPs (the source's own rule). */
  compute: number;
  /** Scores on 0–1 by benchmark id; a benchmark the model was not evaluated on is absent. */
  scores: Map<string, number>;
}

export interface BaseModels {
  /** Models with training tokens, in the file's order. */
  models: BaseModel[];
  /** Models without training tokens (no compute to place them at): left out. */
  withoutTokens: string[];
}

/** The file, corrected, as models. */
export function readBaseModels(): BaseModels {
  const rows = correctBaseModels(readCsvRows(dataFile(EVIDENCE_SOURCE_FILES.base)));
  const models: BaseModel[] = [];
  const withoutTokens: string[] = [];
  for (const row of rows) {
    if (row.training_tokens === '') {
      withoutTokens.push(row.model!);
      continue;
    }
    const params = Number(row.params);
    const tokens = Number(row.training_tokens);
    const scores = new Map<string, number>();
    for (const b of DEFAULT_BENCHMARKS) if (row[b.column] !== '') scores.set(b.id, Number(row[b.column]));
    models.push({ model: row.model!, family: row.model_family!, ...(row.release_date ? { released: row.release_date } : {}), params, tokens, compute: 6 * params * tokens, scores });
  }
  return { models, withoutTokens };
}

/** The models as the forecast's ladder: one task per benchmark, one point per model with a score. */
export function baseModelLadder(models: readonly BaseModel[]): LadderTask[] {
  return DEFAULT_BENCHMARKS.map((b) => ({
    id: b.id,
    ...(b.chance === undefined ? {} : { baseline: b.chance }),
    points: models.flatMap((m) => {
      const score = m.scores.get(b.id);
      return score === undefined ? [] : [{ run: m.model, params: m.params, tokens: m.tokens, compute: m.compute, score }];
    }),
  }));
}

export const LONG_CSV_HEADER = ['task', 'model', 'params', 'tokens', 'score', 'random_baseline'];

/**
 * The long format `emerge fit` reads (README, "Input formats (fit)"): one row per benchmark and
 * model, benchmark by benchmark, the numbers as the file gives them (the corrections aside).
 */
export function baseModelLongCsv(models: readonly BaseModel[]): string {
  const lines = [LONG_CSV_HEADER.join(',')];
  for (const task of baseModelLadder(models)) {
    for (const p of task.points) lines.push([task.id, p.run, p.params, p.tokens, p.score, task.baseline ?? ''].join(','));
  }
  return `${lines.join('\n')}\n`;
}
