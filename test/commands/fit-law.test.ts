// `emerge fit` on training runs, in-process: the published Chinchilla fit through the CSV reader, the
// options, the output formats, and the errors issue 4 names.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { computeOptimal } from '../../src/core/allocation.js';
import { heldOutError, splitByCompute } from '../../src/core/fit/backtest.js';
import { fitChinchillaLaw } from '../../src/core/fit/law-fit.js';
import { coarseGrid } from '../../src/core/fit/law-grid.js';
import type { ChinchillaConstants, TrainingRun } from '../../src/core/fit/law-objective.js';
import { createRng, randomNormal } from '../../src/core/random.js';
import { loss, type ChinchillaLaw } from '../../src/core/scaling-law.js';
import { checkConverged } from '../../src/api/fit/law.js';
import { FitError } from '../../src/errors.js';
import { runClusters } from '../../src/api/fit/law-clusters.js';
import { checkpointRuns, CHINCHILLA, runsCsv } from '../helpers/checkpoint-runs.js';
import { chinchillaRuns } from '../helpers/chinchilla-runs.js';
import { besiroglu2024, chinchillaPresets, hoffmann2022, hoffmann2022Unrounded, relativeError } from '../helpers/laws.js';
import type { LawDocument } from '../../src/render/fit-law-record.js';
import { runCli } from '../helpers/run-cli.js';

const KEYS = ['E', 'A', 'B', 'alpha', 'beta'] as const;

type LawJson = LawDocument;

async function fitJson(args: string[], stdin?: string): Promise<LawJson> {
  const result = await runCli(['fit', ...args, '--format', 'json'], stdin === undefined ? {} : { stdin });
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as LawJson;
}

// ../shared/data/chinchilla_fit_constants.csv, row epoch2024_lbfgs_grid_exact_replication (Besiroglu
// et al. 2024; Epoch's data_analysis.ipynb), and the objective quoted in issue 4 and DESIGN.md; our
// scipy L-BFGS-B run on the same grid (bench/law-fit-scipy.py) agrees.
const published: ChinchillaConstants = { A: 477.8, B: 2143, E: 1.8172, alpha: 0.34731, beta: 0.36718 };
const publishedObjective = 0.001018274;

/** Issue 4: objective within 1e-6 relative of 0.0010182740 or lower; A, B, E, α, β within 0.5%. */
function expectPublishedFit(doc: LawJson): void {
  expect(doc.objective).toBeLessThanOrEqual(publishedObjective * (1 + 1e-6));
  for (const key of KEYS) expect(relativeError(doc.law[key], published[key]), key).toBeLessThan(0.005);
}

function csvOf(runs: readonly TrainingRun[]): string {
  return `params,tokens,loss\n${runs.map((r) => `${r.params},${r.tokens},${r.loss}`).join('\n')}\n`;
}

/** 64 runs on an 8×8 grid of N ∈ [3e7, 3e10] and D ∈ [1e9, 1e12] from `law`, log-normal noise σ. */
function syntheticRuns(law: ChinchillaLaw, sigma: number, seed: number): TrainingRun[] {
  const rng = createRng(seed);
  const runs: TrainingRun[] = [];
  for (let i = 0; i < 8; i++) {
    for (let j = 0; j < 8; j++) {
      const params = 10 ** (7.5 + (3 * i) / 7);
      const tokens = 10 ** (9 + (3 * j) / 7);
      runs.push({ params, tokens, loss: loss(law, params, tokens) * Math.exp(sigma * randomNormal(rng)) });
    }
  }
  return runs;
}

const temporary = mkdtempSync(join(tmpdir(), 'emerge-fit-law-'));

describe('emerge fit on the Chinchilla runs (issue 4 must-holds)', () => {
  // The published method in full, 4,500 starts: the suite's shared fits (test/setup/published-fits.ts),
  // run once by the built binary, read here.
  const shared = (name: 'chinchilla' | 'epochPoints'): LawJson => {
    const result = inject('publishedFits')[name];
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    return JSON.parse(result.stdout) as LawJson;
  };

  it('reproduces Besiroglu et al. 2024 on fixtures/chinchilla_runs.csv (the 240 kept runs)', () => {
    const doc = shared('chinchilla');
    expectPublishedFit(doc);
    expect(doc).toMatchObject({ kind: 'law', n: 240, starts: 4500, converged: true, grid: 'standard' });
    expect(doc.loss).toEqual({ kind: 'huber', delta: 1e-3, tau: 0.5 });
    expect(doc.diagnostics).toMatchObject({ poorly_determined: false, warnings: [] });
  });

  it('gives the same fit on the 245 epoch points with --exclude-top-loss 5 (the 5 flagged rows)', () => {
    const doc = shared('epochPoints');
    expectPublishedFit(doc);
    expect(doc).toMatchObject({ starts: 4500, intervals: null, bootstrap: null });
    expect(doc.n).toBe(240);
    // Rows 0–4 of the file (lines 2–6) are the ones Epoch flag as outliers (epoch_excluded_outlier = 1).
    expect(doc.excluded.map((e) => e.line).sort()).toEqual([2, 3, 4, 5, 6]);
    const flagged = readFileSync('fixtures/chinchilla_epoch_points.csv', 'utf8').trim().split('\n').slice(1).filter((l) => l.split(',')[5] === '1');
    expect(flagged).toHaveLength(5);
  });

  // Same grid, same runs (different order in the two files): the same optimum. The objective sums
  // the runs in another order, so agreement is to rounding, 1e-9 relative.
  it('finds the same constants from either file on the coarse grid', async () => {
    const runsFile = await fitJson(['fixtures/chinchilla_runs.csv', '--grid', 'coarse', '--bootstrap', '0']);
    const epochFile = await fitJson(['fixtures/chinchilla_epoch_points.csv', '--grid', 'coarse', '--exclude-top-loss', '5', '--bootstrap', '0']);
    expectPublishedFit(runsFile);
    for (const key of KEYS) expect(relativeError(epochFile.law[key], runsFile.law[key])).toBeLessThan(1e-9);
    expect(runsFile.starts).toBe(108);
  });

  it.each(chinchillaPresets.map((law) => [law.id, law] as const))('recovers %s from 64 synthetic runs with 0.5%% noise', async (_id, law) => {
    const doc = await fitJson(['-', '--grid', 'coarse', '--bootstrap', '200'], csvOf(syntheticRuns(law, 0.005, 7)));
    for (const key of KEYS) {
      // The truth lies inside every 95% bootstrap interval, and the estimates are close: with 0.5%
      // noise on 64 runs the exponents come back within 1% and E within 0.5% (observed: ≤ 0.6% and
      // ≤ 0.4%); the coefficients A, B, strongly correlated with the exponents, within 6% (≤ 4.3%).
      const [lower, upper] = doc.intervals![key]!;
      expect(law[key], key).toBeGreaterThanOrEqual(lower);
      expect(law[key], key).toBeLessThanOrEqual(upper);
      const tolerance = key === 'A' || key === 'B' ? 0.06 : key === 'E' ? 0.005 : 0.01;
      expect(relativeError(doc.law[key], law[key]), key).toBeLessThan(tolerance);
    }
  });
});

describe('emerge fit options (law)', () => {
  it('reports intervals, the allocation exponent and N_opt at --at-compute, reproducibly by seed', async () => {
    const args = ['fixtures/chinchilla_runs.csv', '--grid', 'coarse', '--bootstrap', '200', '--at-compute', '1e24'];
    const doc = await fitJson(args);
    const law: ChinchillaLaw = { form: 'chinchilla', id: 'fit', source: 'test', ...doc.law };
    expect(doc.allocation_exponent).toBeCloseTo(doc.law.beta / (doc.law.alpha + doc.law.beta), 15);
    // By construction: N_opt and D_opt of the fitted law (core/allocation.ts), and C = 6·N·D.
    expect(relativeError(doc.optimal_params!, computeOptimal(law, 1e24).params)).toBeLessThan(1e-12);
    expect(relativeError(6 * doc.optimal_params! * doc.optimal_tokens!, 1e24)).toBeLessThan(1e-12);
    for (const key of [...KEYS, 'allocation_exponent', 'optimal_params']) {
      const [lower, upper] = doc.intervals![key]!;
      const estimate = key === 'allocation_exponent' ? doc.allocation_exponent : key === 'optimal_params' ? doc.optimal_params! : doc.law[key as (typeof KEYS)[number]];
      expect(lower, key).toBeLessThan(estimate);
      expect(upper, key).toBeGreaterThan(estimate);
    }
    expect(doc.bootstrap).toMatchObject({ resamples: 200, seed: 20220615, converged_resamples: 200 });
    expect(await fitJson(args)).toEqual(doc);
    const other = await fitJson([...args, '--seed', '7']);
    expect(other.law).toEqual(doc.law);
    expect(other.intervals!.alpha).not.toEqual(doc.intervals!.alpha);
  });

  it('back-tests above --holdout-above against the presets on the same held-out runs', async () => {
    const doc = await fitJson(['fixtures/chinchilla_runs.csv', '--grid', 'coarse', '--bootstrap', '0', '--holdout-above', '1e21']);
    const runs = chinchillaRuns();
    const { train, heldOut } = splitByCompute(runs, 1e21);
    const bt = doc.backtest!;
    expect(bt).toMatchObject({ cutoff: 1e21, train_runs: train.length, held_out_runs: heldOut.length });
    expect(train.length).toBe(217);
    // Independently: the engine's fit of the training runs and its error on the rest.
    const trainFit = fitChinchillaLaw(train, { grid: coarseGrid() });
    for (const key of KEYS) expect(relativeError(bt.law[key], trainFit.law[key])).toBeLessThan(1e-12);
    const fitted: ChinchillaLaw = { form: 'chinchilla', id: 'train', source: 'test', ...trainFit.law };
    expect(bt.held_out.rmse).toBeCloseTo(heldOutError(fitted, heldOut).rmse, 12);
    expect(bt.presets.map((p) => p.name)).toEqual(['besiroglu2024', 'hoffmann2022', 'hoffmann2022-unrounded']);
    for (const [preset, law] of [[bt.presets[0]!, besiroglu2024], [bt.presets[1]!, hoffmann2022], [bt.presets[2]!, hoffmann2022Unrounded]] as const) {
      const expected = heldOutError(law, heldOut);
      // data/laws.yaml holds the same constants as test/helpers/laws.ts (DESIGN.md); 1e-9 covers rounding.
      expect(Math.abs(preset.rmse - expected.rmse)).toBeLessThan(1e-9);
      expect(Math.abs(preset.bias - expected.bias)).toBeLessThan(1e-9);
    }
    // The main fit still uses every run.
    expect(doc.n).toBe(240);
    const table = await runCli(['fit', 'fixtures/chinchilla_runs.csv', '--grid', 'coarse', '--bootstrap', '0', '--holdout-above', '1e21']);
    expect(table.stdout).toContain('Back-test: fitted on the 217 runs at or below 1.00e21 FLOPs, predicting the 23 above');
    expect(table.stdout).toMatch(/│ this fit \(217 runs\)\s+│ 0\.0282 │/);
  });

  // Identities of the objective (law-objective.ts): Huber with δ above every |residual| is ½r², the
  // MSE objective, so both fits reach the same optimum; and the MSE objective recomputed from the
  // printed constants equals the printed objective.
  it('--loss mse equals Huber with a large --delta, and its objective is ½Σ(ln L − ln L̂)²', async () => {
    const mse = await fitJson(['fixtures/chinchilla_runs.csv', '--grid', 'coarse', '--bootstrap', '0', '--loss', 'mse']);
    const wide = await fitJson(['fixtures/chinchilla_runs.csv', '--grid', 'coarse', '--bootstrap', '0', '--delta', '10']);
    expect(relativeError(wide.objective, mse.objective)).toBeLessThan(1e-9);
    const law: ChinchillaLaw = { form: 'chinchilla', id: 'mse', source: 'test', ...mse.law };
    const half = chinchillaRuns().reduce((s, r) => s + 0.5 * Math.log(r.loss / loss(law, r.params, r.tokens)) ** 2, 0);
    expect(relativeError(mse.objective, half)).toBeLessThan(1e-9);
    expect(mse.loss.kind).toBe('mse');
  });

  it('--loss asymmetric fits a lower envelope: most runs lie above it', async () => {
    const doc = await fitJson(['fixtures/chinchilla_runs.csv', '--grid', 'coarse', '--bootstrap', '0', '--loss', 'asymmetric']);
    const law: ChinchillaLaw = { form: 'chinchilla', id: 'asym', source: 'test', ...doc.law };
    const above = chinchillaRuns().filter((r) => r.loss > loss(law, r.params, r.tokens)).length / 240;
    // τ = 0.1: the fit tends to the 10% quantile, so about 90% of runs lie above it (≥ 80% asserted;
    // the Huber smoothing near 0 and the five-parameter form keep it from being exact). The Huber fit
    // has about half above.
    expect(above).toBeGreaterThan(0.8);
    expect(doc.loss).toEqual({ kind: 'asymmetric', delta: 1e-3, tau: 0.1 });
  });

  it('--grid FILE runs exactly the starts in the file', async () => {
    const grid = join(temporary, 'grid.csv');
    // The coarse grid's winning start (a = b = 20, e = 0, α = β = 0.5) and one that ends elsewhere.
    writeFileSync(grid, 'a,b,e,alpha,beta\n5,5,0.5,0.5,0.5\n20,20,0,0.5,0.5\n');
    const doc = await fitJson(['fixtures/chinchilla_runs.csv', '--grid', grid, '--bootstrap', '0']);
    expect(doc.starts).toBe(2);
    expect(doc.grid).toBe(grid);
    expectPublishedFit(doc);
  });

  it('maps headers with --columns and derives tokens from compute as C/(6N)', async () => {
    const runs = chinchillaRuns();
    const text = `Model Size,FLOPs used,Final loss\n${runs.map((r) => `${r.params},${6 * r.params * r.tokens},${r.loss}`).join('\n')}\n`;
    const doc = await fitJson(['-', '--columns', 'params=Model Size,compute=FLOPs used,loss=Final loss', '--grid', 'coarse', '--bootstrap', '0'], text);
    expectPublishedFit(doc);
    expect(doc.derived).toBe('tokens = FLOPs used/(6·Model Size)');
  });

  it('prints a table with the constants, the fit quality and a chart', async () => {
    const result = await runCli(['fit', 'fixtures/chinchilla_runs.csv', '--grid', 'coarse', '--bootstrap', '100', '--chart']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('Scaling law fitted to 240 runs of fixtures/chinchilla_runs.csv');
    expect(result.stdout).toMatch(/│ E\s+│\s+1\.8172 │ 1\.\d+ – 1\.\d+\s+│/);
    expect(result.stdout).toMatch(/Objective\s+0\.00101827402/);
    expect(result.stdout).toContain('Loss across training compute (● observed, ○ fitted');
    expect(result.stdout).toMatch(/┤.*●/);
    expect(result.stdout).not.toMatch(/NaN|Infinity/);
  });

  it('prints CSV rows of quantities with intervals', async () => {
    const result = await runCli(['fit', 'fixtures/chinchilla_runs.csv', '--grid', 'coarse', '--bootstrap', '100', '--format', 'csv']);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toBe('quantity,value,lower,upper');
    expect(lines.map((l) => l.split(',')[0])).toEqual(['quantity', 'E', 'A', 'B', 'alpha', 'beta', 'allocation_exponent', 'objective', 'rmse', 'mae', 'n', 'starts', 'converged_starts', 'converged']);
    expect(lines[1]!.split(',')).toHaveLength(4);
    expect(lines[10]).toBe('n,240,,');
  });

  it('writes --output law.yaml that emerge predict --law reads, with the same constants', async () => {
    const file = join(temporary, 'law.yaml');
    const doc = await fitJson(['fixtures/chinchilla_runs.csv', '--grid', 'coarse', '--bootstrap', '50', '--output', file]);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^# Scaling law fitted by `emerge fit`/);
    expect(text).toContain('name: fit-chinchilla-runs\nform: chinchilla\n');
    const predicted = await runCli(['predict', '--law', file, '--params', '70e9', '--tokens', '1.4e12', '--format', 'json']);
    expect(predicted.code, predicted.stderr).toBe(0);
    const { law, results } = JSON.parse(predicted.stdout) as { law: ChinchillaConstants & { id: string }; results: { loss: number }[] };
    expect(law.id).toBe('fit-chinchilla-runs');
    // Written at full precision: read back, the constants are the same doubles.
    for (const key of KEYS) expect(law[key]).toBe(doc.law[key]);
    const fitted: ChinchillaLaw = { form: 'chinchilla', id: 'fit', source: 'test', ...doc.law };
    expect(results[0]!.loss).toBe(loss(fitted, 70e9, 1.4e12));
  });
});

describe('emerge fit errors (law)', () => {
  const cases: [string, string, string[], number, string][] = [
    ['too few runs', 'params,tokens,loss\n1e9,2e10,3\n2e9,2e10,2.9\n', [], 1, 'emerge fit: stdin: too few runs to fit a scaling law: 2 (need at least 6)\n'],
    ['identical losses', `params,tokens,loss\n${[1, 2, 3, 4, 5, 6, 7].map((i) => `${i}e9,2e10,3`).join('\n')}\n`, [], 1, 'emerge fit: stdin: all 7 runs have the same loss (3): nothing to fit\n'],
    ['a negative value', 'params,tokens,loss\n1e9,2e10,3\n2e9,-2e10,3\n', [], 1, 'emerge fit: stdin:3: tokens: "-2e10" must be at least 1 (a token count)\n'],
    ['a zero loss', 'params,tokens,loss\n1e9,2e10,0\n', [], 1, 'emerge fit: stdin:2: loss: "0" must be greater than 0 (a loss in nats per token)\n'],
    ['NaN', 'params,tokens,loss\n1e9,2e10,NaN\n', [], 1, 'emerge fit: stdin:2: loss: "NaN" is not a number; use e.g. 2.5\n'],
    ['an overflow', 'params,tokens,loss\n1e9,1e400,2\n', [], 1, 'emerge fit: stdin:2: tokens: "1e400" is too large to be a token count (at most 1e17)\n'],
    ['a missing tokens column', 'params,loss\n1e9,3\n', [], 1, 'emerge fit: stdin:1: no tokens column (tokens, D, training_tokens), nor compute to derive it in the header "params,loss"; name it with --columns\n'],
    ['a missing params column', 'tokens,loss\n1e9,3\n', [], 1, 'emerge fit: stdin:1: no params column (params, N, model_size), nor tokens and compute to derive it in the header "tokens,loss"; name it with --columns\n'],
    ['no rows', 'params,tokens,loss\n', [], 1, 'emerge fit: stdin: has a header but no runs\n'],
    ['excluding everything', 'params,tokens,loss\n1e9,2e10,3\n', ['--exclude-top-loss', '1'], 1, 'emerge fit: stdin: --exclude-top-loss 1 would leave none of its 1 runs\n'],
    ['--bootstrap 1', 'params,tokens,loss\n1e9,2e10,3\n', ['--bootstrap', '1'], 2, 'emerge fit: --bootstrap: 1 resample gives no interval; use 0 to skip the bootstrap, or at least 2 (1000 is the default)\n'],
    ['--bootstrap 2.5', 'params,tokens,loss\n1e9,2e10,3\n', ['--bootstrap', '2.5'], 2, 'emerge fit: --bootstrap: "2.5" is not a whole number (a number of bootstrap resamples)\n'],
    ['--delta 0', 'params,tokens,loss\n1e9,2e10,3\n', ['--delta', '0'], 2, 'emerge fit: --delta: "0" must be greater than 0 (a Huber threshold on log-loss residuals)\n'],
    ['--grid unknown', 'params,tokens,loss\n1e9,2e10,3\n', ['--grid', 'coarsest'], 2, 'emerge fit: --grid: "coarsest" is not standard, coarse or a CSV file of starts (did you mean coarse?)\n'],
    ['--loss unknown', 'params,tokens,loss\n1e9,2e10,3\n', ['--loss', 'l1'], 2, 'emerge fit: option \'--loss <loss>\' argument \'l1\' is invalid. Allowed choices are huber, mse, asymmetric.\n'],
    ['a curve flag', 'params,tokens,loss\n1e9,2e10,3\n', ['--x', 'compute'], 2, 'emerge fit: --x applies to curve fits; stdin is fitted as a scaling law (it has a loss column); --kind overrides\n'],
  ];

  it.each(cases)('%s: one line, the right exit code', async (_name, stdin, args, code, stderr) => {
    const result = await runCli(['fit', '-', ...args], { stdin });
    expect(result.stderr).toBe(stderr);
    expect(result.code).toBe(code);
    expect(result.stdout).toBe('');
  });

  it('names a bad cell of the grid file by file and line', async () => {
    const grid = join(temporary, 'bad-grid.csv');
    writeFileSync(grid, 'a,b,e,alpha,beta\n5,5,0.5,0.5,0.5\n5,x,0,0,0\n');
    const result = await runCli(['fit', 'fixtures/chinchilla_runs.csv', '--grid', grid]);
    expect(result.stderr).toBe(`emerge fit: ${grid}:3: b: "x" is not a number; use e.g. 5\n`);
    expect(result.code).toBe(1);
  });

  it('refuses a back-test with nothing on one side', async () => {
    const low = await runCli(['fit', 'fixtures/chinchilla_runs.csv', '--grid', 'coarse', '--bootstrap', '0', '--holdout-above', '1e15']);
    expect(low.stderr).toBe('emerge fit: fixtures/chinchilla_runs.csv: --holdout-above: only 0 runs at or below 1.000e+15 FLOPs: need at least 6 to fit\n');
    expect(low.code).toBe(1);
    const high = await runCli(['fit', 'fixtures/chinchilla_runs.csv', '--grid', 'coarse', '--bootstrap', '0', '--holdout-above', '1e30']);
    expect(high.stderr).toBe('emerge fit: fixtures/chinchilla_runs.csv: --holdout-above: no runs above 1.000e+30 FLOPs to hold out\n');
    expect(high.code).toBe(1);
  });

  // A non-converged fit cannot be provoked from the command line on real data (every start of the
  // grids converges on these runs), so the decision is tested on a real fit marked as stopped.
  it('exits 1 on a fit that did not converge, unless --allow-unconverged', () => {
    const fit = { ...fitChinchillaLaw(chinchillaRuns(), { grid: coarseGrid() }), converged: false, reason: 'maxIterations' as const };
    const warnings: string[] = [];
    const ctx = (m: string): void => void warnings.push(m);
    expect(() => checkConverged(fit, 'runs.csv', false, ctx, 'the fit')).toThrow(FitError);
    expect(() => checkConverged(fit, 'runs.csv', false, ctx, 'the fit')).toThrow(
      'runs.csv: the fit did not converge: the best of 108 starts stopped at maxIterations (108 starts converged); --allow-unconverged reports it anyway',
    );
    checkConverged(fit, 'runs.csv', true, ctx, 'the fit');
    expect(warnings).toEqual(['runs.csv: the fit did not converge: the best of 108 starts stopped at maxIterations (108 starts converged); reported as found (--allow-unconverged)']);
  });
});

describe('emerge fit on checkpoint-level data (above 2,000 rows)', () => {
  // 60 runs × 50 checkpoints of Besiroglu et al.'s law; coarse grid and 100 resamples keep it quick.
  const checkpoints = checkpointRuns(3000);
  const args = ['--grid', 'coarse', '--bootstrap', '100'];

  it('screens the starts, and resamples whole runs when a run column names them', async () => {
    const doc = await fitJson(['-', ...args], runsCsv(checkpoints, true));
    expect(doc).toMatchObject({ n: 3000, starts: 108, converged: true });
    expect(doc.screen).toMatchObject({ rows: 500, candidates: 4 });
    expect(doc.screen!.agreeing).toBeGreaterThanOrEqual(2);
    expect(doc.bootstrap).toMatchObject({ method: 'one-step', unit: 'run', units: 60, grouped_by: 'column run' });
    for (const key of KEYS) expect(relativeError(doc.law[key], CHINCHILLA[key]), key).toBeLessThan(0.05);
    const table = await runCli(['fit', '-', ...args], { stdin: runsCsv(checkpoints, true) });
    expect(table.stdout).toContain('on 500 rows stratified by compute');
    expect(table.stdout).toContain('100 case-bootstrap resamples of the 60 runs (column run), each refitted by one Newton step from the best fit');
    expect(table.stderr).toBe('');
  });

  it('without a run column resamples rows, and warns that checkpoints are not independent', async () => {
    const result = await runCli(['fit', '-', ...args, '--format', 'json'], { stdin: runsCsv(checkpoints) });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).bootstrap).toMatchObject({ method: 'one-step', unit: 'row', units: 3000, grouped_by: null });
    expect(result.stderr).toContain('emerge: stdin: the bootstrap resamples the 3000 rows as independent; if they are checkpoints of fewer runs, add a run column');
  });

  // The same runs written with a step column instead of a run column: consecutive rows of one
  // parameter count with increasing steps are one run, so the same 60 runs.
  it('finds the runs from a step column', async () => {
    const lines = ['params,tokens,step,loss', ...checkpoints.map((r, i) => `${r.params},${r.tokens},${(i % 50) + 1},${r.loss}`)];
    const doc = await fitJson(['-', ...args], `${lines.join('\n')}\n`);
    expect(doc.bootstrap).toMatchObject({ unit: 'run', units: 60 });
    expect(doc.bootstrap!.grouped_by).toMatch(/^column step/);
  });

  it('refuses an empty run id, naming the line', async () => {
    const result = await runCli(['fit', '-'], { stdin: 'run,params,tokens,loss\na,1e9,2e10,2.5\n,1e9,3e10,2.4\n' });
    expect(result.stderr).toBe('emerge fit: stdin:3: run: empty; every row needs the run it belongs to\n');
    expect(result.code).toBe(1);
  });
});

describe('runClusters', () => {
  it('numbers runs by first appearance; null without keys', () => {
    expect(runClusters(['b', 'a', 'b', 'c'])).toEqual({ index: Uint32Array.of(0, 1, 0, 2), count: 3 });
    expect(runClusters([undefined, undefined])).toBeNull();
  });
});
