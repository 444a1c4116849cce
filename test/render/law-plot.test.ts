// The law picture of a checkpoint-level input draws at most MAX_DRAWN_RUNS runs, evenly spaced in
// compute, and says so; a small input is drawn whole.
import { describe, expect, it } from 'vitest';
import { lawPicture, MAX_DRAWN_RUNS } from '../../src/render/plot/law-plot.js';
import { besiroglu2024 } from '../helpers/laws.js';

const runs = (n: number) => Array.from({ length: n }, (_, i) => ({ params: 1e8 + i * 1e5, tokens: 1e10, compute: 6 * (1e8 + i * 1e5) * 1e10, loss: 3 }));
const points = (picture: ReturnType<typeof lawPicture>) => picture.charts[0]!.series.filter((s) => s.kind === 'points').map((s) => s.values.length);

describe('lawPicture', () => {
  it('draws every run of a small input', () => {
    const picture = lawPicture(besiroglu2024, runs(240), { file: 'f.csv' });
    expect(points(picture)).toEqual([240, 240]);
    expect(picture.subtitle).toHaveLength(1);
  });

  it(`draws ${MAX_DRAWN_RUNS} of a large input, evenly spaced in compute with both ends, and says so`, () => {
    const all = runs(12_345);
    const picture = lawPicture(besiroglu2024, all, { file: 'f.csv' });
    expect(points(picture)).toEqual([MAX_DRAWN_RUNS, MAX_DRAWN_RUNS]);
    const observed = picture.charts[0]!.series.at(-1)!.values;
    expect(observed[0]!.x).toBe(all[0]!.compute);
    expect(observed.at(-1)!.x).toBe(all.at(-1)!.compute);
    expect(picture.title).toContain('12345 training runs');
    expect(picture.subtitle!.at(-1)).toBe(`${MAX_DRAWN_RUNS} of the 12345 runs drawn, evenly spaced in training compute.`);
  });
});
