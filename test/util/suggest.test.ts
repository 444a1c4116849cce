import { describe, expect, it } from 'vitest';
import { closeMatches, didYouMean, editDistance } from '../../src/util/suggest.js';

describe('suggestions', () => {
  it('computes Levenshtein distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('finds typos and prefixes, nearest first, and not unrelated short names', () => {
    expect(closeMatches('chain-of-thougt', ['chain-of-thought', 'code-logic'])).toEqual(['chain-of-thought']);
    expect(closeMatches('betta', ['A', 'B', 'E', 'alpha', 'beta'])).toEqual(['beta']);
    expect(closeMatches('code', ['code-logic', 'code-syntax', 'in-context-learning'])).toEqual(['code-logic', 'code-syntax']);
    expect(didYouMean('zzzzzz', ['chain-of-thought'])).toBe('');
  });
});
