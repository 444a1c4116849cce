// The pieces of the evidence that need no data: level crossings, the comparison rule, the keyword
// assignment and the source corrections.
import { describe, expect, it } from 'vitest';
import { sigmoidScore } from '../../../src/core/curve-fit/index.js';
import { compareWithClaim, correctBaseModels, decadesFromClaim, levelCrossing, tasksOfCategory } from '../../../src/core/evidence/index.js';

describe('levelCrossing', () => {
  const p = { x0: 22, k: 3, floor: -0.05, ceiling: 0.3 };

  it('is the inverse of the sigmoid (identity; tolerance 1e-12: floating point)', () => {
    for (const level of [-0.04, 0, 0.02, 0.125, 0.29]) expect(sigmoidScore(p, levelCrossing(p, level))).toBeCloseTo(level, 12);
  });

  it('is x0 at the midpoint, ±ln 9/k at 10% and 90% of the rise (closed form)', () => {
    expect(levelCrossing(p, 0.125)).toBeCloseTo(22, 12);
    expect(levelCrossing({ x0: 22, k: 3, floor: 0, ceiling: 1 }, 0.9)).toBeCloseTo(22 + Math.log(9) / 3, 12);
  });

  it('is −∞ at or below the floor and +∞ at or above the ceiling', () => {
    expect(levelCrossing(p, -0.05)).toBe(-Infinity);
    expect(levelCrossing(p, 0.3)).toBe(Infinity);
  });
});

describe('compareWithClaim (tolerance half a decade)', () => {
  const inside = (threshold: number, lo: number | null, hi: number | null) => ({ where: 'inside' as const, threshold, interval: [lo, hi] as [number | null, number | null] });

  it('is earlier when the whole interval lies more than half a decade below the claim', () => {
    expect(compareWithClaim(1e11, inside(2.5e9, 1.5e9, 5.8e9))).toBe('earlier');
    // 1e11 / 10^0.5 = 3.16e10: an upper end just below it is earlier, just above consistent.
    expect(compareWithClaim(1e11, inside(1e10, 5e9, 3.1e10))).toBe('earlier');
    expect(compareWithClaim(1e11, inside(1e10, 5e9, 3.2e10))).toBe('consistent');
  });

  it('is later when the whole interval lies more than half a decade above it', () => {
    expect(compareWithClaim(1e9, inside(1e10, 3.2e9, 2e10))).toBe('later');
    expect(compareWithClaim(1e9, inside(1e10, 3.1e9, 2e10))).toBe('consistent');
  });

  it('reads an open end as unbounded, and a threshold below the data as reached there', () => {
    expect(compareWithClaim(1e9, inside(5e9, null, 2e10))).toBe('consistent');
    expect(compareWithClaim(1e10, { where: 'below', threshold: null, interval: [null, 8.6e7] })).toBe('earlier');
    expect(compareWithClaim(1e9, { where: 'below', threshold: null, interval: [null, 3.75e9] })).toBe('consistent');
  });

  it('is not-reached when the curve reaches its level only beyond the largest model', () => {
    expect(compareWithClaim(1e11, { where: 'above', threshold: null, interval: [9.2e10, null] })).toBe('not-reached');
  });

  it('gives the distance in decades', () => {
    expect(decadesFromClaim(1e11, 1e9)).toBeCloseTo(-2, 12);
    expect(decadesFromClaim(1e11, null)).toBeNull();
  });
});

describe('BIG-bench keyword assignment', () => {
  it('puts a task in every category one of whose keywords it carries', () => {
    expect(tasksOfCategory('bigbench-reasoning', ['causal_judgment', 'rhyming'])).toEqual(['causal_judgment']);
    expect(tasksOfCategory('bigbench-commonsense', ['causal_judgment', 'rhyming'])).toEqual(['causal_judgment']);
    expect(tasksOfCategory('bigbench-language', ['causal_judgment', 'rhyming'])).toEqual(['rhyming']);
    expect(tasksOfCategory('bigbench-programming', ['causal_judgment', 'rhyming', 'codenames'])).toEqual([]);
  });
});

describe('correctBaseModels', () => {
  const rows = [
    { model: 'cerebras/btlm-3b-8k-base', params: '3000000000', training_tokens: '627000000000000', training_flop: '11286000000000000000000000' },
    { model: 'openlm-research/open_llama_7b_v2', params: '13000000000', training_tokens: '1000000000000', training_flop: '78000000000000000000000' },
  ];

  it('corrects the two known source errors and recomputes FLOPs as 6ND (../shared/data/README.md)', () => {
    const [btlm, openLlama] = correctBaseModels(rows);
    expect(Number(btlm!.training_tokens)).toBe(627e9);
    expect(Number(btlm!.training_flop)).toBe(6 * 3e9 * 627e9);
    expect(Number(openLlama!.params)).toBe(7e9);
    expect(Number(openLlama!.training_flop)).toBe(6 * 7e9 * 1e12);
  });

  it('refuses a file that does not state the value it corrects', () => {
    expect(() => correctBaseModels([{ ...rows[0]!, training_tokens: '627000000000' }, rows[1]!])).toThrow(/does not state/);
  });
});
