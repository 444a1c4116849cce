/**
 * The evidence document shipped in data/evidence.yaml (written by scripts/build-evidence.ts, read by
 * `emerge thresholds --evidence`): for each of the seed's abilities, the claim and what the data say.
 * Numbers are rounded to 4 significant digits, so that the document is the same on every platform.
 */
import { DEFAULT_SEED } from '../random.js';
import { hashKey, sigmoidScore } from '../curve-fit/index.js';
import { CATEGORY_KEYWORDS, tasksOfCategory } from './bigbench-keywords.js';
import { compareWithClaim, decadesFromClaim, DEFAULT_TOLERANCE_DECADES, type Comparison } from './compare.js';
import { BASE_MODEL_CORRECTIONS, correctBaseModels } from './corrections.js';
import { categoryTasks, fewShots, GAIN_LEVEL, measureSpecs, tasksWithClosedPrompt, ukpBaseModels, ukpBigBenchTasks, type DatasetId, type EvidenceSources, type MeasureSpec } from './measures.js';
import { mirageTask, type MirageTask } from './mirage.js';
import { meanScores, modelSizes, type ModelValue } from './points.js';
import { fitMeasureCurve, thresholdAt, type Level, type MeasureCurve, type ThresholdFit, type Where } from './threshold.js';

export type Pair = [number | null, number | null];

export interface EvidenceEntry {
  measure: string;
  name: string;
  name_zh: string;
  definition: string;
  level: Level;
  threshold_params: number | null;
  threshold_flops: number | null;
  interval: { params: Pair; flops: Pair };
  range: { params: [number, number]; flops: [number, number] };
  where: { params: Where; flops: Where };
  dataset: DatasetId;
  models: number;
  /** Models in the fit against FLOPs (those with training FLOPs); null when FLOPs come from the reference regime. */
  models_flops: number | null;
  flops_from: 'fit' | 'reference-regime';
  /** The fitted curve against parameters: small- and large-model values, midpoint and sharpness per decade. */
  curve: { floor: number; ceiling: number; x0: number; k: number };
  comparison: Comparison;
  decades: number | null;
  note: string;
}

export interface AbilityEvidence {
  id: string;
  claim_params: number;
  evidence: EvidenceEntry[];
  /** Why an ability has no evidence. */
  note?: string;
}

export interface EvidenceDocument {
  version: 1;
  tolerance_decades: number;
  gain_level: number;
  reference_tokens: number;
  bootstrap: number;
  seed: number;
  datasets: Record<DatasetId, { file: string; source: string; licence: string; models: number }>;
  corrections: { model: string; column: string; from: number; to: number; note: string }[];
  /** Each BIG-Bench category: its keywords, the file's tasks that carry one, and those measured (run with the closed prompt). */
  categories: Record<string, { keywords: string[]; tasks: string[]; measured: string[] }>;
  abilities: AbilityEvidence[];
  mirage: {
    dataset: DatasetId;
    definition: string;
    tasks: (MirageTask & Record<string, unknown>)[];
    summary: { tasks: number; emergent_exact_match: number; emergent_edit_similarity: number; holds: number };
  };
}

export interface SeedClaim {
  id: string;
  thresholdParams: number;
}

const DATASETS: Record<DatasetId, { file: string; source: string; licence: string }> = {
  'obsscaling-cot': {
    file: 'data/evidence-sources/emergence_obsscaling_cot.csv',
    source: 'ObsScaling (Ruan, Maddison & Hashimoto 2024), ryoungj/ObsScaling eval_results/base_llm_post_training_eval.csv',
    licence: 'Apache-2.0',
  },
  'ukp-on-emergence': {
    file: 'data/evidence-sources/emergence_ukp_on_emergence.csv',
    source: 'Lu et al. 2024, "Are Emergent Abilities in Large Language Models just In-Context Learning?" (ACL), UKPLab/on-emergence evaluation_scores.csv',
    licence: 'CC BY-SA 4.0',
  },
  'obsscaling-base': {
    file: 'data/evidence-sources/obsscaling_base_models.csv',
    source: 'ObsScaling (Ruan, Maddison & Hashimoto 2024), ryoungj/ObsScaling eval_results/base_llm_benchmark_eval.csv',
    licence: 'Apache-2.0',
  },
};

export interface DocumentOptions {
  referenceTokens: number;
  bootstrap?: number;
  seed?: number;
  tolerance?: number;
}

/**
 * The evidence for every seed claim (in the order given) from the rows of the evidence files.
 * @example buildEvidence(sources, claims, { referenceTokens: 3e11 }).abilities[1].evidence[0].comparison // 'earlier' (CoT on BBH)
 */
export function buildEvidence(raw: EvidenceSources, claims: readonly SeedClaim[], options: DocumentOptions): EvidenceDocument {
  const sources: EvidenceSources = { ...raw, base: correctBaseModels(raw.base) };
  const bootstrap = options.bootstrap ?? 1000;
  const seed = options.seed ?? DEFAULT_SEED;
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE_DECADES;
  const specs = measureSpecs(sources.ukp, sources.cot);
  const entries = new Map<string, EvidenceEntry[]>();
  for (const spec of specs) {
    const points = spec.points(sources);
    const fit = (axis: 'params' | 'flops'): MeasureCurve => {
      const usable = points.filter((p) => (axis === 'params' ? p.params : p.flops) !== undefined);
      return fitMeasureCurve(
        usable.map((p) => ({ model: p.model, scale: (axis === 'params' ? p.params : p.flops)!, value: p.value })),
        { shift: spec.shift, fitCeiling: spec.fitCeiling, bootstrap, seed: (seed + hashKey(`${spec.id}/${axis}`)) >>> 0, ...(spec.floor === undefined ? {} : { floor: spec.floor }) },
      );
    };
    const byParams = fit('params');
    const byFlops = spec.flops === 'fit' ? fit('flops') : undefined;
    for (const target of spec.abilities) {
      const claim = claims.find((c) => c.id === target.id);
      if (!claim) continue;
      const params = thresholdAt(byParams, target.level);
      const flops = byFlops ? thresholdAt(byFlops, target.level) : inReferenceRegime(params, options.referenceTokens);
      const entry = evidenceEntry(spec, target, claim, params, flops, points, tolerance);
      entries.set(target.id, [...(entries.get(target.id) ?? []), entry]);
    }
  }
  const datasets = Object.fromEntries(
    (Object.keys(DATASETS) as DatasetId[]).map((id) => [id, { ...DATASETS[id], models: new Set(sourceRows(sources, id).map((r) => r.model)).size }]),
  ) as EvidenceDocument['datasets'];
  const bigbench = ukpBigBenchTasks(sources.ukp);
  return {
    version: 1,
    tolerance_decades: tolerance,
    gain_level: GAIN_LEVEL,
    reference_tokens: options.referenceTokens,
    bootstrap,
    seed,
    datasets,
    corrections: BASE_MODEL_CORRECTIONS.map((c) => ({ ...c })),
    categories: Object.fromEntries(Object.entries(CATEGORY_KEYWORDS).map(([id, keywords]) => [id, { keywords: [...keywords], tasks: tasksOfCategory(id, bigbench), measured: categoryTasks(sources.ukp, id) }])),
    abilities: claims.map((c) => {
      const evidence = entries.get(c.id) ?? [];
      return evidence.length > 0 ? { id: c.id, claim_params: c.thresholdParams, evidence } : { id: c.id, claim_params: c.thresholdParams, evidence, note: noEvidenceNote(c.id, bigbench) };
    }),
    mirage: mirage(sources),
  };
}

function sourceRows(s: EvidenceSources, id: DatasetId): EvidenceSources['cot'] {
  return id === 'obsscaling-cot' ? s.cot : id === 'ukp-on-emergence' ? s.ukp : s.base;
}

/** A parameter threshold as training compute in the reference regime, C = 6·N·D_ref. */
function inReferenceRegime(fit: ThresholdFit, tokens: number): ThresholdFit {
  const c = (n: number | null): number | null => (n === null ? null : 6 * n * tokens);
  return { ...fit, threshold: c(fit.threshold), interval: [c(fit.interval[0]), c(fit.interval[1])], range: [6 * fit.range[0] * tokens, 6 * fit.range[1] * tokens] };
}

function evidenceEntry(spec: MeasureSpec, target: MeasureSpec['abilities'][number], claim: SeedClaim, params: ThresholdFit, flops: ThresholdFit, points: ModelValue[], tolerance: number): EvidenceEntry {
  const c = params.curve;
  const at = (scale: number): string => `${pct(sigmoidScore(c, Math.log10(scale)))} at ${sci(scale)}`;
  const notes = [`fitted against parameters: ${at(params.range[0])} (smallest model), ${at(params.range[1])} (largest)`, spec.note].filter((n): n is string => n !== undefined);
  const withFlops = points.filter((p) => p.flops !== undefined).length;
  const perLevel = new Set(spec.abilities.map((a) => a.level)).size > 1;
  const percent = round(Number(target.level) * 100);
  return {
    // HumanEval serves four abilities, one level each: humaneval-5 … humaneval-50.
    measure: perLevel ? `${spec.id}-${percent}` : spec.id,
    name: perLevel ? `${spec.name.en} ≥ ${percent}%` : spec.name.en,
    name_zh: perLevel ? `${spec.name.zh} ≥ ${percent}%` : spec.name.zh,
    definition: spec.definition,
    level: typeof target.level === 'number' ? round(target.level) : target.level,
    threshold_params: r4(params.threshold),
    threshold_flops: r4(flops.threshold),
    interval: { params: [r4(params.interval[0]), r4(params.interval[1])], flops: [r4(flops.interval[0]), r4(flops.interval[1])] },
    range: { params: [r4(params.range[0])!, r4(params.range[1])!], flops: [r4(flops.range[0])!, r4(flops.range[1])!] },
    where: { params: params.where, flops: flops.where },
    dataset: spec.dataset,
    models: params.models,
    models_flops: spec.flops === 'fit' ? withFlops : null,
    flops_from: spec.flops,
    curve: { floor: r4(c.floor)!, ceiling: r4(c.ceiling)!, x0: r4(c.x0)!, k: r4(c.k)! },
    comparison: compareWithClaim(claim.thresholdParams, params, tolerance),
    decades: params.threshold === null ? null : round(decadesFromClaim(claim.thresholdParams, params.threshold)!, 2),
    note: notes.join('; '),
  };
}

function noEvidenceNote(id: string, tasks: readonly string[]): string {
  if (id in CATEGORY_KEYWORDS) {
    return `no BIG-bench task of the shipped files carries the keyword${CATEGORY_KEYWORDS[id]!.length > 1 ? 's' : ''} ${CATEGORY_KEYWORDS[id]!.map((k) => `"${k}"`).join(', ')} (the UKP file has ${tasks.length} BIG-bench tasks)`;
  }
  return 'no measure of the shipped evidence files tests this ability';
}

/** The metric-effect check on every task of the UKP file: its base models at the task's few-shot setting. */
function mirage(s: EvidenceSources): EvidenceDocument['mirage'] {
  const sizes = modelSizes(s.ukp);
  const shots = fewShots(s.ukp);
  const closed = tasksWithClosedPrompt(s.ukp);
  const setting = (r: { task?: string; shots?: string; prompting?: string }): boolean => r.shots === shots.get(r.task!) && r.prompting === (closed.has(r.task!) ? 'closed' : 'open');
  const base = new Set(ukpBaseModels(s.ukp));
  const rows = s.ukp.filter((r) => setting(r) && base.has(r.model!));
  const em = meanScores(rows, (r) => (r.metric === 'exact_match_accuracy' ? r.task : undefined));
  const ed = meanScores(rows, (r) => (r.metric === 'edit_distance' ? r.task : undefined));
  const maxDistance = new Map<string, number>();
  for (const r of s.ukp) if (r.metric === 'edit_distance') maxDistance.set(r.task!, Math.max(maxDistance.get(r.task!) ?? 0, Number(r.score)));
  const tasks = [...new Set(s.ukp.map((r) => r.task!))].map((task) => {
    const points = [...(em.get(task) ?? new Map<string, number>())].flatMap(([model, exactMatch]) => {
      const editDistance = ed.get(task)?.get(model);
      return editDistance === undefined ? [] : [{ model, params: sizes.get(model)!.params!, exactMatch, editDistance }];
    });
    const t = mirageTask(task, points, maxDistance.get(task)!);
    return { ...t, deltaBicExactMatch: r4(t.deltaBicExactMatch), deltaBicEditSimilarity: r4(t.deltaBicEditSimilarity) };
  });
  return {
    dataset: 'ukp-on-emergence',
    definition:
      "the verdict of emerge fit's curve engine (emergent: the sigmoid beats a line in log10 N by ΔBIC ≥ 10 with its rise inside the data) under exact match and under edit similarity 1 − d/d_max (d: mean edit distance, d_max: the task's largest), base models at the task's few-shot setting; holds: emergent under both metrics or under neither",
    tasks,
    summary: {
      tasks: tasks.length,
      emergent_exact_match: tasks.filter((t) => t.exactMatch === 'emergent').length,
      emergent_edit_similarity: tasks.filter((t) => t.editSimilarity === 'emergent').length,
      holds: tasks.filter((t) => t.holds).length,
    },
  };
}

/** 4 significant digits (null stays null). */
function r4(v: number | null): number | null {
  return v === null ? null : Number(v.toPrecision(4));
}

function round(v: number, decimals = 4): number {
  return Number(v.toFixed(decimals));
}

function pct(v: number): string {
  return `${v >= 0 ? '+' : ''}${(v * 100).toFixed(1)} points`;
}

function sci(v: number): string {
  return v.toExponential(2).replace('e+', 'e');
}

