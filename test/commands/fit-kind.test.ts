// How `emerge fit` decides what to fit, and the flags both kinds share.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const RUNS = 'params,tokens,loss\n1e9,2e10,3\n';
const SCORES = 'task,params,score\nt,1e9,0.5\n';

describe('emerge fit: the kind of fit', () => {
  it('takes a file with a loss column as training runs and one with a score column as task scores', async () => {
    expect((await runCli(['fit', '-'], { stdin: RUNS })).stderr).toContain('too few runs to fit a scaling law');
    expect((await runCli(['fit', '-'], { stdin: SCORES })).stderr).toContain('1 distinct scales; at least 4 are needed');
  });

  it('takes a file with both as a forecast, and follows --kind', async () => {
    const both = 'params,tokens,loss,score\n1e9,2e10,3,0.5\n';
    const result = await runCli(['fit', '-'], { stdin: both });
    expect(result.stderr).toBe('emerge fit: stdin: the loss law needs at least 6 finished runs, and the ladder has 1; --via compute forecasts from compute alone\n');
    expect(result.code).toBe(1);
    expect((await runCli(['fit', '-', '--kind', 'law'], { stdin: both })).stderr).toContain('too few runs');
    expect((await runCli(['fit', '-', '--kind', 'curve'], { stdin: both })).stderr).toContain('distinct scales');
  });

  it('names the file and line when neither column is there', async () => {
    const result = await runCli(['fit', '-'], { stdin: 'size,amount\n1,2\n' });
    expect(result.stderr).toBe(
      'emerge fit: stdin:1: no loss column (training runs, for a scaling law) and no score column (task scores, for emergence curves) in the header "size,amount"; name one with --columns loss=... or --columns score=...\n',
    );
    expect(result.code).toBe(1);
  });

  it('follows --columns to decide', async () => {
    const result = await runCli(['fit', '-', '--columns', 'loss=final,params=size,tokens=data'], { stdin: 'size,data,final\n1e9,2e10,3\n' });
    expect(result.stderr).toContain('too few runs to fit a scaling law: 1');
  });

  const usage: [string, string[], string, string][] = [
    ['an unknown role', ['--columns', 'los=x'], RUNS, 'emerge fit: --columns: unknown role "los" (did you mean loss?); roles: params, tokens, compute, loss, task, subtask, metric, model, score, baseline, step\n'],
    ['a pair without =', ['--columns', 'loss'], RUNS, 'emerge fit: --columns: "loss" is not role=Header; e.g. --columns "params=Model Size,loss=Final Loss"\n'],
    ['a role given twice', ['--columns', 'loss=a,loss=b'], RUNS, 'emerge fit: --columns: loss is given twice\n'],
    ['a curve role for a law', ['--columns', 'task=params'], RUNS, 'emerge fit: --columns: task is not a column of a law fit (its roles: params, tokens, compute, loss)\n'],
    ['an unknown --kind', ['--kind', 'both'], RUNS, "emerge fit: option '--kind <kind>' argument 'both' is invalid. Allowed choices are law, curve, forecast.\n"],
    ['a bad --seed', ['--seed', '-1'], RUNS, 'emerge fit: --seed: "-1" must be at least 0 (a seed)\n'],
  ];

  it.each(usage)('refuses %s with exit code 2', async (_name, args, stdin, stderr) => {
    const result = await runCli(['fit', '-', ...args], { stdin });
    expect(result.stderr).toBe(stderr);
    expect(result.code).toBe(2);
  });

  it('names a --columns header that the file does not have', async () => {
    const result = await runCli(['fit', 'fixtures/chinchilla_runs.csv', '--columns', 'loss=los']);
    expect(result.stderr).toBe('emerge fit: fixtures/chinchilla_runs.csv:1: --columns loss="los": no such column in the header "params,tokens,compute,loss" (did you mean loss?)\n');
    expect(result.code).toBe(1);
  });

  it('needs a file, and says so', async () => {
    const result = await runCli(['fit']);
    expect(result.stderr).toBe("emerge fit: missing required argument 'file'\n");
    expect(result.code).toBe(2);
    const missing = await runCli(['fit', 'no-such-file.csv']);
    expect(missing.stderr).toBe('emerge fit: no-such-file.csv: no such file\n');
    expect(missing.code).toBe(1);
  });
});
