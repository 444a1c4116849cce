// One way to give a command its file: the positional argument is the same as --input / --config,
// and naming the file twice is a usage error (exit 2).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const plansCsv = readFileSync('fixtures/plans.csv', 'utf8');

async function same(a: string[], b: string[], stdin?: string): Promise<void> {
  const [x, y] = await Promise.all([runCli(a, stdin === undefined ? {} : { stdin }), runCli(b, stdin === undefined ? {} : { stdin })]);
  expect(x.code, x.stderr).toBe(y.code);
  expect(x.stdout).toBe(y.stdout);
  expect(x.stdout.length).toBeGreaterThan(0);
}

describe('a plan file as the argument of predict and thresholds', () => {
  it('reads a CSV as --input does, from a file and from stdin (-)', async () => {
    await same(['predict', 'fixtures/plans.csv', '--format', 'csv'], ['predict', '--input', 'fixtures/plans.csv', '--format', 'csv']);
    await same(['predict', '-', '--format', 'json'], ['predict', '--input', '-', '--format', 'json'], plansCsv);
  });

  it('reads a .yaml plan as --config does', async () => {
    await same(['predict', 'fixtures/plan.yaml', '--format', 'json'], ['predict', '--config', 'fixtures/plan.yaml', '--format', 'json']);
  });

  it('gates a plan given as the argument, as with --input', async () => {
    const gate = ['--require', 'in-context-learning', '--format', 'csv'];
    await same(['thresholds', 'fixtures/plans.csv', ...gate], ['thresholds', '--input', 'fixtures/plans.csv', ...gate]);
    const result = await runCli(['thresholds', 'fixtures/plans.csv', ...gate]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('small-chinchilla (fixtures/plans.csv:2): in-context-learning: needs');
  });

  it.each([
    [['predict', 'fixtures/plans.csv', '--input', 'fixtures/plans.csv'], 'emerge predict: --input: the plan file is already given as the argument ("fixtures/plans.csv"); give it once'],
    [['thresholds', 'fixtures/plan.yaml', '--config', 'fixtures/plan.yaml'], 'emerge thresholds: --config: the plan file is already given as the argument ("fixtures/plan.yaml"); give it once'],
    [['predict', 'a.csv', 'b.csv'], "emerge predict: too many arguments for 'predict'. Expected 1 argument but got 2."],
  ])('refuses %j with exit code 2', async (argv, message) => {
    const result = await runCli(argv);
    expect(result).toEqual({ code: 2, stdout: '', stderr: `${message}\n` });
  });
});

describe('a scenario file as the argument of simulate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'emerge-scenario-'));
  const file = (name: string, text: string): string => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('runs the file as --config does', async () => {
    await same(['simulate', 'fixtures/mirage-loss.yaml', '--format', 'csv'], ['simulate', '--config', 'fixtures/mirage-loss.yaml', '--format', 'csv']);
  });

  it('without "scenario:" runs abilities, with the seed of the file unless --seed overrides it', async () => {
    await same(['simulate', file('plain.yaml', 'sweep: { steps: 40 }\n'), '--format', 'csv'], ['simulate', '--steps', '40', '--format', 'csv']);
    const seeded = file('seeded.yaml', 'scenario: finite-eval\nseed: 7\ntrials: 100\n');
    await same(['simulate', seeded, '--format', 'csv'], ['simulate', '--scenario', 'finite-eval', '--trials', '100', '--seed', '7', '--format', 'csv']);
    await same(['simulate', seeded, '--seed', '8', '--format', 'csv'], ['simulate', '--scenario', 'finite-eval', '--trials', '100', '--seed', '8', '--format', 'csv']);
  });

  it('takes a law inline, computing what the same law as a preset computes', async () => {
    const inline = file('inline.yaml', 'scenario: mirage\nlaw: { E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 }\n');
    await same(['simulate', inline, '--format', 'csv'], ['simulate', '--scenario', 'mirage', '--law', 'hoffmann2022', '--format', 'csv']);
  });

  it('refuses the file twice, or beside --scenario (exit 2)', async () => {
    const path = file('twice.yaml', 'scenario: phase\n');
    expect(await runCli(['simulate', path, '--config', path])).toMatchObject({ code: 2, stderr: `emerge simulate: --config: the scenario file is already given as the argument ("${path}"); give it once\n` });
    expect(await runCli(['simulate', path, '--scenario', 'phase'])).toMatchObject({ code: 2, stderr: 'emerge simulate: --scenario: give either --scenario or a scenario file (the file names its scenario), not both\n' });
  });
});
