// The fitting part of the library API (src/api/fit): the same documents as `emerge fit --format
// json` on the shipped fixtures, the same errors (InputError, UsageError) with the CLI's messages,
// and nothing written to stdout or stderr. The CLI runs in-process (runCli); the published law fit
// is the one the global set-up ran once (inject('publishedFits')).
import { Readable } from 'node:stream';
import { afterEach, describe, expect, inject, it, vi } from 'vitest';
import { fitCurves, fitForecast, fitLaw, InputError, UsageError, type Row } from '../../src/api/index.js';
import { openCsv } from '../../src/io/csv-input.js';
import { runCli } from '../helpers/run-cli.js';

const EPOCH_POINTS = 'fixtures/chinchilla_epoch_points.csv';
const BIGBENCH = 'fixtures/emergence_obsscaling_bigbench.csv';
const LADDER = 'fixtures/ladder_rpj_paper.csv';

/** The rows of a CSV file as objects; cells that read as plain numbers become numbers (the rest stay text). */
async function rowsOf(path: string): Promise<Record<string, number | string>[]> {
  const csv = await openCsv(path, Readable.from(['']));
  const rows: Record<string, number | string>[] = [];
  for await (const { cells } of csv.records) {
    rows.push(Object.fromEntries(csv.header.map((name, i) => [name, /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(cells[i]!) ? Number(cells[i]) : cells[i]!])));
  }
  return rows;
}

/** The rows as CSV text, columns in the order of the first row's keys. */
function csvOf(rows: readonly Row[]): string {
  const header = Object.keys(rows[0]!);
  return `${[header.join(','), ...rows.map((row) => header.map((key) => (row[key] === undefined || row[key] === null ? '' : String(row[key]))).join(','))].join('\n')}\n`;
}

/** What a promise rejects with. */
async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

/** The CLI's one-line error, without its "emerge fit: " prefix. */
async function cliError(argv: string[], stdin?: string): Promise<string> {
  const result = await runCli(argv, stdin === undefined ? {} : { stdin });
  expect(result.code).not.toBe(0);
  expect(result.stdout).toBe('');
  return result.stderr.replace(/^emerge fit: /, '').trimEnd();
}

/** Small law inputs for the error cases: the first rows of the fixture as params, tokens, loss. */
async function smallRuns(): Promise<Row[]> {
  return (await rowsOf(EPOCH_POINTS)).slice(0, 12).map((row) => ({ params: row.model_size_params, tokens: row.training_tokens, loss: row.loss }));
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('fitLaw', () => {
  it('returns the document `emerge fit --format json` prints, field for field, and writes nothing', async () => {
    const stdout = vi.spyOn(process.stdout, 'write');
    const stderr = vi.spyOn(process.stderr, 'write');
    const warnings: string[] = [];
    const progress = new Set<string>();
    const doc = await fitLaw(await rowsOf(EPOCH_POINTS), {
      excludeTopLoss: 5,
      bootstrap: 0,
      source: EPOCH_POINTS,
      onWarning: (m) => warnings.push(m),
      onProgress: (done, total, what) => void (done === total && progress.add(`${what} ${total}`)),
    });
    expect(doc).toEqual(JSON.parse(inject('publishedFits').epochPoints.stdout));
    expect(doc.excluded.map((e) => e.line)).toHaveLength(5);
    expect(warnings.join('\n')).toBe(inject('publishedFits').epochPoints.stderr.replace(/^emerge: /gm, '').trimEnd());
    expect([...progress]).toEqual(['fit 4500']);
    expect(stdout).not.toHaveBeenCalled();
    expect(stderr).not.toHaveBeenCalled();
  });

  it('fits rows of text as it fits numbers, under column names of --columns', async () => {
    const runs = (await smallRuns()).map((row) => ({ Size: String(row.params), Data: String(row.tokens), Final: String(row.loss) }));
    const doc = await fitLaw(runs, { grid: 'coarse', bootstrap: 0, columns: { params: 'Size', tokens: 'Data', loss: 'Final' } });
    const same = await fitLaw(await smallRuns(), { grid: 'coarse', bootstrap: 0 });
    expect(doc).toEqual(same);
    expect(doc.file).toBe('runs');
    expect(doc.grid).toBe('coarse');
    // A grid of your own is named as given.
    const own = await fitLaw(await smallRuns(), { grid: { name: 'mine', starts: [[6, 7, 0.5, 0.3, 0.3]] }, bootstrap: 0, loss: 'mse' });
    expect([own.grid, own.starts, own.loss.kind]).toEqual(['mine', 1, 'mse']);
  });

  it.each([
    ['a negative loss', -1],
    ['NaN', Number.NaN],
    ['text that is not a number', '3.1 nats'],
  ])('throws InputError for %s, with the message the CLI gives for that CSV (runs[2] is line 4)', async (_, loss) => {
    const runs = await smallRuns();
    runs[2] = { ...runs[2], loss };
    const error = await rejection(fitLaw(runs, { source: 'stdin', bootstrap: 0 }));
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).line).toBe(4);
    expect(error.message).toBe(await cliError(['fit', '-', '--kind', 'law', '--bootstrap', '0'], csvOf(runs)));
  });

  it('throws InputError for a missing column, as the CLI does', async () => {
    const runs = (await smallRuns()).map(({ params, tokens }) => ({ params, tokens }));
    const error = await rejection(fitLaw(runs, { source: 'stdin' }));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(await cliError(['fit', '-', '--kind', 'law'], csvOf(runs)));
    await expect(fitLaw([], {})).rejects.toThrow(InputError);
    await expect(fitLaw([{ params: 1e9, tokens: 1e10, loss: { nats: 3 } } as unknown as Row])).rejects.toThrow('runs:2: loss: a mapping is not a number or text');
  });

  it.each([
    [{ bootstrap: 1 }, ['--bootstrap', '1']],
    [{ bootstrap: 2.5 }, ['--bootstrap', '2.5']],
    [{ seed: 1.5 }, ['--seed', '1.5']],
    [{ excludeTopLoss: 0.5 }, ['--exclude-top-loss', '0.5']],
    [{ atCompute: 1 }, ['--at-compute', '1']],
    [{ holdoutAbove: 1e40 }, ['--holdout-above', '1e+40']],
    [{ delta: 0 }, ['--delta', '0']],
    [{ columns: { size: 'params' } }, ['--columns', 'size=params']],
    [{ columns: 'params=' }, ['--columns', 'params=']],
  ] as const)('throws UsageError for %o, naming the flag as the CLI does', async (options, flags) => {
    const error = await rejection(fitLaw(await rowsOf(EPOCH_POINTS), options as never));
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe(await cliError(['fit', EPOCH_POINTS, ...flags]));
  });

  it('refuses what the CLI cannot be given: a loss or grid of no kind, a start out of range', async () => {
    const runs = await smallRuns();
    await expect(fitLaw(runs, { loss: 'l1' as never })).rejects.toThrow(/^--loss: "l1" is not a residual loss/);
    await expect(fitLaw(runs, { grid: 'fine' as never })).rejects.toThrow(UsageError);
    await expect(fitLaw(runs, { grid: { name: 'x', starts: [[1, 2, 3, 4, 1e4]] } })).rejects.toThrow('--grid: start 1: "10000" is too large to be a start value');
    await expect(fitLaw(runs, { bootstrap: Number.NaN })).rejects.toThrow('--bootstrap: "NaN" is not a number');
  });
});

describe('fitCurves', () => {
  it('returns the document of `emerge fit SCORES --format json`, with its warnings, and writes nothing', async () => {
    const argv = ['--x', 'compute', '--bootstrap', '20', '--holdout-above', '8.4e22'];
    const cli = await runCli(['fit', BIGBENCH, ...argv, '--format', 'json']);
    expect(cli.code).toBe(0);
    const stdout = vi.spyOn(process.stdout, 'write');
    const stderr = vi.spyOn(process.stderr, 'write');
    const warnings: string[] = [];
    const phases: string[] = [];
    const doc = await fitCurves(await rowsOf(BIGBENCH), {
      x: 'compute',
      bootstrap: 20,
      holdoutAbove: 8.4e22,
      source: BIGBENCH,
      onWarning: (m) => warnings.push(m),
      onProgress: (done, total, what) => void (done === total && phases.push(what)),
    });
    expect(doc).toEqual(JSON.parse(cli.stdout));
    expect(doc.backtest).not.toBeNull();
    expect(warnings).toEqual(cli.stderr.trimEnd().split('\n').map((line) => line.replace(/^emerge: /, '')));
    expect(phases).toEqual(['curve', 'back-test']);
    expect(stdout).not.toHaveBeenCalled();
    expect(stderr).not.toHaveBeenCalled();
  });

  it('throws InputError for a bad score and UsageError for a bad option, with the CLI messages', async () => {
    const rows = (await rowsOf(BIGBENCH)).slice(0, 30).map(({ task, model, params, score }) => ({ task, model, params, score }));
    const bad = rows.map((row, i) => (i === 4 ? { ...row, score: 'high' } : row));
    const error = await rejection(fitCurves(bad, { source: 'stdin', bootstrap: 0 }));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(await cliError(['fit', '-', '--bootstrap', '0'], csvOf(bad)));
    // The cutoff is in the unit of the axis (here parameters), known once the columns are.
    const usage = await rejection(fitCurves(rows, { holdoutAbove: 0.5 }));
    expect(usage).toBeInstanceOf(UsageError);
    expect(usage.message).toBe(await cliError(['fit', BIGBENCH, '--holdout-above', '0.5']));
    await expect(fitCurves(rows, { x: 'size' as never })).rejects.toThrow(/^--x: "size" is not an axis/);
  });
});

describe('fitForecast', () => {
  it('returns the document of `emerge fit LADDER --format json`, and writes nothing', async () => {
    const cli = await runCli(['fit', LADDER, '--holdout-above', '1e21', '--format', 'json']);
    expect(cli.code).toBe(0);
    const stdout = vi.spyOn(process.stdout, 'write');
    const stderr = vi.spyOn(process.stderr, 'write');
    const doc = await fitForecast(await rowsOf(LADDER), { holdoutAbove: 1e21, source: LADDER });
    expect(doc).toEqual(JSON.parse(cli.stdout));
    expect(doc.kind).toBe('forecast');
    expect(stdout).not.toHaveBeenCalled();
    expect(stderr).not.toHaveBeenCalled();
  });

  it('throws InputError for a bad loss and UsageError for a bad option, with the CLI messages', async () => {
    const rows = (await rowsOf(LADDER)).slice(0, 40);
    rows[6] = { ...rows[6]!, loss: -2 };
    const error = await rejection(fitForecast(rows, { source: 'stdin' }));
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).line).toBe(8);
    expect(error.message).toBe(await cliError(['fit', '-', '--kind', 'forecast'], csvOf(rows)));
    const usage = await rejection(fitForecast(rows, { level: 1 }));
    expect(usage).toBeInstanceOf(UsageError);
    expect(usage.message).toBe(await cliError(['fit', LADDER, '--level', '1']));
  });
});
