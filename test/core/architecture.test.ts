import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { paramsFromArchitecture } from '../../src/core/architecture.js';

// Hoffmann et al. 2022 Table A9 (fixtures/chinchilla_table_a9_architectures.csv, from ../shared/data).
const rows = readFileSync(new URL('../../fixtures/chinchilla_table_a9_architectures.csv', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split(',').map(Number))
  .map(([dModel, , , , layers, vocab, reported]) => ({ dModel: dModel!, layers: layers!, vocab: vocab!, reported: reported! }));

describe('paramsFromArchitecture', () => {
  it('reads all 50 rows of Table A9', () => expect(rows).toHaveLength(50));

  const errors = rows.map((r) => Math.abs(paramsFromArchitecture(r.layers, r.dModel, r.vocab) - r.reported) / r.reported);

  it('is within 10% of the reported size for at least 46 of the 50 Chinchilla models', () => {
    expect(errors.filter((e) => e <= 0.1).length).toBeGreaterThanOrEqual(46);
  });

  it('is within 16% for all of them (the paper\'s counts for d_model 1536–2304 follow no single formula)', () => {
    expect(Math.max(...errors)).toBeLessThanOrEqual(0.16);
  });

  it('is 12·L·d² + V·d', () => {
    expect(paramsFromArchitecture(2, 10, 100)).toBe(12 * 2 * 100 + 1000);
  });
});
