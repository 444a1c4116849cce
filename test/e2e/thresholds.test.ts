// The CI gate as a CI job runs it: the built binary and its exit codes.
import { describe, expect, it } from 'vitest';
import { runBin } from '../helpers/run-bin.js';

describe('emerge thresholds (built binary)', () => {
  it('exits 0 when the planned model has the required ability', () => {
    expect(runBin(['thresholds', '--params', '70e9', '--require', 'in-context-learning']).code).toBe(0);
  });

  it('exits 1 and names the missing ability on stderr', () => {
    const result = runBin(['thresholds', '--params', '70e9', '--require', 'chain-of-thought']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('chain-of-thought: needs 1.0e11 params, has 7.0e10 (-0.15 decades)\n');
  });

  it('exits 2 for an unknown ability id', () => {
    const result = runBin(['thresholds', '--params', '70e9', '--require', 'no-such-ability']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('gates a plan read from stdin', () => {
    const result = runBin(['thresholds', '--input', '-', '--require', 'chain-of-thought', '--format', 'json'], { input: 'name,params,tokens\nflagship,70B,1.4T\nsmall,7B,2T\n' });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('small (stdin:3): chain-of-thought: needs 1.0e11 params, has 2.6e10 (-0.59 decades)\n');
    expect(JSON.parse(result.stdout).gate.passed).toBe(false);
  });
});
