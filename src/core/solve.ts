/**
 * One-dimensional solvers used by the closed-form-free parts of the core.
 */

const INV_PHI = (Math.sqrt(5) - 1) / 2;

/**
 * Minimum of a unimodal function on [lo, hi] by golden-section search (Kiefer 1953).
 * The bracket shrinks by 1/φ ≈ 0.618 per step until it is narrower than `tolerance`; near a smooth
 * minimum f is flat to machine precision within about √ε·|x|, which bounds the attainable accuracy.
 * @returns the abscissa of the minimum
 * @example goldenSectionMinimum((x) => (x - 2) ** 2, 0, 5, 1e-10) // 2.0000000
 */
export function goldenSectionMinimum(f: (x: number) => number, lo: number, hi: number, tolerance: number): number {
  let a = lo;
  let b = hi;
  let c = b - INV_PHI * (b - a);
  let d = a + INV_PHI * (b - a);
  let fc = f(c);
  let fd = f(d);
  for (let i = 0; i < 400 && b - a > tolerance; i++) {
    if (fc < fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - INV_PHI * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + INV_PHI * (b - a);
      fd = f(d);
    }
  }
  return (a + b) / 2;
}

/**
 * A root of a continuous function on [lo, hi] by bisection. f(lo) and f(hi) must differ in sign
 * (either order); if they do not, the endpoint with the smaller |f| is returned.
 * @example bisect((x) => x * x - 2, 0, 2, 1e-12) // 1.41421356
 */
export function bisect(f: (x: number) => number, lo: number, hi: number, tolerance: number): number {
  let a = lo;
  let b = hi;
  let fa = f(a);
  const fb = f(b);
  if (fa === 0) return a;
  if (fb === 0) return b;
  if (Math.sign(fa) === Math.sign(fb)) return Math.abs(fa) < Math.abs(fb) ? a : b;
  for (let i = 0; i < 400 && b - a > tolerance; i++) {
    const m = (a + b) / 2;
    const fm = f(m);
    if (fm === 0) return m;
    if (Math.sign(fm) === Math.sign(fa)) {
      a = m;
      fa = fm;
    } else {
      b = m;
    }
  }
  return (a + b) / 2;
}
