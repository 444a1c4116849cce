/**
 * A seeded pseudo-random generator. The core never touches Math.random: every random draw comes
 * from an Rng passed in, so the same seed gives the same output, byte for byte.
 */

export interface Rng {
  /** Uniform on [0, 1), 32 bits of randomness. */
  next(): number;
}

export const DEFAULT_SEED = 20220615; // Wei et al. 2022, "Emergent Abilities of Large Language Models", arXiv v1 date

/**
 * xoshiro128** (Blackman & Vigna 2018), state seeded from a 32-bit integer with splitmix32.
 * Period 2^128 − 1; passes BigCrush. Any finite number is accepted as a seed (truncated to 32 bits).
 * @example createRng(1).next() // 0.568606 (the same on every platform)
 */
export function createRng(seed: number): Rng {
  let s = seed >>> 0;
  const splitmix = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  return {
    next(): number {
      const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
      const t = b << 9;
      c ^= a;
      d ^= b;
      b ^= c;
      a ^= d;
      c ^= t;
      d = rotl(d, 11);
      return result / 4294967296;
    },
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** Uniform integer in [0, n). */
export function randomInt(rng: Rng, n: number): number {
  return Math.floor(rng.next() * n);
}

/**
 * Standard normal draw by the Box–Muller transform.
 * @example randomNormal(createRng(1)) // a draw from N(0, 1)
 */
export function randomNormal(rng: Rng): number {
  let u = rng.next();
  while (u === 0) u = rng.next();
  const v = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
