// The conversion of fitted thresholds to the catalog's threshold_params (catalog-threshold.ts),
// checked by the identities that define it.
import { describe, expect, it } from 'vitest';
import { computeOptimalLoss } from '../../../src/core/allocation.js';
import { minComputeForAbility } from '../../../src/core/inverse.js';
import { loss } from '../../../src/core/scaling-law.js';
import { catalogSize, catalogThreshold } from '../../../src/commands/fit/catalog-threshold.js';
import { besiroglu2024, hoffmann2022, kaplan2020, relativeError } from '../../helpers/laws.js';

const D_REF = 3e11;

describe('catalogThreshold', () => {
  it('keeps a parameter threshold as fitted, with the catalog width ln10/k', () => {
    const converted = catalogThreshold('params', { x0: 10.5, k: 3, floor: 0.1, ceiling: 1 }, besiroglu2024, D_REF);
    expect(converted).toEqual({ ok: true, thresholdParams: 10 ** 10.5, width: Math.LN10 / 3 });
  });

  // Defining identity: the size reaches the threshold loss in the reference regime.
  it.each([besiroglu2024, hoffmann2022, kaplan2020])('maps a loss threshold to the size with that loss on D_ref tokens (%s)', (law) => {
    const threshold = law.form === 'kaplan' ? 2.6 : 2.1;
    const size = catalogSize('loss', -threshold, law, D_REF);
    expect(relativeError(loss(law, size, D_REF), threshold)).toBeLessThan(1e-12);
  });

  // Inverse identity: `emerge thresholds` asks the minimum compute of a catalog ability
  // (minComputeForAbility); for an ability written from a compute threshold C_c it must be C_c.
  it.each([1e21, 3.87e22, 1e23])('maps compute %s FLOPs to a size whose minimum compute is that compute', (compute) => {
    for (const law of [besiroglu2024, hoffmann2022]) {
      const size = catalogSize('compute', Math.log10(compute), law, D_REF);
      expect(relativeError(loss(law, size, D_REF), computeOptimalLoss(law, compute))).toBeLessThan(1e-12);
      expect(relativeError(minComputeForAbility(law, size, D_REF, 1), compute)).toBeLessThan(1e-9);
    }
  });

  it('scales the width by the local slope of log10 N_c in x', () => {
    const params = { x0: Math.log10(3.87e22), k: 4.16, floor: 0, ceiling: 1 };
    const converted = catalogThreshold('compute', params, besiroglu2024, D_REF);
    if (!converted.ok) throw new Error(converted.problem);
    const h = 1e-3;
    const slope = (Math.log10(catalogSize('compute', params.x0 + h, besiroglu2024, D_REF)) - Math.log10(catalogSize('compute', params.x0 - h, besiroglu2024, D_REF))) / (2 * h);
    // Two central differences of a smooth function, h = 1e-4 and 1e-3: agree to O(h²) ≈ 1e-6.
    expect(relativeError(converted.width, (slope * Math.LN10) / params.k)).toBeLessThan(1e-5);
    // A decade of compute is a = β/(α+β) ≈ 0.51 decades of compute-optimal N; on a fixed D_ref the
    // loss the optimal model also gains from more data must come from size, so N_c grows faster.
    expect(slope).toBeGreaterThan(besiroglu2024.beta / (besiroglu2024.alpha + besiroglu2024.beta));
    expect(slope).toBeLessThan(1.5);
  });

  it('has no threshold for a loss below the reference regime\'s floor', () => {
    const converted = catalogThreshold('loss', { x0: -1.9, k: 20, floor: 0, ceiling: 1 }, besiroglu2024, D_REF);
    expect(converted).toEqual({ ok: false, problem: 'no model trained on 3.0e11 tokens reaches its loss under besiroglu2024' });
  });

  it('refuses the tokens axis', () => {
    expect(() => catalogSize('tokens', 12, besiroglu2024, D_REF)).toThrow(RangeError);
  });
});
