// `emerge thresholds --evidence` in-process: its formats and filters, and the flags it refuses.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

describe('emerge thresholds --evidence', () => {
  it('lists every seed ability with its measures, the mirage check and the sources (table)', async () => {
    const { code, stdout } = await runCli(['thresholds', '--evidence']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/14 abilities, 15 measures/);
    for (const id of ['in-context-learning', 'chain-of-thought', 'code-complex-algorithms', 'bigbench-programming']) expect(stdout).toContain(id);
    expect(stdout).toMatch(/The metric effect on real outputs/);
    expect(stdout).toMatch(/CC BY-SA 4\.0/);
  });

  it('gives JSON in which each ability gains its evidence, the same bytes on every run', async () => {
    const first = await runCli(['thresholds', '--evidence', '--format', 'json', '--ability', 'chain-of-thought,bigbench-programming']);
    const second = await runCli(['thresholds', '--evidence', '--format', 'json', '--ability', 'chain-of-thought,bigbench-programming']);
    expect(first.stdout).toBe(second.stdout);
    const json = JSON.parse(first.stdout);
    expect(json.abilities.map((a: { id: string }) => a.id)).toEqual(['chain-of-thought', 'bigbench-programming']);
    const [cot, programming] = json.abilities;
    expect(cot.evidence.map((e: { measure: string }) => e.measure)).toEqual(['cot-gain-bbh', 'cot-gain-gsm8k']);
    for (const key of ['measure', 'threshold_params', 'threshold_flops', 'interval', 'dataset', 'models', 'comparison', 'note']) expect(cot.evidence[0]).toHaveProperty(key);
    expect(programming.evidence.map((e: { measure: string }) => e.measure)).toEqual(['bigbench-programming-bbh']);
  });

  it('gives CSV, one row per measure', async () => {
    const { code, stdout } = await runCli(['thresholds', '--evidence', '--format', 'csv', '--category', 'code-generation,bigbench']);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^id,name,name_zh,category,claim_params,measure,/);
    expect(lines).toHaveLength(1 + 4 + 5);
    expect(lines.find((l) => l.startsWith('bigbench-programming'))).toMatch(/bigbench-programming-bbh/);
  });

  it('shows Chinese names with --lang zh', async () => {
    const { stdout } = await runCli(['thresholds', '--evidence', '--ability', 'chain-of-thought', '--lang', 'zh']);
    expect(stdout).toContain('思维链推理');
    expect(stdout).toContain('思维链相对直接回答的增益');
  });

  it.each([
    [['--params', '70e9'], /--evidence: not with --params: the evidence is about the seed's claims/],
    [['--model', 'llama-2-70b'], /not with --model/],
    [['--tokens', '2T'], /not with --tokens/],
    [['--d-model', '4096'], /not with --d-model/],
    [['--input', 'fixtures/plans.csv'], /not with --input/],
    [['fixtures/plans.csv'], /not with a plan file/],
    [['--require', 'chain-of-thought'], /not with --require: the gate judges a planned model/],
    [['--law', 'hoffmann2022'], /uses no scaling law/],
    [['--forecast', 'default'], /not with --forecast: the evidence is about the seed's thresholds/],
    [['--reach', 'mmlu>=0.5'], /not with --reach/],
    [['--plot', '/tmp/evidence.svg'], /not with --plot: the evidence is a table/],
    [['--ability', 'addition-subtraction-3-digit'], /not from the seed's tables/],
    [['--category', 'few-shot-prompting'], /has no seed ability/],
  ])('refuses %s with one line and exit 2', async (args, message) => {
    const { code, stderr, stdout } = await runCli(['thresholds', '--evidence', ...args]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
  });
});
