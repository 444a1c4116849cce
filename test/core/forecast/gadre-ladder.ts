// Reads fixtures/ladder_gadre.csv (Gadre et al. 2024, via scripts/make-ladder-fixture.mjs) into
// ladder tasks for the forecast tests and the bench (the product reads it with src/api/fit/forecast-input.ts).
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { LadderTask } from '../../../src/core/forecast/index.js';

export const GADRE_CSV = new URL('../../../fixtures/ladder_gadre.csv', import.meta.url);

export type GadreRow = Record<'ladder' | 'model' | 'role' | 'in_paper_default_fit' | 'params' | 'tokens' | 'training_flop' | 'task' | 'score' | 'random_baseline' | 'loss', string>;

export function gadreRows(): GadreRow[] {
  return parse(readFileSync(GADRE_CSV, 'utf8'), { columns: true, skip_empty_lines: true }) as GadreRow[];
}

/** One task per `task`, one point per run; `keep` selects the rows. */
export function gadreTasks(keep: (row: GadreRow) => boolean): LadderTask[] {
  const tasks = new Map<string, LadderTask>();
  for (const r of gadreRows().filter(keep)) {
    let task = tasks.get(r.task);
    if (!task) tasks.set(r.task, (task = { id: r.task, baseline: Number(r.random_baseline), points: [] }));
    task.points.push({ run: r.model, params: Number(r.params), tokens: Number(r.tokens), compute: Number(r.training_flop), score: Number(r.score), loss: Number(r.loss) });
  }
  return [...tasks.values()];
}

/** The 17 tasks whose mean top-1 error Gadre et al. forecast (../shared/data/README.md). */
export const TASKS_17 = ['bigbench_operators', 'pubmed_qa_labeled', 'hellaswag_zeroshot', 'boolq', 'arc_easy', 'coqa', 'bigbench_dyck_languages', 'lambada_openai', 'bigbench_novel_concepts', 'winograd', 'bigbench_cs_algorithms', 'commonsense_qa', 'bigbench_qa_wikidata', 'hellaswag', 'copa', 'squad', 'piqa'];

export const RPJ_PAPER = (r: GadreRow): boolean => r.ladder === 'openlm_rpj' && (r.in_paper_default_fit !== '' || r.role === 'target');
export const RPJ_LADDER = (r: GadreRow): boolean => r.ladder === 'openlm_rpj';
