// The chart builder and its axes: pure functions, no rendering.
import { describe, expect, it } from 'vitest';
import { labelExpression, logDomain, logTicks } from '../../../src/render/plot/axis.js';
import { gridColumns, plotSpec, type Picture } from '../../../src/render/plot/chart.js';
import { COLORS, DASHES, SHAPES, seriesStyle } from '../../../src/render/plot/style.js';
import { simulationPicture } from '../../../src/render/plot/simulation-plot.js';
import { applyOptions, BUILTIN_SCENARIOS, runScenario } from '../../../src/core/simulate/index.js';
import { loadAbilityCatalog } from '../../../src/io/abilities.js';
import { resolveLaw } from '../../../src/io/laws.js';

const picture = (charts: Picture['charts']): Picture => ({ title: 'T', charts });
const line = { title: 'A', x: { title: 'x', scale: 'log' as const, format: 'count' as const }, y: { title: 'y', scale: 'linear' as const, format: 'percent' as const } };

describe('log axes', () => {
  it('span whole decades with a tick at each, every other one past 12 decades', () => {
    expect(logDomain([3e9, 2e11])).toEqual([1e9, 1e12]);
    expect(logTicks([1e9, 1e12])).toEqual([1e9, 1e10, 1e11, 1e12]);
    expect(logTicks([1e8, 1e22])).toHaveLength(8);
    // Within two decades, 1-2-5 ticks.
    expect(logTicks([1e9, 1e10])).toEqual([1e9, 2e9, 5e9, 1e10]);
  });

  it('label counts as people write them and FLOPs as 1e22 (Vega expressions)', () => {
    expect(labelExpression('count')).toContain("'B'");
    expect(labelExpression('flops')).toContain("'e+', 'e'");
    expect(labelExpression('percent')).toBeUndefined();
  });
});

describe('series styles', () => {
  it('pair each Okabe–Ito colour with its own dash and shape, distinct for 64 series', () => {
    const keys = new Set(Array.from({ length: 64 }, (_, i) => JSON.stringify(seriesStyle(i))));
    expect(keys.size).toBe(64);
    expect(new Set(COLORS).size).toBe(8);
    expect(new Set(DASHES.map((d) => d.join())).size).toBe(8);
    expect(new Set(SHAPES).size).toBe(8);
  });
});

describe('plotSpec', () => {
  const spec = plotSpec(
    picture([
      {
        ...line,
        series: [
          { kind: 'band', name: 'band', styleOf: 'fit', values: [{ x: 1e9, lower: 0.1, upper: 0.3 }, { x: 1e10, lower: 0.5, upper: 0.7 }] },
          { kind: 'line', name: 'fit', values: [{ x: 1e9, y: 0.2 }, { x: 1e10, y: 0.6 }] },
          { kind: 'points', name: 'observed', values: [{ x: 2e9, y: 0.25 }] },
        ],
        rules: [{ at: 5e9, label: 'threshold 5B' }],
      },
    ]),
    { width: 1200, height: 750 },
  ) as Record<string, any>;

  it('layers bands, lines, points and rules with the data inline', () => {
    expect(spec.$schema).toMatch(/vega-lite\/v6/);
    expect(spec.layer.map((l: any) => l.mark.type)).toEqual(['area', 'line', 'point', 'rule', 'text', 'text']);
    expect(spec.layer[0].data.values).toEqual([
      { series: 'band', x: 1e9, y: 0.1, y2: 0.3 },
      { series: 'band', x: 1e10, y: 0.5, y2: 0.7 },
    ]);
    expect(spec.layer[2].data.values).toEqual([{ series: 'observed', x: 2e9, y: 0.25, shape: 'observed' }]);
  });

  it('gives a band the colour of the series it surrounds, and one legend for all', () => {
    const color = spec.layer[1].encoding.color;
    expect(color.scale.domain).toEqual(['band', 'fit', 'observed']);
    expect(color.scale.range[0]).toBe(color.scale.range[1]);
    expect(color.scale.range[2]).not.toBe(color.scale.range[1]);
    expect(spec.layer[1].encoding.strokeDash.legend).toBeNull();
  });

  it('makes several charts small multiples sharing the legend, in a grid near the picture\'s shape', () => {
    const grid = plotSpec(picture([1, 2, 3, 4].map((i) => ({ ...line, title: `panel ${i}`, series: [{ kind: 'line', name: 'fit', values: [{ x: 1e9, y: 0.2 }] }] }))), { width: 1200, height: 750 }) as Record<string, any>;
    expect(grid.concat).toHaveLength(4);
    expect(grid.columns).toBe(2);
    expect(grid.concat[0].title.text).toBe('panel 1');
    expect(gridColumns(8, { width: 1200, height: 750 })).toBe(3);
    expect(gridColumns(1, { width: 1200, height: 750 })).toBe(1);
  });
});

describe('simulationPicture', () => {
  const catalog = loadAbilityCatalog(undefined);
  const simulate = (scenario: 'finite-eval' | 'phase', steps: number) =>
    runScenario(applyOptions(BUILTIN_SCENARIOS[scenario], { steps }), { law: resolveLaw(undefined), referenceTokens: catalog.referenceTokens, catalog: catalog.abilities });

  it('shades finite-eval\'s percentile band, draws single trials thin and the rest as lines', () => {
    const picture = simulationPicture(simulate('finite-eval', 61), { sweep: 'sweep' });
    expect(picture.charts.map((c) => c.title)).toEqual(['Probability / score across parameters N', 'Standard deviation of the score across parameters N']);
    const series = picture.charts[0]!.series;
    expect(series.map((s) => `${s.kind} ${s.name}`)).toEqual(['band p5–p95 of the evaluations', 'line true', 'line mean', 'line trial-1', 'line trial-2', 'line trial-3']);
    expect(series.filter((s) => s.kind === 'line' && s.thin).map((s) => s.name)).toEqual(['trial-1', 'trial-2', 'trial-3']);
  });

  it('draws at most 1,500 points of a long sweep, its ends kept', () => {
    const simulation = simulate('phase', 100_000);
    const line = simulationPicture(simulation, { sweep: 'sweep' }).charts[0]!.series[0]!;
    expect(line.values.length).toBeLessThanOrEqual(1500);
    expect(line.values[0]!.x).toBe(simulation.series[0]!.x[0]);
    expect(line.values.at(-1)!.x).toBe(simulation.series[0]!.x.at(-1));
  });
});
