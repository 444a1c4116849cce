// The built binary, spawned as a user or CI job runs it.
import { describe, expect, it } from 'vitest';
import { runBin } from '../helpers/run-bin.js';

describe('bin/emerge.js', () => {
  it('runs the main job of the README set-up', () => {
    const result = runBin(['predict', '--params', '70e9']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/in-context-learning\s+│\s+10B\s+│\s+94\.4%\s+│ emerged/);
    expect(result.stdout).toMatch(/chain-of-thought\s+│\s+100B\s+│\s+32\.9%\s+│ emerging/);
    expect(result.stderr).toBe('');
  });

  it('prints help with examples and exit codes, and its version', () => {
    const help = runBin(['predict', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Examples:');
    expect(help.stdout).toContain('--params <size>');
    expect(runBin(['--help']).stdout).toContain('Exit codes:');
    expect(runBin(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('exits 2 with one line and no stack trace for usage errors', () => {
    for (const args of [['predict', '--params', '-5'], ['predict', '--bogus'], ['nonsense'], []]) {
      const result = runBin(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
    expect(runBin(['predict', '--params', '-5']).stderr).toBe('emerge predict: --params: "-5" must be at least 1 (a parameter count)\n');
  });

  it('exits 1 naming the file and line for bad input data', () => {
    const result = runBin(['predict', '--input', '-'], { input: 'name,params\nok,7B\nbad,-1\n' });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('emerge predict: stdin:3: params: "-1" must be at least 1 (a parameter count)\n');
  });

  it('honours NO_COLOR and FORCE_COLOR', () => {
    expect(runBin(['predict', '--params', '70e9']).stdout).not.toContain('\u001b[');
    expect(runBin(['predict', '--params', '70e9'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } }).stdout).toContain('\u001b[');
  });

  it('ends quietly when the reader closes the pipe', () => {
    const result = runBin([], { shell: 'emerge predict --input fixtures/plans.csv --format csv | head -1; echo "status ${PIPESTATUS[0]}"' });
    expect(result.stdout).toBe('name,params,tokens,compute,loss,effective_params,ability,category,threshold_params,probability,status\nstatus 0\n');
    expect(result.stderr).toBe('');
  });

  it('reads YAML plans and laws from stdin with -', () => {
    const plan = runBin(['predict', '--config', '-', '--format', 'csv'], { input: 'ability: chain-of-thought\nmodels:\n  - { name: a, params: 70B, tokens: 1.4T }\n' });
    expect(plan.code).toBe(0);
    expect(plan.stdout.split('\n')[1]).toMatch(/^a,70000000000,1400000000000,/);
    const law = runBin(['predict', '--params', '70B', '--tokens', '1.4T', '--law', '-', '--format', 'json'], { input: 'E: 1.69\nA: 406.4\nB: 410.7\nalpha: 0.34\nbeta: 0.28\n' });
    // Hoffmann et al.'s printed constants: L(70e9, 1.4e12) = 1.9366 (../shared/data/README.md).
    expect(Math.abs(JSON.parse(law.stdout).results[0].loss - 1.9366)).toBeLessThan(1e-4);
    const bad = runBin(['predict', '--params', '70B', '--law', '-'], { input: 'E: 1.69\nA: -1\n' });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('emerge predict: stdin:2: A: -1 must be greater than 0 (a positive coefficient)\n');
    const two = runBin(['predict', '--input', '-', '--config', '-']);
    expect(two.code).toBe(2);
  });
});
