/**
 * The measures that test the seed's thresholds, each a curve fitted to public evaluations of many
 * models (README, "What the data say about the seed's thresholds"):
 *
 * - chain-of-thought on BBH: g = mean_t CoT_t − mean_t direct_t over the 27 BIG-Bench Hard tasks
 *   (3-shot, exact match after flexible answer extraction), ObsScaling (Ruan et al. 2024);
 * - chain-of-thought on GSM8K: g = CoT (8-shot) − direct (5-shot), exact match, flexible extraction;
 * - in-context learning: g = mean_t (few-shot_t − 0-shot_t) over the BIG-bench tasks of the UKP file
 *   (Lu et al. 2024; 5 shots, 2 for causal_judgment and 4 for strange_stories as run there; the
 *   "closed" prompt with the answer options; exact match), base models that ran every task;
 * - instruction following: g = mean_t (tuned_t − base_t), 0-shot, closed prompt, over the tasks
 *   every base/instruction-tuned pair ran, at the base model's size;
 * - code generation: HumanEval pass@1 of the ObsScaling base models, at pass-rate levels;
 * - BIG-Bench categories: the mean few-shot exact match (closed prompt) over the category's tasks
 *   (bigbench-keywords.ts), base models that ran them all.
 *
 * Gains are fitted with their small-model value as a fitted floor (threshold.ts) and their threshold
 * is where the fitted gain reaches +2 points: "reliably positive". Two points is about two standard
 * errors of a difference of two accuracies at low accuracy on these benchmarks (6,511 BBH items,
 * 1,319 GSM8K items), and, unlike the zero crossing, it is defined when small models score 0 under
 * both prompts (GSM8K), where the curve only touches 0. Scores have the threshold of their level.
 */
import type { Level } from './threshold.js';
import { BBH_TASK_KEYWORDS, CATEGORY_KEYWORDS, tasksOfCategory } from './bigbench-keywords.js';
import { meanOverTasks, meanScores, modelSizes, type ModelValue, type Row } from './points.js';

export type DatasetId = 'obsscaling-cot' | 'ukp-on-emergence' | 'obsscaling-base';

/** The rows of the three evidence files. */
export interface EvidenceSources {
  cot: readonly Row[];
  ukp: readonly Row[];
  base: readonly Row[];
}

export interface MeasureSpec {
  id: string;
  name: { en: string; zh: string };
  dataset: DatasetId;
  /** What is measured, with its formula. */
  definition: string;
  /** The ability ids it tests, each with the level whose crossing is its threshold. */
  abilities: { id: string; level: Level }[];
  shift: number;
  floor?: number;
  fitCeiling: boolean;
  /** Whether the file gives training FLOPs (fitted on that axis too) or only parameters. */
  flops: 'fit' | 'reference-regime';
  points: (sources: EvidenceSources) => ModelValue[];
  note?: string;
}

/** Gains: reliably positive at +2 points (see the module comment). */
export const GAIN_LEVEL = 0.02;
/** Gains are fitted shifted by 0.3, so that their floor is searched in [−0.3, 0] (threshold.ts). */
export const GAIN_SHIFT = 0.3;

/** HumanEval pass@1 levels for the seed's four code dimensions (§2.4.2): a choice, see README. */
const CODE_LEVELS: readonly { id: string; level: number }[] = [
  { id: 'code-syntax', level: 0.05 },
  { id: 'code-logic', level: 0.2 },
  { id: 'code-quality', level: 0.35 },
  { id: 'code-complex-algorithms', level: 0.5 },
];

/** The base / instruction-tuned pairs of the UKP file. */
const INSTRUCTION_PAIRS: readonly [string, string][] = [
  ['t5-small', 'google/flan-t5-small'],
  ['gpt2', 'Rachneet/gpt2-alpaca'],
  ['t5-large', 'google/flan-t5-large'],
  ['gpt2-xl', 'Rachneet/gpt2-xl-alpaca'],
  ['EleutherAI/gpt-j-6b', 'togethercomputer/GPT-JT-6B-v1'],
  ['models--llama/7B', 'chavinlo/alpaca-native'],
  ['tiiuae/falcon-7b', 'tiiuae/falcon-7b-instruct'],
  ['models--llama/13B', 'chavinlo/alpaca-13b'],
  ['tiiuae/falcon-40b', 'tiiuae/falcon-40b-instruct'],
  ['davinci', 'text-davinci-001'],
];

/** UKP tasks that are not from BIG-bench. */
const NOT_BIGBENCH = new Set(['gsm8k', 'commonsense_qa']);

/** The UKP file's BIG-bench tasks, in file order. */
export function ukpBigBenchTasks(ukp: readonly Row[]): string[] {
  return [...new Set(ukp.map((r) => r.task!))].filter((t) => !NOT_BIGBENCH.has(t));
}

/** Shots of a task's few-shot runs in the UKP file: the largest it has (5; 2 or 4 for two tasks). */
export function fewShots(ukp: readonly Row[]): Map<string, string> {
  const shots = new Map<string, number>();
  for (const r of ukp) shots.set(r.task!, Math.max(shots.get(r.task!) ?? 0, Number(r.shots)));
  return new Map([...shots].map(([t, s]) => [t, String(s)]));
}

type UkpScore = (task: string, shots: string, prompting: string, model: string) => number | undefined;

/** Mean exact match per (task|shots|prompting) and model in the UKP file. */
function ukpScores(ukp: readonly Row[]): UkpScore {
  const scores = meanScores(ukp, (r) => (r.metric === 'exact_match_accuracy' ? `${r.task}|${r.shots}|${r.prompting}` : undefined));
  return (task, shots, prompting, model) => scores.get(`${task}|${shots}|${prompting}`)?.get(model);
}

/** Base models of the UKP file with a parameter count, in file order. */
export function ukpBaseModels(ukp: readonly Row[]): string[] {
  return [...new Set(ukp.filter((r) => r.instruction_tuned === '0' && r.params).map((r) => r.model!))];
}

/** Per model, the mean over `tasks` of CoT minus the mean of direct answers; `keyOf` maps a row to "task|cot" or "task|direct". */
function cotGains(cot: readonly Row[], keyOf: (r: Row) => string | undefined, tasks: readonly string[]): ModelValue[] {
  const scores = meanScores(cot, keyOf);
  const sizes = modelSizes(cot);
  const value = (prompt: string) => (task: string, model: string) => scores.get(`${task}|${prompt}`)?.get(model);
  const models = [...sizes.keys()];
  const withCot = new Map(meanOverTasks(models, tasks, sizes, value('cot')).map((p) => [p.model, p]));
  return meanOverTasks(models, tasks, sizes, value('direct')).flatMap((d) => {
    const c = withCot.get(d.model);
    return c ? [{ ...d, value: c.value - d.value }] : [];
  });
}

const BBH_TASKS = 27;

function bbhGain(s: EvidenceSources): ModelValue[] {
  const tasks = [...new Set(s.cot.map((r) => r.task!).filter((t) => t.startsWith('bbh:')))];
  if (tasks.length !== BBH_TASKS) throw new RangeError(`expected ${BBH_TASKS} BBH tasks, found ${tasks.length}`);
  return cotGains(s.cot, (r) => (r.task!.startsWith('bbh:') && r.metric === 'exact_match_flexible' ? `${r.task}|${r.prompting}` : undefined), tasks);
}

function gsm8kGain(s: EvidenceSources): ModelValue[] {
  const key = (r: Row): string | undefined => {
    if (r.task !== 'gsm8k' || r.metric !== 'exact_match_flexible-extract') return undefined;
    if (r.prompting === 'cot' && r.shots === '8') return 'gsm8k|cot';
    if (r.prompting === 'direct' && r.shots === '5') return 'gsm8k|direct';
    return undefined;
  };
  return cotGains(s.cot, key, ['gsm8k']);
}

function iclGain(s: EvidenceSources): ModelValue[] {
  const score = ukpScores(s.ukp);
  const shots = fewShots(s.ukp);
  return meanOverTasks(ukpBaseModels(s.ukp), closedPromptTasks(s.ukp), modelSizes(s.ukp), (t, m) => {
    const few = score(t, shots.get(t)!, 'closed', m);
    const zero = score(t, '0', 'closed', m);
    return few === undefined || zero === undefined ? undefined : few - zero;
  });
}

/** The tasks every instruction pair ran at 0 shots with the closed prompt, in file order. */
function instructionTasks(ukp: readonly Row[], score: UkpScore): string[] {
  return [...new Set(ukp.map((r) => r.task!))].filter((t) => INSTRUCTION_PAIRS.every(([b, i]) => score(t, '0', 'closed', b) !== undefined && score(t, '0', 'closed', i) !== undefined));
}

function instructionGain(s: EvidenceSources): ModelValue[] {
  const score = ukpScores(s.ukp);
  const sizes = modelSizes(s.ukp);
  const tuned = new Map(INSTRUCTION_PAIRS);
  return meanOverTasks(
    INSTRUCTION_PAIRS.map(([b]) => b),
    instructionTasks(s.ukp, score),
    sizes,
    (t, b) => score(t, '0', 'closed', tuned.get(b)!)! - score(t, '0', 'closed', b)!,
  );
}

function humaneval(s: EvidenceSources): ModelValue[] {
  return s.base
    .filter((r) => r.humaneval !== '')
    .map((r) => ({ model: r.model!, params: Number(r.params), ...(r.training_flop ? { flops: Number(r.training_flop) } : {}), value: Number(r.humaneval) }));
}

/** The base models' mean few-shot exact match over a category's tasks. */
function categoryScores(ukp: readonly Row[], category: string): ModelValue[] {
  const score = ukpScores(ukp);
  const shots = fewShots(ukp);
  return meanOverTasks(ukpBaseModels(ukp), categoryTasks(ukp, category), modelSizes(ukp), (t, m) => score(t, shots.get(t)!, 'closed', m));
}

/** A category's BIG-bench tasks that were run with the closed prompt (all but international_phonetic_alphabet_transliterate). */
export function categoryTasks(ukp: readonly Row[], category: string): string[] {
  return tasksOfCategory(category, closedPromptTasks(ukp));
}

/** The BIG-bench tasks of the UKP file run with the closed prompt (the answer options in the prompt). */
function closedPromptTasks(ukp: readonly Row[]): string[] {
  const closed = tasksWithClosedPrompt(ukp);
  return ukpBigBenchTasks(ukp).filter((t) => closed.has(t));
}

/** The UKP file's tasks (BIG-bench or not) that were run with the closed prompt. */
export function tasksWithClosedPrompt(ukp: readonly Row[]): Set<string> {
  return new Set(ukp.filter((r) => r.prompting === 'closed').map((r) => r.task!));
}

/** Direct-prompting exact match (flexible extraction) of the models on one BBH task, with its random baseline. */
function bbhDirect(cot: readonly Row[], task: string): ModelValue[] {
  const rows = cot.filter((r) => r.task === `bbh:${task}` && r.prompting === 'direct' && r.metric === 'exact_match_flexible');
  const scores = meanScores(rows, () => task).get(task)!;
  return meanOverTasks(new Set(rows.map((r) => r.model!)), [task], modelSizes(rows), (_t, m) => scores.get(m));
}

/** The random baseline of a BBH task in the file. */
function bbhBaseline(cot: readonly Row[], task: string): number {
  return Number(cot.find((r) => r.task === `bbh:${task}`)!.random_baseline);
}

const GAIN = { shift: GAIN_SHIFT, fitCeiling: true } as const;

/** Every measure, in the order of the catalog's seed abilities. */
export function measureSpecs(ukp: readonly Row[], cot: readonly Row[]): MeasureSpec[] {
  const categories = Object.keys(CATEGORY_KEYWORDS).flatMap((id): MeasureSpec[] => {
    const tasks = categoryTasks(ukp, id);
    if (tasks.length === 0) {
      // A category no UKP task measures: a BBH task of the CoT file with its keyword, if one exists.
      return tasksOfCategory(id, Object.keys(BBH_TASK_KEYWORDS), BBH_TASK_KEYWORDS).map((task) => ({
        id: `${id}-bbh`,
        name: { en: `BBH ${task}, direct exact match`, zh: `BBH ${task}，直接回答精确匹配` },
        dataset: 'obsscaling-cot' as const,
        definition: `y = exact match on ${task} (3-shot direct answers, flexible extraction), a BBH task with the keyword "${CATEGORY_KEYWORDS[id]!.join('", "')}" (no UKP task has it); threshold = the midpoint x0 of the fitted rise from the random baseline ${bbhBaseline(cot, task)} to 1`,
        abilities: [{ id, level: 'midpoint' as const }],
        shift: 0,
        floor: bbhBaseline(cot, task),
        fitCeiling: false,
        flops: 'fit' as const,
        points: (s: EvidenceSources) => bbhDirect(s.cot, task),
        note: 'one task of Boolean logic written as code-like expressions: a narrow proxy for programming',
      }));
    }
    return [
      {
        id: `${id}-score`,
        name: { en: `BIG-bench ${id.replace('bigbench-', '')}, few-shot exact match`, zh: `BIG-bench ${id.replace('bigbench-', '')} 类任务，少样本精确匹配` },
        dataset: 'ukp-on-emergence',
        definition: `y = mean exact match over ${tasks.length} task${tasks.length > 1 ? 's' : ''} (${tasks.join(', ')}), few-shot, closed prompt; threshold = the midpoint x0 of the fitted rise (floor fitted, ceiling 1), as emerge fit reports it`,
        abilities: [{ id, level: 'midpoint' }],
        shift: 0,
        fitCeiling: false,
        flops: 'reference-regime',
        points: (s) => categoryScores(s.ukp, id),
      },
    ];
  });
  return [
    {
      id: 'icl-gain',
      name: { en: 'few-shot − 0-shot gain, BIG-bench tasks', zh: '少样本相对零样本的增益（BIG-bench 任务）' },
      dataset: 'ukp-on-emergence',
      definition: 'g = mean over the BIG-bench tasks of (few-shot − 0-shot exact match), closed prompt; threshold: the fitted gain reaches +2 points',
      abilities: [{ id: 'in-context-learning', level: GAIN_LEVEL }],
      ...GAIN,
      flops: 'reference-regime',
      points: iclGain,
    },
    {
      id: 'cot-gain-bbh',
      name: { en: 'CoT − direct gain, 27 BBH tasks', zh: '思维链相对直接回答的增益（BBH 27 项任务）' },
      dataset: 'obsscaling-cot',
      definition: 'g = mean over the 27 BBH tasks of CoT exact match − mean of direct exact match (3-shot, flexible extraction); threshold: the fitted gain reaches +2 points',
      abilities: [{ id: 'chain-of-thought', level: GAIN_LEVEL }],
      ...GAIN,
      flops: 'fit',
      points: bbhGain,
    },
    {
      id: 'cot-gain-gsm8k',
      name: { en: 'CoT − direct gain, GSM8K', zh: '思维链相对直接回答的增益（GSM8K）' },
      dataset: 'obsscaling-cot',
      definition: 'g = GSM8K exact match with 8-shot CoT − with 5-shot direct answers (flexible extraction); threshold: the fitted gain reaches +2 points',
      abilities: [{ id: 'chain-of-thought', level: GAIN_LEVEL }],
      ...GAIN,
      flops: 'fit',
      points: gsm8kGain,
    },
    {
      id: 'instruction-gain',
      name: { en: 'instruction-tuned − base gain, 0-shot', zh: '指令微调模型相对基座模型的增益（零样本）' },
      dataset: 'ukp-on-emergence',
      definition: 'g = mean over the tasks every pair ran of (instruction-tuned − base exact match), 0-shot, closed prompt, at the base model\'s size; threshold: the fitted gain reaches +2 points',
      abilities: ['instruction-following-simple', 'instruction-following-medium', 'instruction-following-complex'].map((id) => ({ id, level: GAIN_LEVEL })),
      ...GAIN,
      flops: 'reference-regime',
      points: instructionGain,
      note: 'one measure for all three levels: no task of the file grades instructions by complexity; the gain does not grow with size here (Flan-T5 small and large gain most)',
    },
    {
      id: 'humaneval',
      name: { en: 'HumanEval pass@1', zh: 'HumanEval pass@1' },
      dataset: 'obsscaling-base',
      definition: 'y = HumanEval pass@1 (0-shot), floor 0, ceiling 1; threshold: the fitted curve reaches the level of the dimension (syntax 5%, logic 20%, quality 35%, complex algorithms 50%: a chosen mapping)',
      abilities: CODE_LEVELS.map(({ id, level }) => ({ id, level })),
      shift: 0,
      floor: 0,
      fitCeiling: false,
      flops: 'fit',
      points: humaneval,
    },
    ...categories,
  ];
}
