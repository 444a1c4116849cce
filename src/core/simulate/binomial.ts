/**
 * Exact binomial sampling from a seeded Rng: the number of items a model answers correctly on a
 * benchmark of n items when it gets each right with probability p, independently.
 *
 * Two exact methods, as in NumPy's `random_binomial` (numpy/random/src/distributions): with
 * r = min(p, 1 − p) and n·r ≤ 30, sequential inversion of the CDF (expected n·r + 1 steps); above,
 * BTPE (Kachitvichyanukul & Schmeiser 1988, "Binomial random variate generation", CACM 31(2):216–222),
 * an acceptance–rejection method with a triangular/parallelogram/exponential hat whose expected cost
 * does not grow with n. Draws for p > 1/2 are n minus a draw for 1 − p. Uniforms carry 53 random bits
 * (two 32-bit outputs of the Rng), so tail probabilities are resolved to double precision.
 * Inversion restarts past `n·r + 10·sqrt(n·r·(1 − r) + 1)` (NumPy's bound): a tail of probability
 * below 1e-15, left out to bound the work when rounding leaves the CDF short of 1.
 */
import type { Rng } from '../random.js';
import { UsageError } from '../../errors.js';

/** Largest benchmark size accepted (the draws are exact integers well below 2^53). */
export const MAX_BINOMIAL_N = 1e9;

/** Below this n·min(p, 1 − p), inversion; above, BTPE (NumPy's switch). */
const INVERSION_LIMIT = 30;

/**
 * A uniform draw on [0, 1) with 53 random bits, from two 32-bit outputs: `(a·2^26 + b)/2^53` with
 * a the top 27 bits of the first and b the top 26 bits of the second.
 * @example uniform53(createRng(1)) // 0.568606 (the first output's high bits lead)
 */
export function uniform53(rng: Rng): number {
  const a = Math.floor(rng.next() * 134217728); // 2^27
  const b = Math.floor(rng.next() * 67108864); // 2^26
  return (a * 67108864 + b) / 9007199254740992; // 2^53
}

/**
 * A sampler of Binomial(n, p) with its constants computed once (draw many times for the same n, p).
 * @throws UsageError when n is not an integer from 0 to 1e9 or p is not in [0, 1]
 * @example new BinomialSampler(164, 0.3).draw(createRng(20220615)) // 54
 */
export class BinomialSampler {
  readonly n: number;
  readonly p: number;
  private readonly r: number;
  private readonly flip: boolean;
  private readonly method: 'zero' | 'inversion' | 'btpe';
  // Inversion.
  private readonly q: number;
  private readonly qn: number;
  private readonly bound: number;
  // BTPE.
  private readonly m: number;
  private readonly p1: number;
  private readonly xm: number;
  private readonly xl: number;
  private readonly xr: number;
  private readonly c: number;
  private readonly laml: number;
  private readonly lamr: number;
  private readonly p2: number;
  private readonly p3: number;
  private readonly p4: number;
  private readonly nrq: number;

  constructor(n: number, p: number) {
    if (!Number.isInteger(n) || n < 0 || n > MAX_BINOMIAL_N) throw new UsageError(`binomial n must be an integer from 0 to ${MAX_BINOMIAL_N.toExponential()}, got ${n}`);
    if (!(p >= 0 && p <= 1)) throw new UsageError(`binomial p must be a probability in [0, 1], got ${p}`);
    this.n = n;
    this.p = p;
    this.flip = p > 0.5;
    const r = Math.min(p, 1 - p);
    this.r = r;
    const q = 1 - r;
    this.q = q;
    this.method = n === 0 || r === 0 ? 'zero' : n * r <= INVERSION_LIMIT ? 'inversion' : 'btpe';
    this.qn = Math.exp(n * Math.log1p(-r));
    const np = n * r;
    this.bound = Math.min(n, Math.floor(np + 10 * Math.sqrt(np * q + 1)));
    // BTPE step 0: the hat. m is the mode; the centre [xl, xr] a triangle (area p1) over a
    // parallelogram (p2 − p1), exponential tails beyond (p3 − p2 left, p4 − p3 right).
    const fm = n * r + r;
    this.m = Math.floor(fm);
    this.p1 = Math.floor(2.195 * Math.sqrt(n * r * q) - 4.6 * q) + 0.5;
    this.xm = this.m + 0.5;
    this.xl = this.xm - this.p1;
    this.xr = this.xm + this.p1;
    this.c = 0.134 + 20.5 / (15.3 + this.m);
    let a = (fm - this.xl) / (fm - this.xl * r);
    this.laml = a * (1 + a / 2);
    a = (this.xr - fm) / (this.xr * q);
    this.lamr = a * (1 + a / 2);
    this.p2 = this.p1 * (1 + 2 * this.c);
    this.p3 = this.p2 + this.c / this.laml;
    this.p4 = this.p3 + this.c / this.lamr;
    this.nrq = n * r * q;
  }

  /** One draw: the number of successes, an integer in [0, n]. */
  draw(rng: Rng): number {
    if (this.method === 'zero') return this.flip ? this.n : 0;
    const y = this.method === 'inversion' ? this.inversion(rng) : this.btpe(rng);
    return this.flip ? this.n - y : y;
  }

  /** Sequential search of the CDF from 0, with P(X = x) by the recurrence `P(x) = P(x−1)·(n−x+1)r/(x·q)`. */
  private inversion(rng: Rng): number {
    const { n, r, q, qn, bound } = this;
    for (;;) {
      let u = uniform53(rng);
      let px = qn;
      let x = 0;
      while (u > px) {
        x++;
        if (x > bound) break;
        u -= px;
        px = ((n - x + 1) * r * px) / (x * q);
      }
      if (x <= bound) return x;
    }
  }

  /** BTPE steps 1–6 (Kachitvichyanukul & Schmeiser 1988, Table 1), for r ≤ 1/2 and n·r > 30. */
  private btpe(rng: Rng): number {
    const { n, r, q, m, p1, xm, xl, xr, c, laml, lamr, p2, p3, p4, nrq } = this;
    for (;;) {
      const u = uniform53(rng) * p4;
      let v = uniform53(rng);
      let y: number;
      if (u <= p1) {
        // Step 1: the triangular centre, accepted at once.
        return Math.floor(xm - p1 * v + u);
      } else if (u <= p2) {
        // Step 2: the parallelograms.
        const x = xl + (u - p1) / c;
        v = v * c + 1 - Math.abs(m - x + 0.5) / p1;
        if (v > 1) continue;
        y = Math.floor(x);
      } else if (u <= p3) {
        // Step 3: left exponential tail.
        y = Math.floor(xl + Math.log(v) / laml);
        if (y < 0 || v === 0) continue;
        v = v * (u - p2) * laml;
      } else {
        // Step 4: right exponential tail.
        y = Math.floor(xr - Math.log(v) / lamr);
        if (y > n || v === 0) continue;
        v = v * (u - p3) * lamr;
      }
      // Step 5: acceptance test against f(y)/f(m).
      const k = Math.abs(y - m);
      if (k <= 20 || k >= nrq / 2 - 1) {
        // Step 5.1: explicit ratio f(y)/f(m) by the recurrence.
        const s = r / q;
        const a = s * (n + 1);
        let f = 1;
        if (m < y) for (let i = m + 1; i <= y; i++) f *= a / i - s;
        else if (m > y) for (let i = y + 1; i <= m; i++) f /= a / i - s;
        if (v <= f) return y;
        continue;
      }
      // Step 5.2: squeeze on log f(y)/f(m); step 5.3: log f(y)/f(m) itself by Stirling's formula,
      // ln Γ(f1) + ln Γ(z) − ln Γ(x1) − ln Γ(w) + (y − m)·ln(r/q), so the corrections of x1 and w are
      // subtracted. The paper adds all four and NumPy had 13680 for 13860 (1/12 = 13860/166320);
      // both corrected in NumPy 2.5 (numpy/numpy#31238).
      const rho = (k / nrq) * ((k * (k / 3 + 0.625) + 0.16666666666666666) / nrq + 0.5);
      const t = (-k * k) / (2 * nrq);
      const logV = Math.log(v);
      if (logV < t - rho) return y;
      if (logV > t + rho) continue;
      const x1 = y + 1;
      const f1 = m + 1;
      const z = n + 1 - m;
      const w = n - y + 1;
      const bound =
        xm * Math.log(f1 / x1) +
        (n - m + 0.5) * Math.log(z / w) +
        (y - m) * Math.log((w * r) / (x1 * q)) +
        stirlingCorrection(f1) +
        stirlingCorrection(z) -
        stirlingCorrection(x1) -
        stirlingCorrection(w);
      if (logV <= bound) return y;
    }
  }
}

/**
 * The remainder of Stirling's formula, `ln Γ(v) − [(v − ½)·ln v − v + ½·ln 2π]
 * ≈ 1/(12v) − 1/(360v³) + 1/(1260v⁵) − 1/(1680v⁷) + 1/(1188v⁹)`, in BTPE's nested form
 * `(13860 − (462 − (132 − (99 − 140/v²)/v²)/v²)/v²)/v/166320`.
 */
function stirlingCorrection(v: number): number {
  const v2 = v * v;
  return (13860 - (462 - (132 - (99 - 140 / v2) / v2) / v2) / v2) / v / 166320;
}

/**
 * One Binomial(n, p) draw (see `BinomialSampler`; build a sampler to draw many with the same n, p).
 * @example randomBinomial(createRng(20220615), 1000, 0.5) // 509
 */
export function randomBinomial(rng: Rng, n: number, p: number): number {
  return new BinomialSampler(n, p).draw(rng);
}
