/**
 * Is a fitted Chinchilla-form law determined by its data? The multi-start fit always returns the
 * best point it found; these checks say when that point should not be trusted as an estimate.
 */
import type { LawData, ResidualLoss } from './law-objective.js';
import { lawObjective } from './law-objective.js';
import { symmetricEigenvalues } from './eigen.js';

/** Thresholds of the checks, declared once (the CLI can print them with the warnings). */
export const DIAGNOSTIC_LIMITS = {
  /** An exponent below this makes its term nearly constant over the runs, confounded with E. */
  exponentNearZero: 0.01,
  /** A term contributing less than this fraction of the loss at every run is not determined by the data. */
  negligibleShare: 1e-3,
  /** Condition number of the Hessian in θ = (a, b, e, α, β) above which a direction is called flat. */
  maxCondition: 1e10,
} as const;

export interface LawDiagnostics {
  /** α < 0.01: A/N^α barely varies with N (merges with E). */
  alphaNearZero: boolean;
  /** β < 0.01: B/D^β barely varies with D. */
  betaNearZero: boolean;
  /** A/N^α is below 0.1% of L at every run: A and α are not identified (α very large, or A tiny). */
  paramsTermNegligible: boolean;
  /** B/D^β is below 0.1% of L at every run: B and β are not identified. */
  tokensTermNegligible: boolean;
  /** E is below 0.1% of the smallest loss: the irreducible loss is not identified (E → 0). */
  floorNegligible: boolean;
  /** The objective's Hessian at θ̂ in θ = (a, b, e, α, β), row-major 5×5 (objectiveHessian). */
  hessian: number[];
  /** Its eigenvalues, ascending. */
  hessianEigenvalues: number[];
  /** λ_max / λ_min of that Hessian (Infinity when λ_min ≤ 0). */
  conditionNumber: number;
  /** Some direction of θ is flat at the optimum: λ_min ≤ 0 or condition number > 1e10. */
  flatDirection: boolean;
  /** The estimate sits at a degenerate edge of the parameter space: any of the first five checks. */
  atBound: boolean;
  /** atBound or flatDirection: report intervals, but warn that the constants are poorly determined. */
  poorlyDetermined: boolean;
  /** One line per failed check, for stderr. */
  warnings: string[];
}

/**
 * Run the checks at the fitted θ̂ = (a, b, e, α, β).
 * @example lawDiagnostics(prepareLawData(runs240), PUBLISHED_LOSS, bestTheta).poorlyDetermined // false
 */
export function lawDiagnostics(data: LawData, loss: ResidualLoss, theta: Float64Array): LawDiagnostics {
  const [a, b, e, alpha, beta] = theta as unknown as [number, number, number, number, number];
  let paramsShare = 0;
  let tokensShare = 0;
  let minLoss = Infinity;
  for (let i = 0; i < data.n; i++) {
    const lossAtRun = Math.exp(data.lnL[i]!);
    paramsShare = Math.max(paramsShare, Math.exp(a - alpha * data.lnN[i]!) / lossAtRun);
    tokensShare = Math.max(tokensShare, Math.exp(b - beta * data.lnD[i]!) / lossAtRun);
    minLoss = Math.min(minLoss, lossAtRun);
  }
  const limits = DIAGNOSTIC_LIMITS;
  const hessian = objectiveHessian(data, loss, theta);
  const eigenvalues = symmetricEigenvalues(hessian, 5);
  const lambdaMin = eigenvalues[0]!;
  const lambdaMax = eigenvalues[4]!;
  const conditionNumber = lambdaMin > 0 ? lambdaMax / lambdaMin : Infinity;
  const d: LawDiagnostics = {
    alphaNearZero: alpha < limits.exponentNearZero,
    betaNearZero: beta < limits.exponentNearZero,
    paramsTermNegligible: paramsShare < limits.negligibleShare,
    tokensTermNegligible: tokensShare < limits.negligibleShare,
    floorNegligible: Math.exp(e) < limits.negligibleShare * minLoss,
    hessian: Array.from(hessian),
    hessianEigenvalues: Array.from(eigenvalues),
    conditionNumber,
    flatDirection: !(conditionNumber <= limits.maxCondition),
    atBound: false,
    poorlyDetermined: false,
    warnings: [],
  };
  const w = d.warnings;
  if (d.alphaNearZero) w.push(`alpha = ${alpha.toPrecision(3)} is near 0: A/N^alpha is almost constant and merges with E`);
  if (d.betaNearZero) w.push(`beta = ${beta.toPrecision(3)} is near 0: B/D^beta is almost constant and merges with E`);
  if (d.paramsTermNegligible) w.push(`A/N^alpha is below ${limits.negligibleShare} of the loss at every run: A and alpha are not determined`);
  if (d.tokensTermNegligible) w.push(`B/D^beta is below ${limits.negligibleShare} of the loss at every run: B and beta are not determined`);
  if (d.floorNegligible) w.push(`E = ${Math.exp(e).toPrecision(3)} is near 0: the irreducible loss is not determined`);
  if (d.flatDirection) w.push(`the objective is flat along some direction (Hessian condition number ${Number.isFinite(conditionNumber) ? conditionNumber.toPrecision(3) : 'unbounded'} > ${limits.maxCondition})`);
  d.atBound = d.alphaNearZero || d.betaNearZero || d.paramsTermNegligible || d.tokensTermNegligible || d.floorNegligible;
  d.poorlyDetermined = d.atBound || d.flatDirection;
  return d;
}

/**
 * Hessian of the objective at θ by central differences of the analytic gradient,
 * H[:, j] ≈ (∇f(θ + h·eⱼ) − ∇f(θ − h·eⱼ)) / 2h with h = 1e-5·max(1, |θⱼ|), symmetrised.
 * Row-major 5×5.
 */
export function objectiveHessian(data: LawData, loss: ResidualLoss, theta: Float64Array): Float64Array {
  const f = lawObjective(data, loss);
  const hessian = new Float64Array(25);
  const plus = new Float64Array(5);
  const minus = new Float64Array(5);
  const point = Float64Array.from(theta);
  for (let j = 0; j < 5; j++) {
    const h = 1e-5 * Math.max(1, Math.abs(theta[j]!));
    point[j] = theta[j]! + h;
    f(point, plus);
    point[j] = theta[j]! - h;
    f(point, minus);
    point[j] = theta[j]!;
    for (let i = 0; i < 5; i++) hessian[i * 5 + j] = (plus[i]! - minus[i]!) / (2 * h);
  }
  for (let i = 0; i < 5; i++) {
    for (let j = i + 1; j < 5; j++) {
      const mean = 0.5 * (hessian[i * 5 + j]! + hessian[j * 5 + i]!);
      hessian[i * 5 + j] = mean;
      hessian[j * 5 + i] = mean;
    }
  }
  return hessian;
}
