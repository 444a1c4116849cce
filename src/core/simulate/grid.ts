/**
 * Log-spaced grids: the scales a simulation visits.
 */
import { checkNumber, formatNumber, SCALE, STEPS, throwIfProblems, type ConfigProblem } from './problems.js';

/**
 * `steps` points evenly spaced in log10 from `from` to `to`, both ends included exactly:
 * `x_i = 10^(log10 from + i·(log10 to − log10 from)/(steps − 1))`.
 * @param from first scale, in [1, 1e35]
 * @param to last scale, in [1, 1e35], above `from`
 * @param steps number of points, an integer from 2 to 1e7
 * @throws UsageError when a bound is not finite or out of range, `from ≥ to`, or `steps` is not an integer from 2 to 1e7
 * @example Array.from(logGrid(1e8, 1e10, 5)) // [1e8, 316227766.01683795, 1e9, 3162277660.1683793, 1e10]
 */
export function logGrid(from: number, to: number, steps: number): Float64Array {
  throwIfProblems(gridProblems(from, to, steps));
  const lo = Math.log10(from);
  const step = (Math.log10(to) - lo) / (steps - 1);
  const x = new Float64Array(steps);
  for (let i = 0; i < steps; i++) x[i] = 10 ** (lo + i * step);
  x[0] = from;
  x[steps - 1] = to;
  return x;
}

/** Problems with a grid's bounds and size (paths `from`, `to`, `steps`). */
export function gridProblems(from: unknown, to: unknown, steps: unknown): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  checkNumber(problems, ['from'], from, SCALE);
  checkNumber(problems, ['to'], to, SCALE);
  checkNumber(problems, ['steps'], steps, STEPS);
  if (problems.length === 0 && (from as number) >= (to as number)) {
    problems.push({ path: ['to'], message: `must be above from (${formatNumber(from as number)}), got ${formatNumber(to as number)}` });
  }
  return problems;
}
