/**
 * A deterministic subsample of training runs for screening the starts of a large fit
 * (law-screen.ts): stratified random sampling over the compute range with proportional allocation.
 *
 * Rows are sorted by ln C = ln N + ln D (compute up to the constant 6), cut into `size` strata of
 * equal count, and one row is drawn uniformly from each, by a generator with a fixed seed. Why this
 * is sound for screening:
 * - every stratum is represented, so the subsample spans the whole scale range, smallest to largest
 *   runs: the ends of the range are what determine E and the exponents (a simple random sample of a
 *   few hundred rows can miss the handful of largest runs);
 * - within a stratum the row is drawn at random, so each row has the same chance, 1 in ⌊n/size⌋
 *   or so, and the subsample is an unbiased picture of the data's joint (N, D, L) distribution: its
 *   objective, scaled by n/size, estimates the full objective at every θ, with a variance no larger
 *   than simple random sampling's (Cochran 1977, "Sampling Techniques", 3rd ed., §5.6);
 * - it is used only to rank starts; the reported optimum is always polished on every row.
 */
import { createRng, randomInt } from '../random.js';
import { weightedLawData, type LawData } from './law-objective.js';

/** Seed of the screening subsample: fixed, so the fit never depends on the bootstrap's --seed. */
export const SUBSAMPLE_SEED = 0x5eed;

/**
 * Indices (ascending) of `size` rows of `data`, one from each of `size` equal-count strata of
 * compute. All rows when size ≥ n.
 * @throws RangeError when size is not a positive integer
 * @example stratifiedSubsample(prepareLawData(runs240), 24) // 24 indices, one from each 10 runs in order of compute
 */
export function stratifiedSubsample(data: LawData, size: number, seed = SUBSAMPLE_SEED): Uint32Array {
  if (!(Number.isInteger(size) && size > 0)) throw new RangeError(`subsample size must be a positive integer, got ${size}`);
  const n = data.n;
  if (size >= n) return Uint32Array.from({ length: n }, (_, i) => i);
  const logCompute = new Float64Array(n);
  for (let i = 0; i < n; i++) logCompute[i] = data.lnN[i]! + data.lnD[i]!;
  // Ties in compute go by row position, so the order (and the draw) is fully determined.
  const order = Uint32Array.from({ length: n }, (_, i) => i).sort((x, y) => logCompute[x]! - logCompute[y]! || x - y);
  const rng = createRng(seed);
  const picked = new Uint32Array(size);
  for (let s = 0; s < size; s++) {
    const lo = Math.floor((s * n) / size);
    const hi = Math.floor(((s + 1) * n) / size);
    picked[s] = order[lo + randomInt(rng, hi - lo)]!;
  }
  return picked.sort();
}

/** The subsample as law data: the rows of `stratifiedSubsample`, in file order, with their weights. */
export function subsampleLawData(data: LawData, size: number, seed = SUBSAMPLE_SEED): LawData {
  const keep = new Float64Array(data.n);
  for (const i of stratifiedSubsample(data, size, seed)) keep[i] = 1;
  return weightedLawData(data, keep);
}
