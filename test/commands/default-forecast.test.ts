// The default forecast in emerge predict and emerge thresholds (in-process): the eight benchmarks
// beside the abilities for every way of giving a model, --forecast FILE and --no-forecast, the CSV
// left to the abilities unless asked, and the gate on benchmark targets.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BENCHMARKS } from '../../src/io/base-models.js';
import { runCli } from '../helpers/run-cli.js';

const IDS = ['mmlu', 'arc-challenge', 'hellaswag', 'winogrande', 'truthfulqa', 'gsm8k', 'xwinograd', 'humaneval'];
const shipped = parse(readFileSync(new URL('../../data/forecast-default.yaml', import.meta.url), 'utf8')) as { tasks: { id: string; largest_compute: number; one_step: { C0: number; k: number; floor: number; ceiling: number } }[] };
const json = async (...args: string[]) => JSON.parse((await runCli(['predict', ...args, '--format', 'json'])).stdout);
type Forecast = { id: string; score: number; lower: number; upper: number; level: number; distance_decades: number; method: string; source: string };

describe('emerge predict with the default forecast', () => {
  // The must-hold of issue 12, and each score against the curve's formula computed here from the
  // file's constants: score = floor + (ceiling − floor)/(1 + e^(−k·(log10 C − log10 C0))), C = 6ND
  // (to 1e-12: the same arithmetic in another order).
  it('forecasts all eight benchmarks of 70B on 2T tokens within [chance, 1], lower ≤ score ≤ upper', async () => {
    const doc = await json('--params', '70e9', '--tokens', '2e12');
    const forecasts = doc.results[0].forecasts as Forecast[];
    expect(forecasts.map((f) => f.id)).toEqual(IDS);
    for (const f of forecasts) {
      const curve = shipped.tasks.find((t) => t.id === f.id)!.one_step;
      const chance = DEFAULT_BENCHMARKS.find((b) => b.id === f.id)!.chance ?? curve.floor;
      expect(chance).toBe(curve.floor);
      expect(f.lower).toBeGreaterThanOrEqual(chance);
      expect(f.lower).toBeLessThanOrEqual(f.score);
      expect(f.score).toBeLessThanOrEqual(f.upper);
      expect(f.upper).toBeLessThanOrEqual(1);
      const x = Math.log10(6 * 70e9 * 2e12);
      expect(f.score).toBeCloseTo(curve.floor + (curve.ceiling - curve.floor) / (1 + Math.exp(-curve.k * (x - Math.log10(curve.C0)))), 12);
      expect(f).toMatchObject({ level: 0.8, method: 'one-step', source: 'emerge fit obsscaling_base_models.long.csv: 112 runs, 1.48e18–6.30e24 FLOPs' });
      expect(f.distance_decades).toBeCloseTo(x - Math.log10(shipped.tasks.find((t) => t.id === f.id)!.largest_compute), 12);
    }
    // Beside the abilities, which are what they were.
    expect(doc.results[0].abilities).toHaveLength(36);
  });

  it('shows a table of the benchmarks for flags, a catalog model and a plan', async () => {
    for (const args of [['--params', '70e9'], ['--model', 'llama-2-7b'], ['fixtures/plan.yaml']]) {
      const out = (await runCli(['predict', ...args])).stdout;
      const tables = out.split('│ Benchmark     │ Forecast │ 80% interval │ Decades │').length - 1;
      expect(tables, args.join(' ')).toBe(args[0] === 'fixtures/plan.yaml' ? 4 : 1);
      expect(out).toMatch(/│ mmlu +│ +\d+\.\d% │ +\d+\.\d%–\d+\.\d% │ +-\d\.\d\d │/);
    }
    const results = (await json('fixtures/plans.csv')).results;
    expect(results).toHaveLength(6);
    for (const r of results) expect(r.forecasts.map((f: Forecast) => f.id)).toEqual(IDS);
  });

  it('leaves the CSV to the abilities unless --forecast asks, and then gives one row per model and benchmark', async () => {
    const plain = await runCli(['predict', '--params', '70e9', '--ability', 'chain-of-thought', '--format', 'csv']);
    expect(plain.stdout.split('\n')[0]).toBe('name,params,tokens,compute,loss,effective_params,ability,category,threshold_params,probability,status');
    const batch = await runCli(['predict', 'fixtures/plans.csv', '--ability', 'in-context-learning', '--format', 'csv']);
    expect(batch.stdout.trim().split('\n')).toHaveLength(1 + 6);
    const asked = await runCli(['predict', 'fixtures/plans.csv', '--forecast', 'default', '--format', 'csv']);
    const lines = asked.stdout.trim().split('\n');
    expect(lines[0]).toBe('model,params,tokens,compute,id,name,score,lower,upper,level,distance_decades,method,source');
    expect(lines).toHaveLength(1 + 6 * 8);
    expect(lines[1]).toMatch(/^small-chinchilla,7000000000,140000000000,5\.88e\+21,mmlu,mmlu,0\.2\d+,/);
  });

  it('--forecast FILE replaces it and --no-forecast drops it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emerge-default-forecast-'));
    const own = join(dir, 'own.yaml');
    writeFileSync(own, 'kind: forecast\nversion: 1\nlevel: 0.8\ntasks:\n  - id: my-task\n    method: one-step\n    largest_compute: 1e22\n    one_step: { C0: 1e22, k: 1, floor: 0.25, ceiling: 0.9 }\n');
    const replaced = (await json('--params', '7e9', '--forecast', own)).results[0].forecasts as Forecast[];
    expect(replaced.map((f) => f.id)).toEqual(['my-task']);
    expect((await json('--params', '7e9', '--no-forecast')).results[0].forecasts).toBeUndefined();
    const table = (await runCli(['predict', '--params', '7e9', '--no-forecast'])).stdout;
    expect(table).not.toContain('Benchmark');
  });
});

describe('emerge thresholds with the default forecast', () => {
  const model = ['--params', '70e9', '--tokens', '2e12'];

  it('gates mmlu>=0.6 on the lower end of its interval: exit 1 with the forecast on stderr, 0 when reached', async () => {
    const miss = await runCli(['thresholds', ...model, '--require', 'mmlu>=0.6']);
    expect(miss.code).toBe(1);
    expect(miss.stderr).toMatch(/^mmlu: needs 0\.600 at the lower end of the interval; forecast 0\.6\d\d \(80% interval 0\.4\d\d–0\.8\d\d, P\(≥ 0\.600\) = 0\.\d\d\), -0\.88 decades beyond the largest fitted run\n$/);
    const lower = (JSON.parse((await runCli(['thresholds', ...model, '--require', 'mmlu>=0.6', '--format', 'json'])).stdout).models[0].forecasts as Forecast[])[0]!.lower;
    const pass = await runCli(['thresholds', ...model, '--require', `mmlu>=${Math.floor(lower * 100) / 100}`]);
    expect(pass.code).toBe(0);
    expect(pass.stderr).toBe('');
  });

  it('refuses an unknown benchmark with close matches (exit 2)', async () => {
    const result = await runCli(['thresholds', ...model, '--require', 'hellasweg>=0.5']);
    expect(result.stderr).toBe('emerge thresholds: --require: the default forecast has no task "hellasweg" (did you mean hellaswag?); its tasks: mmlu, arc-challenge, hellaswag, winogrande, truthfulqa, gsm8k, xwinograd, humaneval\n');
    expect(result.code).toBe(2);
  });

  it('leaves the catalog and the gate on abilities as they were', async () => {
    const listing = JSON.parse((await runCli(['thresholds', '--format', 'json'])).stdout);
    expect(listing.forecast).toBeUndefined();
    expect(listing.abilities).toHaveLength(36);
    const gate = JSON.parse((await runCli(['thresholds', ...model, '--require', 'in-context-learning', '--format', 'json'])).stdout);
    expect(gate.forecast).toBeUndefined();
    expect(gate.models[0].forecasts).toBeUndefined();
  });
});
