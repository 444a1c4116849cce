// emerge fit on a ladder, and the forecast it writes used by emerge predict and emerge thresholds
// (in-process). Two fits of the six RedPajama runs Gadre et al. fitted are shared by every test: by
// the command, written to a forecast file, and by the core, forecasting the two targets.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { holdoutForecast } from '../../src/core/forecast/index.js';
import { runCli } from '../helpers/run-cli.js';
import { gadreTasks, RPJ_PAPER } from '../core/forecast/gadre-ladder.js';
import { CURVES, SMALL_LADDER, syntheticLadder, TRUE_LAW } from '../core/forecast/synthetic-ladder.js';

const tmp = mkdtempSync(join(tmpdir(), 'emerge-forecast-'));
const paperCsv = readFileSync(new URL('../../fixtures/ladder_rpj_paper.csv', import.meta.url), 'utf8');
const sixRuns = join(tmp, 'six-runs.csv');
writeFileSync(sixRuns, paperCsv.split('\n').filter((line) => !line.includes(',target,')).join('\n'));
const forecastFile = join(tmp, 'forecast.yaml');

const fitted = runCli(['fit', sixRuns, '--output', forecastFile, '--format', 'json']);
const targets = holdoutForecast(gadreTasks(RPJ_PAPER), 1e21);
const json = async (result: Promise<{ stdout: string }>) => JSON.parse((await result).stdout);
const syntheticCsv = (tasks: ReturnType<typeof syntheticLadder>): string =>
  `task,model,step,params,tokens,score,loss,random_baseline\n${tasks.flatMap((t) => t.points.map((p) => [t.id, p.run, p.step, p.params, p.tokens, p.score, p.loss, t.baseline].join(','))).join('\n')}\n`;

describe('emerge fit on a ladder of runs', () => {
  it('forecasts each task in two steps through the shared loss, with intervals from back-tests', async () => {
    const result = await fitted;
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout);
    expect(doc).toMatchObject({ kind: 'forecast', rows: 276, runs: 6, loss: 'shared', via: 'loss', level: 0.8, checkpoints: false });
    expect(doc.tasks).toHaveLength(46);
    expect(doc.law_fit).toMatchObject({ runs: 6, converged: true, grid: 'default', starts: 4500 });
    // Two origins (4 and 5 runs): too few to fit the loss law again, so it is said on stderr.
    expect(doc.origins.map((o: { runs: number; law_refitted: boolean }) => [o.runs, o.law_refitted])).toEqual([[4, false], [5, false]]);
    expect(doc.intervals.two_step.n).toBe(46 * 3);
    expect(result.stderr).toBe('');
  });

  it('writes a forecast file that predicts what the fit forecast, number for number', async () => {
    await fitted;
    const back = await targets;
    const predicted = await json(runCli(['predict', '--forecast', forecastFile, 'fixtures/ladder_rpj_targets.csv', '--format', 'json', '--ability', 'in-context-learning']));
    for (const result of predicted.results) {
      expect(result.forecasts).toHaveLength(46);
      for (const f of result.forecasts) {
        const p = back.predictions.find((x) => x.run === result.name && x.task === f.id)!;
        expect(f.score).toBe(p.forecasts['two-step']!.forecast);
        expect([f.lower, f.upper]).toEqual([p.forecasts['two-step']!.lower, p.forecasts['two-step']!.upper]);
        expect(f.distance_decades).toBeCloseTo(p.distance, 12);
      }
    }
    const text = readFileSync(forecastFile, 'utf8');
    expect(text).toContain('kind: forecast');
    expect(text).toContain('file: ' + sixRuns);
  });

  it('back-tests against persistence and the one-step forecast with --holdout-above', async () => {
    const result = await runCli(['fit', '-', '--holdout-above', '2e19', '--grid', 'coarse', '--format', 'json'], { stdin: syntheticCsv(syntheticLadder(CURVES)) });
    const { holdout: h } = JSON.parse(result.stdout);
    expect([h.train_runs, h.test_runs]).toEqual([13, 5]);
    expect(Object.keys(h.pooled)).toEqual(['forecast', 'two_step', 'one_step', 'persistence']);
    expect(h.pooled.persistence.coverage).toBeNull();
    expect(h.pooled.two_step.n).toBe(10);
    expect(h.tasks.map((t: { id: string }) => t.id)).toEqual(['easy', 'hard']);
    expect(h.pooled.forecast).toEqual(h.pooled.two_step);
    // Exact runs from the two-step model: it forecasts them, persistence does not.
    expect(h.pooled.two_step.mae).toBeLessThan(0.01);
    expect(h.pooled.persistence.mae).toBeGreaterThan(0.05);
  });

  const bad: [string, string[], string, number, string][] = [
    ['a loss that is not a positive number', ['-'], 'task,model,params,tokens,score,loss\nt,a,1e8,2e9,0.3,0\n', 1, 'emerge fit: stdin:2: loss: "0" must be greater than 0 (a loss in nats per token)\n'],
    ['an empty loss', ['-'], 'task,model,params,tokens,score,loss\nt,a,1e8,2e9,0.3,\n', 1, 'emerge fit: stdin:2: loss: "" is not a number; use e.g. 2.5\n'],
    ['--via loss without a loss column', ['-', '--kind', 'forecast', '--via', 'loss'], 'task,model,params,tokens,score\nt,a,1e8,2e9,0.3\n', 2, 'emerge fit: --via loss: stdin has no loss column; forecast from compute with --via compute, or name the loss with --columns loss=...\n'],
    ['a bootstrap', ['-', '--bootstrap', '10'], 'task,model,params,tokens,score,loss\nt,a,1e8,2e9,0.3,3\n', 2, 'emerge fit: --bootstrap applies to law and curve fits; stdin is fitted as a forecast (it has a loss and a score column); --kind overrides\n'],
    ['a level of 1', ['-', '--level', '1'], 'task,model,params,tokens,score,loss\nt,a,1e8,2e9,0.3,3\n', 2, 'emerge fit: --level: "1" is too large to be an interval level (at most 9.9e-1)\n'],
    ['a random baseline of 1', ['-'], 'task,model,params,tokens,score,loss,random_baseline\nt,a,1e8,2e9,0.3,3,1\n', 1, 'emerge fit: stdin:2: t: a random baseline of 1 is not a score below 1 (on the scale of its scores)\n'],
    ['steps without a model column', ['-'], 'task,params,tokens,score,loss,step\nt,1e8,2e9,0.3,3,10\n', 1, 'emerge fit: stdin:1: no model column naming each run (a step column marks checkpoints of runs) in the header "task,params,tokens,score,loss,step"; name it with --columns\n'],
  ];

  it.each(bad)('refuses %s in one line', async (_name, args, stdin, code, stderr) => {
    const result = await runCli(['fit', ...args], { stdin });
    expect(result.stderr).toBe(stderr);
    expect(result.code).toBe(code);
  });

  it('warns about a task with too few runs, naming its line, and fits the others', async () => {
    const extra = 'openlm_rpj,m,ladder,,1e8,2e9,1e18,tiny_task,0.3,0.25,3.5\n';
    const result = await runCli(['fit', '-', '--kind', 'forecast', '--via', 'compute', '--format', 'csv'], { stdin: paperCsv + extra });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('emerge: stdin:370: tiny_task: 1 runs of distinct compute; the one-step curve needs at least 4; left out\n');
    expect(result.stdout.split('\n')[0]).toMatch(/^id,method,chosen_by,runs,points,/);
    expect(result.stdout.trim().split('\n')).toHaveLength(47);
  });

  it('fits a loss law to finished runs and step 2 to every checkpoint of a step column', async () => {
    const result = await runCli(['fit', '-', '--grid', 'coarse', '--format', 'json'], { stdin: syntheticCsv(syntheticLadder(CURVES, { ...SMALL_LADDER, checkpoints: 5, bump: 0.3 })) });
    const doc = JSON.parse(result.stdout);
    expect(doc).toMatchObject({ checkpoints: true, runs: 18, rows: 180 });
    // Noiseless runs: the constants to about 1e-4 relative (L-BFGS's ftol).
    for (const key of ['E', 'A', 'B', 'alpha', 'beta'] as const) expect(Math.abs(doc.law[key] / TRUE_LAW[key] - 1)).toBeLessThan(1e-3);
    expect(doc.tasks[0].points).toBe(90);
  });
});

describe('emerge predict --forecast', () => {
  it('gives one CSV row per model and task with the forecast fields', async () => {
    await fitted;
    const result = await runCli(['predict', '--forecast', forecastFile, 'fixtures/ladder_rpj_targets.csv', '--format', 'csv']);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toBe('model,params,tokens,compute,id,name,score,lower,upper,level,distance_decades,method,source');
    expect(lines).toHaveLength(1 + 2 * 46);
    expect(lines[1]).toMatch(/^rpj-open_lm_1b-32\.0,1439795200,921468928000,7\.96\d*e\+21,agi_eval_lsat_ar,agi_eval_lsat_ar,0\.\d+,0\.\d+,0\.\d+,0\.8,1\.50\d+,two-step,"emerge fit six-runs\.csv: 6 runs, 1\.34e16–2\.49e20 FLOPs"$/);
  });

  it('adds a forecast table under the prediction, and warns beyond two decades', async () => {
    await fitted;
    const near = await runCli(['predict', '--forecast', forecastFile, '--params', '6.9B', '--tokens', '138B', '--ability', 'in-context-learning']);
    expect(near.stdout).toMatch(/│ Task +│ Forecast │ 80% interval │ Decades │ Method +│/);
    expect(near.stdout).toMatch(/│ hellaswag +│ +\d+\.\d% │ +\d+\.\d%–\d+\.\d% │ +\+1\.36 │ two-step │/);
    expect(near.stderr).toBe('');
    const far = await runCli(['predict', '--forecast', forecastFile, '--params', '70B', '--tokens', '2T', '--format', 'json']);
    expect(far.stderr).toBe('emerge: --forecast: 70B is 3.53 decades of compute beyond the largest fitted run; beyond 2 decades the forecasts are extrapolations the back-tests did not reach\n');
    const first = JSON.parse(far.stdout).results[0].forecasts[0];
    expect(Object.keys(first)).toEqual(['id', 'name', 'score', 'lower', 'upper', 'level', 'distance_decades', 'method', 'source']);
  });

  it('streams a batch table, one line per model and task', async () => {
    await fitted;
    const result = await runCli(['predict', '--forecast', forecastFile, 'fixtures/ladder_rpj_targets.csv']);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^name +params +tokens +task +forecast +80% interval +decades +method$/);
    expect(lines).toHaveLength(2 + 92);
  });

  it('refuses a file of another kind in one line', async () => {
    const result = await runCli(['predict', '--forecast', 'fixtures/my-law.yaml', '--params', '7B']);
    expect(result.stderr).toBe('emerge predict: fixtures/my-law.yaml:2: is not a forecast file (no "kind: forecast"; it looks like a scaling law, which --law reads); forecasts are written by emerge fit --output\n');
    expect(result.code).toBe(1);
  });
});

describe('emerge thresholds --forecast', () => {
  const model = ['--params', '6.9B', '--tokens', '138B'];
  const gate = async (require: string, extra: string[] = []) => {
    await fitted;
    return runCli(['thresholds', '--forecast', forecastFile, ...model, '--require', require, ...extra, '--format', 'json']);
  };

  it('passes when the lower end of the interval reaches the target, and fails with the forecast on stderr', async () => {
    const pass = await gate('hellaswag>=0.5');
    expect(pass.code).toBe(0);
    const record = JSON.parse(pass.stdout);
    expect(record.gate).toMatchObject({ require: [], targets: [{ id: 'hellaswag', target: 0.5 }], passed: true, failures: [] });
    const [forecast] = record.models[0].forecasts;
    expect(forecast.id).toBe('hellaswag');
    expect(forecast.lower).toBeGreaterThanOrEqual(0.5);
    expect(forecast.probability).toBeGreaterThan(0.9);

    const miss = await gate(`hellaswag>=${forecast.score.toFixed(2)}`);
    expect(miss.code).toBe(1);
    expect(miss.stderr).toMatch(/^hellaswag: needs 0\.\d{3} at the lower end of the interval; forecast 0\.\d{3} \(80% interval 0\.\d{3}–0\.\d{3}, P\(≥ 0\.\d{3}\) = 0\.\d{2}\), \+1\.36 decades beyond the largest fitted run\n$/);
  });

  it('with --min-probability, passes on the forecast probability of reaching the target', async () => {
    const record = JSON.parse((await gate('hellaswag>=0.5')).stdout);
    const { score, probability } = record.models[0].forecasts[0];
    expect((await gate(`hellaswag>=${score}`, ['--min-probability', '0.45'])).code).toBe(0);
    expect((await gate(`hellaswag>=${score}`, ['--min-probability', '0.55'])).code).toBe(1);
    expect((await gate('hellaswag>=0.5', ['--min-probability', String(probability)])).code).toBe(0);
  });

  it('mixes abilities and score targets in one --require', async () => {
    const result = await gate('instruction-following-simple,hellaswag>=0.5');
    const record = JSON.parse(result.stdout);
    expect(record.gate.require).toEqual(['instruction-following-simple']);
    expect(record.models[0].abilities.map((a: { id: string }) => a.id)).toEqual(['instruction-following-simple']);
    expect(result.code).toBe(0);
    const both = await gate('in-context-learning,hellaswag>=0.99');
    expect(both.code).toBe(1);
    expect(both.stderr.split('\n').filter(Boolean).map((line) => line.split(':')[0])).toEqual(['in-context-learning', 'hellaswag']);
  });

  const usage: [string, string, string][] = [
    ['an unknown task, with close matches', 'hellasweg>=0.5', 'emerge thresholds: --require: FILE has no task "hellasweg" (did you mean hellaswag?); its tasks: agi_eval_lsat_ar, agi_eval_lsat_rc, agi_eval_lsat_lr, agi_eval_sat_en, arc_easy, arc_challenge, bbq, bigbench_conceptual_combinations and 38 more\n'],
    ['a target off the 0–1 scale', 'mmlu>=55', 'emerge thresholds: --require: "mmlu>=55": the target is a score on 0–1, e.g. "mmlu>=0.55"\n'],
    ['a task without a target', 'mmlu', "emerge thresholds: --require: \"mmlu\" is a task of FILE; give it a target, e.g. 'mmlu>=0.5' (in quotes: a shell reads > as a redirection)\n"],
  ];

  it.each(usage)('refuses %s with exit code 2', async (_name, require, stderr) => {
    const result = await gate(require);
    expect(result.stderr).toBe(stderr.replace('FILE', forecastFile));
    expect(result.code).toBe(2);
  });

  it('asks for a forecast when --no-forecast leaves a target without one', async () => {
    const result = await runCli(['thresholds', ...model, '--no-forecast', '--require', 'mmlu>=0.5']);
    expect(result.stderr).toBe('emerge thresholds: --require: "mmlu>=0.5" is a score target, and --no-forecast leaves out the forecast it needs; drop --no-forecast, or give --forecast FILE\n');
    expect(result.code).toBe(2);
  });

  it('answers the smallest compute at which a forecast reaches a target, compute-optimal or at a ratio', async () => {
    await fitted;
    const optimal = JSON.parse((await runCli(['thresholds', '--forecast', forecastFile, '--reach', 'hellaswag>=0.7', '--format', 'json'])).stdout).targets[0];
    expect(optimal).toMatchObject({ id: 'hellaswag', target: 0.7, target_source: 'reach', reached: 'at', tokens_per_param: null });
    // The forecast at that compute-optimal model is the target.
    const check = JSON.parse((await runCli(['predict', '--forecast', forecastFile, '--params', String(optimal.params), '--tokens', String(optimal.tokens), '--format', 'json'])).stdout);
    expect(check.results[0].forecasts.find((f: { id: string }) => f.id === 'hellaswag').score).toBeCloseTo(0.7, 9);
    const ratio = JSON.parse((await runCli(['thresholds', '--forecast', forecastFile, '--reach', 'hellaswag>=0.7', '--tokens-per-param', '200', '--format', 'json'])).stdout).targets[0];
    expect(ratio.tokens / ratio.params).toBeCloseTo(200, 9);
    expect(ratio.min_compute).toBeGreaterThan(optimal.min_compute);
    const all = JSON.parse((await runCli(['thresholds', '--forecast', forecastFile, '--format', 'json'])).stdout);
    expect(all.targets).toHaveLength(46);
    expect(all.abilities).toEqual([]);
    expect(all.targets.every((t: { target_source: string }) => t.target_source === 'midpoint')).toBe(true);
    const withModel = await runCli(['thresholds', '--forecast', forecastFile, ...model, '--reach', 'hellaswag>=0.7']);
    expect(withModel.code).toBe(2);
  });
});
