import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../helpers/run-cli.js';
import { relativeError } from '../helpers/laws.js';

interface AbilityJson {
  id: string;
  band?: string;
  probability: number;
  status: string;
  threshold_params: number;
  margin_decades: number;
}
interface ResultJson {
  name: string;
  params: number;
  tokens: number;
  tokens_source: string;
  compute: number;
  loss: number;
  effective_params: number | null;
  beyond_reference_regime: boolean;
  abilities: AbilityJson[];
}

async function predictJson(...args: string[]): Promise<{ law: Record<string, unknown>; results: ResultJson[] }> {
  const result = await runCli(['predict', ...args, '--format', 'json']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

function status(result: ResultJson, id: string): string {
  return result.abilities.find((a) => a.id === id)!.status;
}

describe('emerge predict', () => {
  it('says a 70B model has in-context learning and not yet chain-of-thought', async () => {
    const { results } = await predictJson('--params', '70e9');
    expect(status(results[0]!, 'in-context-learning')).toBe('emerged');
    expect(status(results[0]!, 'chain-of-thought')).not.toBe('emerged');
    expect(results[0]!.effective_params).toBe(70e9);
    const table = await runCli(['predict', '--params', '70e9']);
    expect(table.code).toBe(0);
    // Above its threshold in-context learning is judged by its loss margin (L_c − L)/s = +0.6140 decades
    // (computed in Python from the constants), P = 1/(1 + 10^(−0.6140/0.5)) = 94.4%; below its threshold
    // chain-of-thought by log10(70B/100B) = −0.155, P = 32.9%.
    expect(table.stdout).toMatch(/in-context-learning\s+│\s+10B\s+│\s+94\.4%\s+│ emerged/);
    expect(table.stdout).toMatch(/chain-of-thought\s+│\s+100B\s+│\s+32\.9%\s+│ emerging/);
  });

  it('places in-context learning in the seed §2.1.3 size bands', async () => {
    const band = async (...args: string[]): Promise<string> => (await predictJson(...args, '--ability', 'in-context-learning')).results[0]!.abilities[0]!.band!;
    expect(await band('--params', '500M')).toBe('almost none');
    expect(await band('--params', '3B')).toBe('initial');
    expect(await band('--params', '70B')).toBe('clear improvement');
    expect(await band('--params', '175B')).toBe('strong');
    expect(await band('--model', 'llama-3-70b')).toBe('strong');
    const chain = (await predictJson('--params', '70B', '--ability', 'chain-of-thought')).results[0]!.abilities[0]!;
    expect('band' in chain).toBe(false);
    const table = await runCli(['predict', '--params', '70B', '--ability', 'in-context-learning']);
    expect(table.stdout).toContain('in-context-learning at an effective 70B: clear improvement (bands of seed §2.1.3)');
  });

  it.each(['70e9', '7e10', '70B', '70b'])('reads --params %s as 7e10', async (text) => {
    expect((await predictJson('--params', text, '--ability', 'chain-of-thought')).results[0]!.params).toBe(7e10);
  });

  it('reads 1.4T and 350M', async () => {
    expect((await predictJson('--params', '1.4T')).results[0]!.params).toBe(1.4e12);
    expect((await predictJson('--params', '350M')).results[0]!.params).toBe(350e6);
  });

  // DESIGN.md's worked examples (besiroglu2024), quoted to 4 significant figures.
  it('gives the effective sizes of the worked examples', async () => {
    const a = (await predictJson('--params', '7e9', '--tokens', '2e12')).results[0]!;
    expect(relativeError(a.effective_params!, 2.569e10)).toBeLessThan(2e-4);
    expect(status(a, 'in-context-learning')).toBe('emerged');
    expect(status(a, 'chain-of-thought')).toBe('absent');
    const b = (await predictJson('--params', '8e9', '--tokens', '15e12')).results[0]!;
    expect(relativeError(b.effective_params!, 9.652e10)).toBeLessThan(2e-4);
    expect(status(b, 'chain-of-thought')).toBe('emerging');
  });

  it('uses the catalog tokens of --model', async () => {
    const llama = (await predictJson('--model', 'llama-2-7b')).results[0]!;
    expect(llama).toMatchObject({ name: 'Llama-2-7B', params: 7e9, tokens: 2e12, tokens_source: 'catalog: Llama-2-7B' });
    expect(relativeError(llama.effective_params!, 2.569e10)).toBeLessThan(2e-4);
    const chinchilla = (await predictJson('--model', 'chinchilla-70b')).results[0]!;
    expect(chinchilla).toMatchObject({ params: 70e9, tokens: 1.4e12 });
    // L(70e9, 1.4e12) = 1.9734 under besiroglu2024 (../shared/data/README.md), 4 decimals.
    expect(Math.abs(chinchilla.loss - 1.9734)).toBeLessThan(1e-4);
  });

  it('lets explicit flags override the catalog', async () => {
    const r = (await predictJson('--model', 'llama-2-7b', '--tokens', '1T')).results[0]!;
    expect(r).toMatchObject({ params: 7e9, tokens: 1e12, tokens_source: '--tokens' });
  });

  it('marks a model beyond the reference regime (Llama 3 70B) without printing Infinity', async () => {
    const result = await runCli(['predict', '--model', 'llama-3-70b', '--format', 'json']);
    const r = JSON.parse(result.stdout).results[0] as ResultJson;
    expect(r.beyond_reference_regime).toBe(true);
    expect(r.effective_params).toBeNull();
    // Issue 12: judged by the loss margin, every ability has emerged, at a finite margin, none at 100%.
    expect(r.abilities.every((a) => a.status === 'emerged' && a.probability < 1 && Number.isFinite(a.margin_decades))).toBe(true);
    expect(result.stdout).not.toMatch(/Infinity|NaN/);
    const csv = await runCli(['predict', '--model', 'llama-3-70b', '--format', 'csv']);
    expect(csv.stdout).not.toMatch(/Infinity|NaN/);
    const table = await runCli(['predict', '--model', 'llama-3-70b', '--chart']);
    expect(table.stdout).toContain('beyond the reference regime');
    expect(table.stdout).not.toMatch(/Infinity|NaN|\binf\b/);
    // No ability at 100.0% (a benchmark's interval may reach 100%: that is a score, not a probability).
    const abilityRows = table.stdout.split('\n').filter((line) => / (emerged|emerging|absent) +│/.test(line));
    expect(abilityRows).toHaveLength(36);
    for (const row of abilityRows) expect(row).not.toMatch(/100\.0%/);
  });

  it('allocates a compute budget compute-optimally (Hoffmann: 41.3B at 1e24, 0.5%)', async () => {
    const r = (await predictJson('--compute', '1e24', '--law', 'hoffmann2022')).results[0]!;
    expect(relativeError(r.params, 41.3e9)).toBeLessThan(0.005);
    expect(relativeError(r.compute, 1e24)).toBeLessThan(1e-12);
  });

  it('derives tokens from --compute and --params, and refuses three of them', async () => {
    const r = (await predictJson('--params', '70B', '--compute', '4.2e23')).results[0]!;
    expect(relativeError(r.tokens, 1e12)).toBeLessThan(1e-12);
    const bad = await runCli(['predict', '--params', '70B', '--tokens', '1T', '--compute', '1e24']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('emerge predict: give at most two of --params, --tokens and --compute\n');
  });

  it('estimates params from architecture (Chinchilla 70B shape: 80 layers, d_model 8192)', async () => {
    const r = (await predictJson('--layers', '80', '--d-model', '8192', '--vocab', '32000')).results[0]!;
    expect(r.params).toBe(12 * 80 * 8192 ** 2 + 32000 * 8192);
    const missing = await runCli(['predict', '--layers', '80', '--d-model', '8192']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--vocab needed too');
  });

  it('applies data quality to effective data', async () => {
    const high = (await predictJson('--params', '7B', '--tokens', '1T', '--quality', 'high')).results[0]!;
    const doubled = (await predictJson('--params', '7B', '--tokens', '2T')).results[0]!;
    expect(high.loss).toBe(doubled.loss);
    expect(high.tokens).toBe(1e12);
    expect((await predictJson('--params', '7B', '--quality', '1.5')).results[0]!.effective_params).toBeGreaterThan(7e9);
  });

  it('uses a user law file and a user catalog', async () => {
    const r = await predictJson('--params', '70e9', '--tokens', '1.4e12', '--law', 'fixtures/my-law.yaml', '--abilities', 'fixtures/my-abilities.yaml');
    // Hoffmann et al.'s printed constants: L(70e9, 1.4e12) = 1.9366 (../shared/data/README.md).
    expect(Math.abs(r.results[0]!.loss - 1.9366)).toBeLessThan(1e-4);
    expect(r.law.id).toBe('my-law');
    expect(r.results[0]!.abilities.map((a) => a.id)).toEqual(['sql-generation', 'long-context-recall']);
  });

  it('filters abilities with --ability and rejects unknown ids with suggestions', async () => {
    const r = await predictJson('--params', '70B', '--ability', 'chain-of-thought,in-context-learning');
    expect(r.results[0]!.abilities.map((a) => a.id)).toEqual(['in-context-learning', 'chain-of-thought']);
    const bad = await runCli(['predict', '--params', '70B', '--ability', 'chain-of-thougt']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown ability "chain-of-thougt" (did you mean chain-of-thought?)');
  });

  it('writes the long CSV format', async () => {
    const result = await runCli(['predict', '--params', '70B', '--ability', 'in-context-learning,chain-of-thought', '--format', 'csv']);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toBe('name,params,tokens,compute,loss,effective_params,ability,category,threshold_params,probability,status');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatch(/^70B,70000000000,300000000000,1\.26e\+23,2\.030\d+,70000000000,chain-of-thought,chain-of-thought,100000000000,0\.3288\d+,emerging$/);
  });

  it('reads a --config plan with several models; flags override it', async () => {
    const r = await predictJson('--config', 'fixtures/plan.yaml');
    expect(r.results.map((x) => x.name)).toEqual(['budget-7b', 'flagship-70b', 'optimal-at-1e23', 'Llama-2-70B']);
    expect(r.results[0]!.abilities.map((a) => a.id)).toEqual(['in-context-learning', 'chain-of-thought', 'code-complex-algorithms']);
    const overridden = await predictJson('--config', 'fixtures/plan.yaml', '--tokens', '1T', '--ability', 'chain-of-thought');
    expect(overridden.results.map((x) => x.tokens)).toEqual([1e12, 1e12, 1e12, 1e12]);
    expect(overridden.results[0]!.abilities).toHaveLength(1);
  });

  it('predicts a CSV batch, one result per row, from a file or stdin', async () => {
    const r = await predictJson('--input', 'fixtures/plans.csv', '--ability', 'chain-of-thought');
    expect(r.results.map((x) => x.name)).toEqual(['small-chinchilla', 'llama-2-7b-like', 'llama-3-8b-like', 'gpt-3-like', 'planned-70b', 'no-tokens-given']);
    expect(r.results[5]!.tokens).toBe(3e11);
    const csv = await runCli(['predict', '--input', '-', '--format', 'csv', '--ability', 'chain-of-thought'], { stdin: 'params,tokens\n8B,15T\n' });
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\n')[1]).toMatch(/^8B,8000000000,15000000000000,/);
    const table = await runCli(['predict', '--input', 'fixtures/plans.csv', '--ability', 'chain-of-thought']);
    // Header, six rows, and how to get the benchmark forecasts (a blank line and one line).
    expect(table.stdout.split('\n')).toHaveLength(2 + 6 + 2 + 1);
    const hint = /\n\nBenchmark forecasts \((.*)\): --forecast default, one line per model and benchmark; or --format json\.\n$/.exec(table.stdout);
    // The hint names the benchmarks of the shipped default forecast, in its order.
    const shipped = parse(readFileSync('data/forecast-default.yaml', 'utf8')) as { tasks: { id: string }[] };
    expect(hint?.[1]).toBe(shipped.tasks.map((t) => t.id).join(', '));
    expect((await runCli(['predict', '--input', 'fixtures/plans.csv', '--ability', 'chain-of-thought', '--no-forecast'])).stdout.split('\n')).toHaveLength(2 + 6 + 1);
  });

  it('lists the model catalog', async () => {
    const result = await runCli(['predict', '--list-models', '--format', 'csv']);
    expect(result.stdout.split('\n')[0]).toBe('slug,name,family,params,tokens,training_flop,instruction_tuned');
    expect(result.stdout).toContain('llama-2-70b,Llama-2-70B,Llama-2,70000000000,2000000000000,');
  });
});

describe('emerge predict: bad input', () => {
  it.each([
    [['--params', '-5'], '--params: "-5" must be at least 1'],
    [['--params', '0'], '--params: "0" must be at least 1'],
    [['--params', 'NaN'], '--params: "NaN" is not a number'],
    [['--params', 'Infinity'], '--params: "Infinity" is not a number'],
    [['--params', '1e400'], '--params: "1e400" is too large'],
    [['--params', '70X'], '--params: "70X" is not a number'],
    [['--params', '70B', '--law', 'nope'], '--law: unknown preset "nope"'],
    [['--model', 'llama-9'], '--model: unknown model "llama-9"'],
    [['--params', '70B', '--quality', 'superb'], '--quality: "superb" is not a quality'],
    [['--params', '70B', '--format', 'xml'], "argument 'xml' is invalid"],
    [['--paramz', '70B'], "unknown option '--paramz'"],
    [[], 'predict needs a model'],
  ])('%j is a usage error (exit 2, one line)', async (args, message) => {
    const result = await runCli(['predict', ...args]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(message);
  });

  it.each([
    [['--law', 'fixtures/missing-law.yaml', '--params', '7B'], 'fixtures/missing-law.yaml: no such file'],
    [['--input', '-'], 'stdin:2: params: "lots" is not a number', 'params\nlots\n'],
    [['--input', '-'], 'stdin: is empty', ''],
    [['--input', '-'], 'stdin:3: invalid CSV', 'params,tokens\n7B,1T\n8B,2T,9\n'],
  ])('%j is an input error (exit 1, one line naming file and line)', async (args, message, stdin?: string) => {
    const result = await runCli(['predict', ...args], { stdin });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(message);
  });
});
