import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { relativeError } from '../helpers/laws.js';
import { runCli } from '../helpers/run-cli.js';

async function json(...args: string[]): Promise<any> {
  const result = await runCli(['thresholds', ...args, '--format', 'json']);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

describe('emerge thresholds: the catalog', () => {
  it('lists every ability with predict-compatible field names', async () => {
    const doc = await json();
    expect(doc.abilities).toHaveLength(36);
    expect(doc.reference_tokens).toBe(3e11);
    expect(Object.keys(doc.abilities[0])).toEqual(expect.arrayContaining(['id', 'name', 'name_zh', 'category', 'threshold_params', 'loss_threshold', 'min_params', 'min_compute', 'source']));
  });

  // The seed's tables, read off ../shared/seed: every threshold with its section.
  it.each([
    ['in-context-learning', 1e10, 'seed §2.1.3'],
    ['chain-of-thought', 1e11, 'seed §2.2.3'],
    ['instruction-following-simple', 1e9, 'seed §2.3.2'],
    ['instruction-following-medium', 1e10, 'seed §2.3.2'],
    ['instruction-following-complex', 1e11, 'seed §2.3.2'],
    ['code-syntax', 1e9, 'seed §2.4.2'],
    ['code-logic', 1e10, 'seed §2.4.2'],
    ['code-quality', 5e10, 'seed §2.4.2'],
    ['code-complex-algorithms', 1e11, 'seed §2.4.2'],
    ['bigbench-reasoning', 1e11, 'seed §5.1'],
    ['bigbench-math', 1e11, 'seed §5.1'],
    ['bigbench-programming', 5e10, 'seed §5.1'],
    ['bigbench-language', 1e10, 'seed §5.1'],
    ['bigbench-commonsense', 5e10, 'seed §5.1'],
  ])('shows %s at %d (%s) in every format', async (id, threshold, source) => {
    const doc = await json();
    expect(doc.abilities.find((a: any) => a.id === id)).toMatchObject({ threshold_params: threshold, source });
    const csv = parse((await runCli(['thresholds', '--format', 'csv'])).stdout, { columns: true }) as Record<string, string>[];
    expect(csv.find((r) => r.id === id)).toMatchObject({ threshold_params: String(threshold), source });
    const table = (await runCli(['thresholds'])).stdout;
    expect(table).toMatch(new RegExp(`${id}\\s+│[^│]+│\\s+[0-9.]+[BM]\\s+│[^│]+│[^│]+│[^│]+│ ${source.replace('§', '§')}`));
  });

  // fixtures/wei2022_table1_emergent_abilities.csv is a verbatim copy of ../shared/data.
  const wei = parse(readFileSync(new URL('../../fixtures/wei2022_table1_emergent_abilities.csv', import.meta.url)), { columns: true }) as Record<string, string>[];

  it('shows every Wei et al. 2022 Table 1 row with its model and reference', async () => {
    const doc = await json();
    const table = (await runCli(['thresholds'])).stdout;
    for (const row of wei) {
      if (row.params === '') {
        expect(doc.unquantified[0]).toMatchObject({ name: row.ability, reference: row.reference });
        expect(table).toContain(row.ability);
        continue;
      }
      const a = doc.abilities.find((x: any) => x.name === row.ability);
      expect(a, row.ability).toMatchObject({ threshold_params: Number(row.params), threshold_flops: Number(row.train_flops), model: row.model, reference: row.reference });
      expect(table).toContain(`${row.reference} · ${row.model}`);
    }
  });

  it('shows the bands of in-context learning and filters by category', async () => {
    const table = (await runCli(['thresholds', '--ability', 'in-context-learning'])).stdout;
    expect(table).toContain('Bands of in-context-learning (seed §2.1.3): < 1B almost none · 1B–10B initial · 10B–100B clear improvement · ≥ 100B strong');
    const code = await json('--category', 'code-generation');
    expect(code.abilities.map((a: any) => a.id)).toEqual(['code-syntax', 'code-logic', 'code-quality', 'code-complex-algorithms']);
    const zh = (await runCli(['thresholds', '--category', 'code-generation', '--lang', 'zh'])).stdout;
    expect(zh).toContain('代码生成：逻辑正确性');
    const bad = await runCli(['thresholds', '--category', 'code']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown category "code" (did you mean code-generation?)');
  });

  it("prints the seed's data stages and architecture ranges with --stages", async () => {
    const table = (await runCli(['thresholds', '--stages'])).stdout;
    expect(table).toContain('< 100B tokens');
    expect(table).toContain('100B–1T tokens');
    expect(table).toContain('24–96 layers');
    expect(table).toContain('4096–12288 dimensions');
    const doc = JSON.parse((await runCli(['thresholds', '--stages', '--format', 'json'])).stdout);
    expect(doc.data_stages.map((s: any) => [s.from_tokens, s.to_tokens])).toEqual([[null, 1e11], [1e11, 1e12], [1e12, null]]);
    expect(doc.scale_factors.find((f: any) => f.id === 'heads')).toMatchObject({ min: 32, max: 96 });
    expect(doc.training_strategies).toHaveLength(4);
    expect(doc.taxonomy).toHaveLength(5);
    // Every formula of seed §3 and §4, with its section.
    expect(doc.theories.map((t: any) => [t.section, t.formula])).toEqual([
      ['§3.1', 'P(success) ∝ (N − N_c)^β'],
      ['§3.2', 'L(N, D) = A/N^α + B/D^β + C'],
      ['§3.3', 'L_total = Σ_{i=1..K} λ_i L_i'],
      ['§3.4', 'Expressivity(N) ∝ 2^O(N)'],
      ['§4.1', 'Emergent ability = ∪_{i=1..M} basic ability_i'],
      ['§4.2', 'Circuit complexity ∝ model size'],
      ['§4.3', 'M ⊂ R^d (data manifold)'],
      ['§4.4', 'Meta-learning = learning to learn'],
    ]);
    expect(table).toContain('Mechanisms of emergence (seed §3, §4)');
  });
});

describe('emerge thresholds: inverse questions', () => {
  it('min_params is the threshold in the reference regime; min_compute a budget', async () => {
    const cot = (await json('--ability', 'chain-of-thought')).abilities[0];
    expect(cot.min_params).toBe(1e11);
    expect(relativeError(cot.min_compute, 1.3357542e23)).toBeLessThan(1e-6);
  });

  it('the minimum compute fed back to predict --compute lands on the threshold (0.1%)', async () => {
    for (const quality of ['standard', 'high']) {
      const doc = await json('--quality', quality);
      for (const a of doc.abilities.filter((x: any) => ['in-context-learning', 'chain-of-thought', 'code-quality', 'mmlu-benchmark-30-topics'].includes(x.id))) {
        const predicted = await runCli(['predict', '--compute', String(a.min_compute), '--quality', quality, '--ability', a.id, '--format', 'json']);
        const result = JSON.parse(predicted.stdout).results[0];
        expect(relativeError(result.effective_params, a.threshold_params), `${a.id} ${quality}`).toBeLessThan(1e-3);
      }
    }
  });

  it('answers the smallest model trained on --tokens, and the same with a planned model', async () => {
    const doc = await json('--params', '7B', '--tokens', '2T', '--ability', 'chain-of-thought');
    const a = doc.models[0].abilities[0];
    expect(a).toMatchObject({ id: 'chain-of-thought', min_params: 1e11, status: 'absent' });
    // Identity: a model of min_params_at_tokens trained on 2T tokens has effective size N_c.
    const back = await runCli(['predict', '--params', String(a.min_params_at_tokens), '--tokens', '2T', '--ability', 'chain-of-thought', '--format', 'json']);
    expect(relativeError(JSON.parse(back.stdout).results[0].effective_params, 1e11)).toBeLessThan(1e-9);
    const table = (await runCli(['thresholds', '--params', '7B', '--tokens', '2T', '--ability', 'chain-of-thought'])).stdout;
    expect(table).toMatch(/Min params at 2T tokens/);
    expect(table).toMatch(/chain-of-thought │\s+100B │\s+6\.2% │ absent\s+│\s+-0\.59 │\s+100B │\s+1\.34e23 │\s+15\.4B │/);
  });

  it('says unreachable rather than Infinity', async () => {
    const doc = await json('--params', '7B', '--tokens', '1e10', '--ability', 'chain-of-thought');
    expect(doc.models[0].abilities[0].min_params_at_tokens).toBeNull();
    const table = (await runCli(['thresholds', '--params', '7B', '--tokens', '1e10', '--ability', 'chain-of-thought'])).stdout;
    expect(table).toContain('unreachable');
    expect(table).not.toMatch(/Infinity|NaN/);
  });
});

describe('emerge thresholds: the CI gate', () => {
  it('exits 0 when a 70B model has in-context learning', async () => {
    const result = await runCli(['thresholds', '--params', '70e9', '--require', 'in-context-learning']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
  });

  it('exits 1 when it misses chain-of-thought, with one line per missing ability', async () => {
    const result = await runCli(['thresholds', '--params', '70e9', '--require', 'chain-of-thought,in-context-learning,code-complex-algorithms']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('chain-of-thought: needs 1.0e11 params, has 7.0e10 (-0.15 decades)\ncode-complex-algorithms: needs 1.0e11 params, has 7.0e10 (-0.15 decades)\n');
    const doc = JSON.parse((await runCli(['thresholds', '--params', '70e9', '--require', 'chain-of-thought', '--format', 'json'])).stdout);
    expect(doc.gate).toMatchObject({ require: ['chain-of-thought'], passed: false, failures: [{ id: 'chain-of-thought' }] });
  });

  it('exits 2 for an unknown ability id, listing close matches', async () => {
    const result = await runCli(['thresholds', '--params', '70e9', '--require', 'no-such-ability']);
    expect(result.code).toBe(2);
    const typo = await runCli(['thresholds', '--params', '70e9', '--require', 'chain-of-thougth']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('did you mean chain-of-thought');
  });

  it('requires a probability with --min-probability', async () => {
    expect((await runCli(['thresholds', '--params', '70e9', '--require', 'in-context-learning', '--min-probability', '0.9'])).code).toBe(0);
    const strict = await runCli(['thresholds', '--params', '70e9', '--require', 'in-context-learning', '--min-probability', '0.95']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toBe('in-context-learning: needs probability 0.95, has 0.94 (effective size 7.0e10, threshold 1.0e10)\n');
    expect((await runCli(['thresholds', '--params', '70e9', '--require', 'in-context-learning', '--min-probability', '1.5'])).code).toBe(2);
  });

  it('checks a whole plan from --input, reporting each row that misses', async () => {
    const result = await runCli(['thresholds', '--input', 'fixtures/plans.csv', '--require', 'chain-of-thought', '--format', 'csv']);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      'small-chinchilla (fixtures/plans.csv:2): chain-of-thought: needs 1.0e11 params, has 3.8e9 (-1.42 decades)',
      'llama-2-7b-like (fixtures/plans.csv:3): chain-of-thought: needs 1.0e11 params, has 2.6e10 (-0.59 decades)',
      'llama-3-8b-like (fixtures/plans.csv:4): chain-of-thought: needs 1.0e11 params, has 9.7e10 (-0.02 decades)',
      'no-tokens-given (fixtures/plans.csv:7): chain-of-thought: needs 1.0e11 params, has 7.0e10 (-0.15 decades)',
    ]);
    const passing = await runCli(['thresholds', '--input', '-', '--require', 'chain-of-thought'], { stdin: 'name,params,tokens\nbig,175B,300B\nchinchilla,70B,1.4T\n' });
    expect(passing.code).toBe(0);
  });

  it('needs a planned model', async () => {
    const result = await runCli(['thresholds', '--require', 'chain-of-thought']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--require: needs a planned model');
  });
});
