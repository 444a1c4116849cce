/**
 * Scores are fitted on the 0–1 scale. Some metrics (BLEU, ROUGE, percentages) are reported on 0–100;
 * a group whose scores all lie in [0, 100] with at least one above 1 is taken to be on that scale.
 * A 0–100 group whose scores never exceed 1 cannot be told apart from a 0–1 group; the caller must
 * then rescale it explicitly.
 */

export type ScoreScale =
  | { ok: true; factor: 1 | 0.01; note?: string }
  | { ok: false; message: string };

/**
 * Detect the scale of a group's scores: factor 1 when all are in [0, 1], 0.01 (with a note to show
 * the user) when all are in [0, 100] and some exceed 1; otherwise not a score at all (ok: false).
 * @param label what to call the group in the note, e.g. "international_phonetic_alphabet_transliterate/bleu"
 * @example detectScoreScale([0.3, 27.2, 65.2], 'ipa/bleu') // { ok: true, factor: 0.01, note: 'ipa/bleu: scores up to 65.2 look like a 0–100 scale; divided by 100' }
 */
export function detectScoreScale(scores: readonly number[], label: string): ScoreScale {
  let min = Infinity;
  let max = -Infinity;
  for (const s of scores) {
    if (!Number.isFinite(s)) return { ok: false, message: `${label}: score ${s} is not a finite number` };
    min = Math.min(min, s);
    max = Math.max(max, s);
  }
  if (scores.length === 0 || (min >= 0 && max <= 1)) return { ok: true, factor: 1 };
  if (min >= 0 && max <= 100) {
    return { ok: true, factor: 0.01, note: `${label}: scores up to ${formatScore(max)} look like a 0–100 scale; divided by 100` };
  }
  return { ok: false, message: `${label}: scores range from ${formatScore(min)} to ${formatScore(max)}; expected 0–1 (or 0–100)` };
}

function formatScore(v: number): string {
  return Number(v.toPrecision(4)).toString();
}
