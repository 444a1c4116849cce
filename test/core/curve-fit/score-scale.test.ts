import { describe, expect, it } from 'vitest';
import { detectScoreScale } from '../../../src/core/curve-fit/score-scale.js';

describe('detectScoreScale', () => {
  it('leaves 0–1 scores alone', () => {
    expect(detectScoreScale([0, 0.25, 1], 'x')).toEqual({ ok: true, factor: 1 });
    expect(detectScoreScale([], 'x')).toEqual({ ok: true, factor: 1 });
  });

  // The fixture's BLEU column goes up to 65.15831366997278.
  it('detects a 0–100 scale and says so', () => {
    const scale = detectScoreScale([0.0032, 27.24, 65.15831366997278], 'ipa/bleu');
    expect(scale).toEqual({ ok: true, factor: 0.01, note: 'ipa/bleu: scores up to 65.16 look like a 0–100 scale; divided by 100' });
  });

  it('refuses scores that are on neither scale', () => {
    expect(detectScoreScale([-0.1, 0.5], 't')).toEqual({ ok: false, message: 't: scores range from -0.1 to 0.5; expected 0–1 (or 0–100)' });
    expect(detectScoreScale([3, 250], 't').ok).toBe(false);
    expect(detectScoreScale([0.5, Number.NaN], 't').ok).toBe(false);
  });
});
