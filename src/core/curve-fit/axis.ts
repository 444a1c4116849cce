/**
 * The x axis of an emergence curve.
 *
 * - `params`, `compute`, `tokens`: x = log10(scale), scale in parameters, training FLOPs or training
 *   tokens. k is per decade, the threshold 10^x0 is in the scale's unit.
 * - `loss`: scale is the predicted loss L in nats (e.g. `loss(law, params, tokens)` from
 *   src/core/scaling-law.ts, as in Owen 2024, "How predictable is language model benchmark
 *   performance?"). Lower loss is the larger model, so x = −L: the curve still rises with x and k stays
 *   positive, now per nat. The threshold is reported in loss units, L_c = −x0, and the rise is
 *   y = floor + (ceiling − floor)·σ(k·(L_c − L)).
 */

export type ScaleAxis = 'params' | 'compute' | 'tokens' | 'loss';

export const SCALE_AXES: readonly ScaleAxis[] = ['params', 'compute', 'tokens', 'loss'];

/** Unit of the threshold and of the scale column on each axis (for messages and table headers). */
export const AXIS_UNITS: Readonly<Record<ScaleAxis, string>> = {
  params: 'parameters',
  compute: 'FLOPs',
  tokens: 'tokens',
  loss: 'nats',
};

/** Unit in which the 10–90% rise width is measured on each axis. */
export const AXIS_WIDTH_UNITS: Readonly<Record<ScaleAxis, string>> = {
  params: 'decades',
  compute: 'decades',
  tokens: 'decades',
  loss: 'nats',
};

/**
 * x for a scale value: log10(scale) on the params/compute/tokens axes, −scale on the loss axis.
 * @throws RangeError when the scale is not finite, or not positive on a logarithmic axis
 * @example toX('compute', 8.4e22) // 22.924279286061882
 */
export function toX(axis: ScaleAxis, scale: number): number {
  if (!Number.isFinite(scale)) throw new RangeError(`scale must be finite, got ${scale}`);
  if (axis === 'loss') return -scale;
  if (!(scale > 0)) throw new RangeError(`scale on the ${axis} axis must be positive, got ${scale}`);
  return Math.log10(scale);
}

/**
 * The scale value at x: the inverse of `toX` (10^x, or −x for loss).
 * @example fromX('compute', 22.5) // 3.1622776601683792e+22
 */
export function fromX(axis: ScaleAxis, x: number): number {
  return axis === 'loss' ? -x : 10 ** x;
}
