// The library's simulate is `emerge simulate --format json`, field for field; its errors are the CLI's.
import { describe, expect, it } from 'vitest';
import { loadScenario, simulate, UsageError } from '../../src/api/index.js';
import { runCli } from '../helpers/run-cli.js';

async function cliJson(args: string[]): Promise<unknown> {
  const result = await runCli(['simulate', ...args, '--format', 'json']);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

describe('simulate (the library)', () => {
  it.each([
    [[], {}],
    [['--scenario', 'phase', '--steps', '81'], { scenario: 'phase' as const, steps: 81 }],
    [['--scenario', 'mirage', '--law', 'hoffmann2022'], { scenario: 'mirage' as const, law: 'hoffmann2022' }],
    [['--scenario', 'composition', '--ability', 'in-context-learning,chain-of-thought', '--over', 'compute'], { scenario: 'composition' as const, abilities: ['in-context-learning', 'chain-of-thought'], over: 'compute' as const }],
    [['--quality', 'high', '--tokens', '2e12'], { quality: 'high' as const, tokens: 2e12 }],
    [['--scenario', 'quality'], { scenario: 'quality' as const }],
    [['--scenario', 'finite-eval', '--items', '164', '--trials', '200', '--seed', '7', '--steps', '31'], { scenario: 'finite-eval' as const, items: 164, trials: 200, seed: 7, steps: 31 }],
    [['fixtures/mirage-loss.yaml'], { scenario: loadScenario('fixtures/mirage-loss.yaml') }],
  ])('emerge simulate %j --format json', async (args, input) => {
    const document = simulate(input);
    expect(document).toEqual(await cliJson(args));
    expect(JSON.parse(JSON.stringify(document))).toEqual(document);
  });

  it.each([
    [{ scenario: 'phaze' as 'phase' }, ['--scenario', 'phaze']],
    [{ steps: 1 }, ['--steps', '1']],
    [{ abilities: ['chain-of-thougt'] }, ['--ability', 'chain-of-thougt']],
    [{ scenario: 'phase' as const, items: 100 }, ['--scenario', 'phase', '--items', '100']],
    [{ scenario: 'quality' as const, quality: 'high' as const }, ['--scenario', 'quality', '--quality', 'high']],
  ])('throws UsageError for %j with the message of emerge simulate', async (input, args) => {
    const cli = await runCli(['simulate', ...args]);
    expect(cli.code).toBe(2);
    expect(() => simulate(input)).toThrow(UsageError);
    expect(() => simulate(input)).toThrow(cli.stderr.trim().replace(/^emerge simulate: /, ''));
  });
});
