/**
 * The seed's BIG-Bench categories (§5.1: reasoning, mathematics, programming, language, commonsense)
 * as sets of BIG-bench keywords, and the keywords of the BIG-bench tasks in the UKP file
 * (Lu et al. 2024). A task belongs to every category one of whose keywords it carries; a category
 * that no task matches has no measure. The keyword lists are those of each task's README in
 * google/BIG-bench (bigbench/benchmark_tasks/<task>/README.md), content keywords only (format
 * keywords such as "json", "multiple choice", "zero-shot" left out). The lists of analytic_entailment,
 * codenames, modified_arithmetic, social_iqa and strategyqa were checked against those READMEs. The
 * other sixteen were transcribed without a copy of BIG-bench at hand, and none of them has been
 * checked against the final google/BIG-bench: no copy of a task.json, task README or the
 * README/keywords_to_tasks tables past their first rows could be read in the stored sources searched.
 * What partial evidence was found (none changes a category membership, so no list was changed):
 * - causal_judgment, implicatures: a paper's transcription of the BIG-bench keywords (Zhou et al. 2022,
 *   "Large Language Models Are Human-Level Prompt Engineers", appendix table of the BIG-Bench
 *   Instruction Induction tasks) gives causal reasoning, common sense, reading comprehension, social
 *   reasoning (causal_judgment) and contextual question-answering, reading comprehension, social
 *   reasoning, theory of mind (implicatures); neither has the "human-like behavior" listed here. A
 *   secondary source, not a copy of BIG-bench, so the lists are left as they are.
 * - strange_stories: an early fork of BIG-bench (sylinrl/BIG-bench, task then named
 *   strange_stories_json) gives emotional understanding, social reasoning, theory of mind,
 *   truthfulness, where this list has narrative understanding instead of truthfulness; an old
 *   snapshot, not the final task, so the list is left as it is.
 * - common_morpheme, english_proverbs, fact_checker, figure_of_speech_detection, hindu_knowledge,
 *   international_phonetic_alphabet_transliterate, logical_deduction, misconceptions,
 *   nonsense_words_grammar, phrase_relatedness, physical_intuition, rhyming, tracking_shuffled_objects:
 *   no source found; unchecked.
 * The assignment is a choice: BIG-bench itself has no "reasoning" or "language" category.
 */

/** Category ability id (data/abilities.yaml) → the BIG-bench keywords that put a task in it. */
export const CATEGORY_KEYWORDS: Readonly<Record<string, readonly string[]>> = {
  'bigbench-reasoning': ['logical reasoning', 'causal reasoning', 'analogical reasoning', 'implicit reasoning'],
  'bigbench-math': ['mathematics', 'arithmetic'],
  'bigbench-programming': ['computer code'],
  'bigbench-language': ['linguistics', 'morphology', 'figurative language', 'translation'],
  'bigbench-commonsense': ['common sense'],
};

/** BIG-bench task → its content keywords. */
const TASK_KEYWORDS: Readonly<Record<string, readonly string[]>> = {
  analytic_entailment: ['decomposition', 'fallacy', 'logical reasoning', 'negation'],
  causal_judgment: ['causal reasoning', 'common sense', 'human-like behavior', 'reading comprehension', 'social reasoning'],
  codenames: ['analogical reasoning', 'creativity', 'logical reasoning'],
  common_morpheme: ['morphology'],
  english_proverbs: ['common sense', 'contextual question-answering', 'creativity', 'human-like behavior'],
  fact_checker: ['truthfulness'],
  figure_of_speech_detection: ['emotional understanding', 'figurative language', 'social reasoning', 'theory of mind'],
  hindu_knowledge: ['context-free question answering', 'memorization'],
  implicatures: ['contextual question-answering', 'human-like behavior', 'reading comprehension', 'social reasoning', 'theory of mind'],
  international_phonetic_alphabet_transliterate: ['translation'],
  logical_deduction: ['logical reasoning', 'out of distribution'],
  misconceptions: ['common sense', 'truthfulness'],
  modified_arithmetic: ['arithmetic', 'mathematics'],
  nonsense_words_grammar: ['contextual question-answering', 'linguistics', 'logical reasoning', 'out of distribution'],
  phrase_relatedness: ['reading comprehension', 'word sense disambiguation'],
  physical_intuition: ['chemistry', 'physical reasoning', 'physics'],
  rhyming: ['figurative language', 'linguistics'],
  social_iqa: ['common sense', 'context-free question answering', 'emotional understanding', 'social reasoning', 'theory of mind'],
  strange_stories: ['emotional understanding', 'narrative understanding', 'social reasoning', 'theory of mind'],
  strategyqa: ['context-free question answering', 'implicit reasoning', 'logical reasoning', 'multi-step task'],
  tracking_shuffled_objects: ['decomposition', 'logical reasoning', 'multi-step task', 'visual reasoning'],
};

/**
 * BIG-Bench Hard tasks of the ObsScaling CoT file whose keywords carry a category that no UKP task
 * measures: boolean_expressions is the one task of the shipped files with "computer code" (checked
 * against its README).
 */
export const BBH_TASK_KEYWORDS: Readonly<Record<string, readonly string[]>> = {
  boolean_expressions: ['algebra', 'computer code', 'context length', 'logical reasoning', 'multi-step task', 'non-language', 'truthfulness'],
};

/**
 * The tasks of `tasks` (in their order) that carry one of the category's keywords.
 * @example tasksOfCategory('bigbench-math', ['modified_arithmetic', 'rhyming']) // ['modified_arithmetic']
 */
export function tasksOfCategory(category: string, tasks: readonly string[], keywordsOf: Readonly<Record<string, readonly string[]>> = TASK_KEYWORDS): string[] {
  const keywords = CATEGORY_KEYWORDS[category] ?? [];
  return tasks.filter((t) => (keywordsOf[t] ?? []).some((k) => keywords.includes(k)));
}
