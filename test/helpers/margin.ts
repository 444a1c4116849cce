// The margin of DESIGN.md's "Seed abilities by loss", written out from the Chinchilla closed forms
// for tests, independently of src/core (which computes it through emergence.ts and assess.ts):
// below the threshold m = log10(N_eff/N_c); at and above it m = (L_c − L)/s with
// s = ln 10 · α · A / N_c^α, the loss gained per decade of parameters at (N_c, D_ref).
import type { ChinchillaLaw } from '../../src/core/scaling-law.js';

const chinchilla = (law: ChinchillaLaw, n: number, d: number): number => law.E + law.A / n ** law.alpha + law.B / d ** law.beta;

/** The margin in decades of a model of loss L (in the reference regime, N_eff = N) for threshold N_c. */
export function closedFormMargin(law: ChinchillaLaw, thresholdParams: number, referenceTokens: number, modelLoss: number): number {
  const lossC = chinchilla(law, thresholdParams, referenceTokens);
  const slope = Math.LN10 * law.alpha * law.A / thresholdParams ** law.alpha;
  if (modelLoss <= lossC) return (lossC - modelLoss) / slope;
  const nEff = (law.A / (modelLoss - law.E - law.B / referenceTokens ** law.beta)) ** (1 / law.alpha);
  return Math.log10(nEff / thresholdParams);
}

/** In the reference regime: the size N at which the margin is m (the inverse of the above). */
export function sizeAtMargin(law: ChinchillaLaw, thresholdParams: number, referenceTokens: number, margin: number): number {
  if (margin <= 0) return thresholdParams * 10 ** margin;
  const lossC = chinchilla(law, thresholdParams, referenceTokens);
  const slope = Math.LN10 * law.alpha * law.A / thresholdParams ** law.alpha;
  const target = lossC - slope * margin;
  return (law.A / (target - law.E - law.B / referenceTokens ** law.beta)) ** (1 / law.alpha);
}

/** The logistic at a margin: floor + (ceiling − floor)/(1 + 10^(−m/w)). */
export function logisticAtMargin(curve: { width: number; floor: number; ceiling: number }, margin: number): number {
  return curve.floor + (curve.ceiling - curve.floor) / (1 + 10 ** (-margin / curve.width));
}

export { chinchilla as chinchillaLoss };
