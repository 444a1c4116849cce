// data/models.csv is a verbatim copy of ../shared/data/landmark_models.csv (fixtures/landmark_models.csv).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('data/models.csv', () => {
  it('is the landmark models file, byte for byte', () => {
    expect(readFileSync(new URL('../../data/models.csv', import.meta.url))).toEqual(readFileSync(new URL('../../fixtures/landmark_models.csv', import.meta.url)));
  });
});
