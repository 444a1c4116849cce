/**
 * Scaling laws: the loss of a language model as a function of its parameters N and training tokens D.
 *
 * Two functional forms are supported:
 * - Chinchilla (Hoffmann et al. 2022, eq. 2): L(N, D) = E + A / N^α + B / D^β
 * - Kaplan (Kaplan et al. 2020, eq. 1.5): L(N, D) = [(N_c / N)^(α_N / α_D) + D_c / D]^α_D
 *   (N counts non-embedding parameters; losses are nats on WebText2, not comparable to Chinchilla's.)
 */

export interface LawInfo {
  /** Preset name or file the law came from. */
  id: string;
  /** Where the constants come from. */
  source: string;
  /** Caveats worth showing to the user. */
  note?: string;
}

/** A law of the Chinchilla form `L(N, D) = E + A/N^alpha + B/D^beta` (Hoffmann et al. 2022, eq. 2), loss in nats per token. */
export interface ChinchillaLaw extends LawInfo {
  form: 'chinchilla';
  E: number;
  A: number;
  B: number;
  alpha: number;
  beta: number;
}

/** A law of the Kaplan form `L(N, D) = [(Nc/N)^(alphaN/alphaD) + Dc/D]^alphaD` (Kaplan et al. 2020, eq. 1.5). */
export interface KaplanLaw extends LawInfo {
  form: 'kaplan';
  alphaN: number;
  alphaD: number;
  Nc: number;
  Dc: number;
}

/** A scaling law of either form, told apart by `form`: a shipped preset (`presetLaw`), a law file (`loadLaw`) or your own. */
export type ScalingLaw = ChinchillaLaw | KaplanLaw;

/**
 * Predicted final training loss L(N, D), in nats per token.
 *
 * Chinchilla form: `E + A/N^α + B/D^β`; Kaplan form: `[(N_c/N)^(α_N/α_D) + D_c/D]^α_D`.
 * @param params N, parameters (> 0)
 * @param tokens D, training tokens (> 0)
 * @example loss(besiroglu2024, 70e9, 1.4e12) // 1.97342 (Hoffmann et al.'s printed constants give 1.93665)
 */
export function loss(law: ScalingLaw, params: number, tokens: number): number {
  if (law.form === 'chinchilla') {
    return law.E + law.A / params ** law.alpha + law.B / tokens ** law.beta;
  }
  return ((law.Nc / params) ** (law.alphaN / law.alphaD) + law.Dc / tokens) ** law.alphaD;
}

/**
 * The loss a model trained on `tokens` tokens approaches as its size grows without bound:
 * `lim_{N→∞} L(N, D)`, i.e. `E + B/D^β` (Chinchilla) or `(D_c/D)^α_D` (Kaplan).
 * @example lossFloor(besiroglu2024, 3e11) // 1.94877
 */
export function lossFloor(law: ScalingLaw, tokens: number): number {
  if (law.form === 'chinchilla') return law.E + law.B / tokens ** law.beta;
  return (law.Dc / tokens) ** law.alphaD;
}

/**
 * The number of parameters N at which a model trained on `tokens` tokens reaches `targetLoss`:
 * the inverse of L(·, D). Closed forms:
 * - Chinchilla: `N = (A / (L − E − B/D^β))^(1/α)`
 * - Kaplan: `N = N_c / (L^(1/α_D) − D_c/D)^(α_D/α_N)`
 *
 * Returns `Infinity` when `targetLoss` is at or below the floor `lossFloor(law, tokens)`: no finite
 * model trained on that many tokens is that good.
 * @example paramsForLoss(besiroglu2024, 1.97342, 3e11) // 2.18e12
 */
export function paramsForLoss(law: ScalingLaw, targetLoss: number, tokens: number): number {
  if (law.form === 'chinchilla') {
    const gap = targetLoss - law.E - law.B / tokens ** law.beta;
    return gap > 0 ? (law.A / gap) ** (1 / law.alpha) : Infinity;
  }
  const gap = targetLoss ** (1 / law.alphaD) - law.Dc / tokens;
  return gap > 0 ? law.Nc / gap ** (law.alphaD / law.alphaN) : Infinity;
}

/**
 * How fast the loss falls with model size: `s = −∂L/∂log10 N` at (N, D), in nats per decade of
 * parameters (positive).
 * - Chinchilla: `s = ln 10 · α · A / N^α`
 * - Kaplan: with `X = (N_c/N)^(α_N/α_D) + D_c/D`, `s = ln 10 · α_N · (N_c/N)^(α_N/α_D) · X^(α_D − 1)`
 * @param params N, parameters (> 0)
 * @param tokens D, training tokens (> 0)
 * @example lossSlopePerDecade(besiroglu2024, 1e11, 3e11) // 0.05763: from 100B to 1T parameters the loss falls by about 0.05
 */
export function lossSlopePerDecade(law: ScalingLaw, params: number, tokens: number): number {
  if (law.form === 'chinchilla') return Math.LN10 * law.alpha * law.A / params ** law.alpha;
  const size = (law.Nc / params) ** (law.alphaN / law.alphaD);
  return Math.LN10 * law.alphaN * size * (size + law.Dc / tokens) ** (law.alphaD - 1);
}

/**
 * The constants of a law by their names in the YAML and JSON formats:
 * `{E, A, B, alpha, beta}` (Chinchilla form) or `{alphaN, alphaD, Nc, Dc}` (Kaplan form).
 */
export function lawConstants(law: ScalingLaw): Record<string, number> {
  return law.form === 'chinchilla'
    ? { E: law.E, A: law.A, B: law.B, alpha: law.alpha, beta: law.beta }
    : { alphaN: law.alphaN, alphaD: law.alphaD, Nc: law.Nc, Dc: law.Dc };
}
