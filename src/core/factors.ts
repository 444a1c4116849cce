/**
 * The seed's tables of factors that shape emergence: the taxonomy of abilities (§1.3), the
 * mechanisms and their formulas (§3, §4), data stages (§6.2), model-scale ranges (§6.1), data
 * quality (§6.3) and training strategies (§6.4).
 */
import type { Bilingual } from './catalog.js';

/** Seed §6.2: what a model trained on this many tokens is expected to show. */
export interface DataStage {
  id: string;
  /** Lower bound in tokens (inclusive); absent for the first stage. */
  fromTokens?: number;
  /** Upper bound in tokens (exclusive); absent for the last stage. */
  toTokens?: number;
  name: Bilingual;
}

/** Seed §6.1: a property of the model, its effect, and the critical range. */
export interface ScaleFactor {
  id: string;
  name: Bilingual;
  effect: Bilingual;
  min: number;
  max: number;
  unit: string;
}

/** Seed §6.4: a training strategy and its effect on emergence (qualitative). */
export interface TrainingStrategy {
  id: string;
  name: Bilingual;
  effect: Bilingual;
}

/** Seed §1.3: a kind of emergent ability, what it covers and examples. */
export interface AbilityKind {
  id: string;
  name: Bilingual;
  abilities: Bilingual;
  examples: Bilingual;
}

/** Seed §3–§4: a mechanism of emergence, its formula, and what in emerge computes it. */
export interface Theory {
  id: string;
  name: Bilingual;
  formula: string;
  section: string;
  usedBy: string;
}

export interface Factors {
  taxonomy: AbilityKind[];
  theories: Theory[];
  dataStages: DataStage[];
  scaleFactors: ScaleFactor[];
  /** Seed §6.3: multiplier on effective training data for named quality levels. */
  qualityLevels: Record<string, number>;
  trainingStrategies: TrainingStrategy[];
}

/**
 * The seed's data stage for a token count (§6.2: < 1e11 basic language, 1e11–1e12 reasoning begins,
 * > 1e12 complex abilities).
 * @example dataStage(stages, 1.4e12).id // 'complex'
 */
export function dataStage(stages: DataStage[], tokens: number): DataStage | undefined {
  return stages.find((s) => (s.fromTokens === undefined || tokens >= s.fromTokens) && (s.toTokens === undefined || tokens < s.toTokens));
}

/** Scale factors (§6.1) for which `value` lies outside the seed's critical range. */
export function outsideRange(factor: ScaleFactor, value: number): 'below' | 'above' | undefined {
  if (value < factor.min) return 'below';
  if (value > factor.max) return 'above';
  return undefined;
}
