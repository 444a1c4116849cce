// Progress of `emerge fit` for long work, through the context (the CLI shows it on a TTY only), and
// the --chart warning; the command is called directly with a recording context.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/commands/context.js';
import { runFit } from '../../src/commands/fit.js';

function recordingContext(): { ctx: CommandContext; progress: string[]; warnings: string[]; out: string[] } {
  const progress: string[] = [];
  const warnings: string[] = [];
  const out: string[] = [];
  const ctx: CommandContext = {
    out: { write: async (text) => void out.push(Buffer.from(text).toString()) },
    warn: (m) => warnings.push(m),
    report: (line) => warnings.push(line),
    progress: (m) => progress.push(m),
    stdin: Readable.from(['']),
    color: false,
    columns: undefined,
  };
  return { ctx, progress, warnings, out };
}

describe('emerge fit progress', () => {
  it('reports the multi-start search and the bootstrap, then clears the line', async () => {
    const { ctx, progress, warnings } = recordingContext();
    await runFit(['fixtures/chinchilla_runs.csv'], { grid: 'coarse', bootstrap: '100' }, ctx);
    expect(warnings).toEqual([]);
    expect(progress).toContain('fit: 108/108 starts');
    expect(progress).toContain('bootstrap: 100/100 resamples');
    expect(progress.indexOf('fit: 108/108 starts')).toBeLessThan(progress.indexOf('bootstrap: 100/100 resamples'));
    expect(progress.at(-1)).toBe('');
    // At most one update per percent of the work.
    expect(progress.filter((m) => m.startsWith('fit:')).length).toBeLessThanOrEqual(101);
  });

  it('reports each curve fit, then clears the line', async () => {
    const { ctx, progress } = recordingContext();
    await runFit(['fixtures/emergence_obsscaling_bigbench.csv'], { x: 'compute', bootstrap: '0' }, ctx);
    expect(progress).toEqual([...Array.from({ length: 8 }, (_, i) => `fitting curve ${i + 1}/8`), '']);
  });

  it('warns that --chart is drawn in the table format only', async () => {
    const { ctx, warnings, out } = recordingContext();
    await runFit(['fixtures/chinchilla_runs.csv'], { grid: 'coarse', bootstrap: '0', chart: true, format: 'json' }, ctx);
    expect(warnings).toEqual(['--chart is drawn in the table format only, not with --format json']);
    expect(JSON.parse(out.join('')).kind).toBe('law');
  });
});
