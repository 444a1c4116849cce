// emerge simulate through the built binary (npm run build first), as a shell pipeline or CI job runs it.
import { describe, expect, it } from 'vitest';
import { runBin } from '../helpers/run-bin.js';

describe('emerge simulate (built binary)', () => {
  // Must hold (issue 6): `| head -3` ends quietly. With the default 61 points the whole CSV may fit in
  // the pipe's buffer; with 10^5 points (600,000 rows, ~30 MB) the writer certainly meets the closed pipe.
  it.each([[''], [' --steps 100000']])('ends quietly when head closes the pipe (emerge simulate --scenario mirage --format csv%s | head -3)', (extra) => {
    const result = runBin([], { shell: `emerge simulate --scenario mirage --format csv${extra} | head -3; echo "status \${PIPESTATUS[0]}"` });
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('series,scale,value');
    expect(lines[1]).toMatch(/^per-token,100000000,0\.00990099009900989\d$/); // p(1e8) = 1/101
    expect(lines[2]).toMatch(/^per-token,\d/);
    expect(lines[3]).toBe('status 0');
    expect(result.stderr).toBe('');
  });

  // Must hold (issue 6): --seed makes the output byte-for-byte reproducible across processes.
  it('prints the same bytes for the same seed, and other draws for another seed', () => {
    const args = ['simulate', '--scenario', 'finite-eval', '--trials', '300', '--format', 'csv'];
    const first = runBin([...args, '--seed', '11']);
    const again = runBin([...args, '--seed', '11']);
    const other = runBin([...args, '--seed', '12']);
    expect(first.code).toBe(0);
    expect(again.stdout).toBe(first.stdout);
    expect(other.stdout).not.toBe(first.stdout);
    const table = ['simulate', '--scenario', 'finite-eval', '--seed', '11', '--width', '50'];
    expect(runBin(table).stdout).toBe(runBin(table).stdout);
  });

  it('exits 2 with one line for usage errors and 1 naming file:line for a bad scenario file', () => {
    for (const [args, message] of [
      [['--steps', '0'], 'emerge simulate: --steps: must be an integer from 2 to 1e7 (the number of grid points), got 0\n'],
      [['--from', '1e13', '--to', '1e9'], 'emerge simulate: --to: must be above from (1e13), got 1e9\n'],
      [['--to', '1e50'], 'emerge simulate: --to: must be a number from 1 to 1e35 (a scale: parameters, tokens or FLOPs), got 1e50\n'],
    ] as const) {
      const result = runBin(['simulate', ...args]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toBe(message);
      expect(result.stdout).toBe('');
    }
    const bad = runBin([], { shell: 'f=$(mktemp --suffix .yaml); printf "scenario: mirage\\nsweep:\\n  steps: [oops\\n" > "$f"; emerge simulate --config "$f"; echo "status $?"; rm -f "$f"' });
    expect(bad.stdout).toBe('status 1\n');
    expect(bad.stderr).toMatch(/^emerge simulate: \/\S+\.yaml:\d+: .+\n$/);
  });

  it('documents itself in --help, with examples', () => {
    const help = runBin(['simulate', '--help']);
    expect(help.code).toBe(0);
    for (const flag of ['--scenario <name>', '--config <file>', '--list-scenarios', '--over <axis>', '--steps <n>', '--seed <n>', '--width <columns>', '--height <rows>']) expect(help.stdout).toContain(flag);
    expect(help.stdout).toContain('$ emerge simulate --scenario mirage');
  });
});
