import { describe, expect, it } from 'vitest';
import { BUILTIN_SCENARIOS, runScenario } from '../../src/core/simulate/index.js';
import { simulationCsvChunks, snakeKeys } from '../../src/render/simulation-data.js';
import { tickLabel } from '../../src/render/simulation-chart.js';
import { formatCrossing, formatScaleOn, wrapText } from '../../src/render/simulation-view.js';
import { context } from '../core/simulate/context.js';

const sweep = { over: 'params' as const, from: 1e8, to: 1e13, steps: 61, quality: 1 };

describe('simulation view pieces', () => {
  it('formats crossings inside and outside the sweep', () => {
    expect(formatCrossing({ fraction: 0.5, value: 0.5, position: 'within', scale: 2.84e11 }, sweep)).toBe('284B');
    expect(formatCrossing({ fraction: 0.1, value: 0.1, position: 'before' }, sweep)).toBe('< 100M');
    expect(formatCrossing({ fraction: 0.9, value: 0.9, position: 'after' }, sweep)).toBe('> 10T');
    expect(formatCrossing(undefined, sweep)).toBe('–');
    expect(formatCrossing({ fraction: 0.9, value: 0.9, position: 'after' }, { ...sweep, over: 'compute', to: 1e27 })).toBe('> 1e27');
  });

  it('writes scales in readable units: counts with suffixes, compute (and counts past 1e15) in powers of ten', () => {
    expect([formatScaleOn('params', 1.11e9), formatScaleOn('tokens', 1.4e12), formatScaleOn('compute', 1.4e20), formatScaleOn('compute', 1e18), formatScaleOn('params', 3e16)]).toEqual(['1.11B', '1.4T', '1.40e20', '1e18', '3e16']);
    expect([8, 9, 12, 13, 15].map(tickLabel('params'))).toEqual(['100M', '1B', '1T', '10T', '1e15']);
    expect([18, 22].map(tickLabel('compute'))).toEqual(['1e18', '1e22']);
  });

  it('wraps words at the width, never splitting one', () => {
    expect(wrapText('aaa bbb ccc dddd', 8, '  ')).toBe('aaa bbb\n  ccc\n  dddd');
    expect(wrapText('a-very-long-word', 4)).toBe('a-very-long-word');
  });
});

describe('simulation data', () => {
  it('CSV: the header, then every series over every scale, numbers that read back exactly', () => {
    const sim = runScenario({ ...BUILTIN_SCENARIOS.mirage, sweep: { ...sweep, steps: 5000 } }, context);
    const lines = [...simulationCsvChunks(sim)].join('').trimEnd().split('\n');
    expect(lines[0]).toBe('series,scale,value');
    expect(lines).toHaveLength(1 + 6 * 5000);
    const row = 1 + 4 * 5000 + 1234; // exact-match-L20 at index 1234
    const [name, scale, value] = lines[row]!.split(',');
    expect(name).toBe('exact-match-L20');
    expect(Number(scale)).toBe(sim.series[4]!.x[1234]);
    expect(Number(value)).toBe(sim.series[4]!.y[1234]);
  });

  it('JSON keys are snake_case, typed arrays plain arrays', () => {
    expect(snakeKeys({ widthDecades: 1, perToken: { at50: 2 }, list: [{ thresholdParams: 3 }], y: new Float64Array([1, 2]) })).toEqual({
      width_decades: 1,
      per_token: { at50: 2 },
      list: [{ threshold_params: 3 }],
      y: [1, 2],
    });
  });
});
