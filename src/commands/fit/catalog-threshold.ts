/**
 * From a fitted emergence curve to an ability of the catalog (`emerge fit --output abilities.yaml`).
 *
 * The catalog states each threshold as N_c, a parameter count in its reference regime (D_ref =
 * reference_tokens, 3e11): the ability emerges at the loss L_c = L(N_c, D_ref) (DESIGN.md). A curve
 * fitted on another axis is mapped onto N_c through that loss, under the chosen law:
 * - params: N_c = 10^x0, as fitted (like the seed's thresholds, observed whatever the models' data);
 * - loss:   L_c = −x0, and N_c is the size with L(N_c, D_ref) = L_c (paramsForLoss);
 * - compute: L_c is the loss of the compute-optimal model at the threshold compute C_c
 *   (computeOptimalLoss), then as for loss. This is the inverse of `emerge thresholds`' minimum
 *   compute (minComputeForAbility): an ability written here at C_c is reported back at C_c;
 * - tokens: no mapping (a token count alone says nothing about the loss); refused.
 * The width of the catalog's logistic in log10 N is the fitted width ln10/k (in x units) times the
 * local slope d log10 N_c / dx at x0, so that the catalog curve has the fitted curve's sharpness at
 * its threshold.
 */
import { computeOptimalLoss } from '../../core/allocation.js';
import { catalogWidth, type ScaleAxis, type SigmoidParams } from '../../core/curve-fit/index.js';
import { formatSci } from '../../render/format.js';
import { paramsForLoss, type ScalingLaw } from '../../core/scaling-law.js';

export type CatalogThreshold = { ok: true; thresholdParams: number; width: number } | { ok: false; problem: string };

/**
 * N_c for x on `axis` (see the module comment). Infinity when the loss is at or below the reference
 * regime's floor E + B/D_ref^β (no model trained on D_ref tokens reaches it).
 * @throws RangeError on the tokens axis
 */
export function catalogSize(axis: ScaleAxis, x: number, law: ScalingLaw, referenceTokens: number): number {
  if (axis === 'params') return 10 ** x;
  if (axis === 'loss') return paramsForLoss(law, -x, referenceTokens);
  if (axis === 'compute') return paramsForLoss(law, computeOptimalLoss(law, 10 ** x), referenceTokens);
  throw new RangeError('thresholds in tokens do not map onto parameters');
}

/** Threshold and width of the catalog curve for fitted parameters, or why there is none. */
export function catalogThreshold(axis: ScaleAxis, params: SigmoidParams, law: ScalingLaw, referenceTokens: number): CatalogThreshold {
  const width = catalogWidth(params.k);
  const thresholdParams = catalogSize(axis, params.x0, law, referenceTokens);
  if (axis === 'params') return { ok: true, thresholdParams, width };
  const regime = `no model trained on ${formatSci(referenceTokens, 2)} tokens reaches its loss under ${law.id}`;
  if (!Number.isFinite(thresholdParams)) return { ok: false, problem: regime };
  // Central difference of log10 N_c(x); h small against any fitted width (≥ 0.04 decades or nats).
  const h = 1e-4;
  const slope = (Math.log10(catalogSize(axis, params.x0 + h, law, referenceTokens)) - Math.log10(catalogSize(axis, params.x0 - h, law, referenceTokens))) / (2 * h);
  if (!(Number.isFinite(slope) && slope > 0)) return { ok: false, problem: `its width cannot be converted (${regime} near the threshold)` };
  return { ok: true, thresholdParams, width: slope * width };
}
