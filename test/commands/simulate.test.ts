// emerge simulate in-process: scenarios, formats, the must-holds of issue 6 read off the CLI's own
// output (CSV numbers are the shortest text that reads back as the same double, so identities that
// hold in the engine hold in the CSV to the last bit), usage and input errors.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCENARIO_NAMES, exactMatchWidthDecades } from '../../src/core/simulate/index.js';
import { chartSize } from '../../src/commands/simulate/flags.js';
import { SIMULATE_SCENARIOS } from '../../src/options/simulate.js';
import { runCli } from '../helpers/run-cli.js';

type Rows = Map<string, { scale: number[]; value: number[] }>;

async function simulate(...args: string[]): Promise<string> {
  const result = await runCli(['simulate', ...args]);
  expect(result.code, result.stderr).toBe(0);
  expect(result.stderr).toBe('');
  return result.stdout;
}

/** The long CSV by series, in order of appearance. */
function bySeries(csv: string): Rows {
  const lines = csv.trimEnd().split('\n');
  expect(lines[0]).toBe('series,scale,value');
  const rows: Rows = new Map();
  for (const line of lines.slice(1)) {
    const [series, scale, value] = line.split(',');
    const entry = rows.get(series!) ?? { scale: [], value: [] };
    entry.scale.push(Number(scale));
    entry.value.push(Number(value));
    rows.set(series!, entry);
  }
  return rows;
}

async function json(...args: string[]): Promise<any> {
  return JSON.parse(await simulate(...args, '--format', 'json'));
}

async function failure(...args: string[]): Promise<{ code: number; stderr: string }> {
  const result = await runCli(['simulate', ...args]);
  expect(result.stdout).toBe('');
  expect(result.stderr.split('\n').filter(Boolean), result.stderr).toHaveLength(1);
  return { code: result.code, stderr: result.stderr };
}

const tmp = mkdtempSync(join(tmpdir(), 'emerge-simulate-'));
function file(name: string, text: string): string {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
}

describe('emerge simulate --list-scenarios', () => {
  it('lists the seven scenarios, the same names as the engine and the --help text', async () => {
    expect([...SIMULATE_SCENARIOS]).toEqual([...SCENARIO_NAMES]);
    const table = await simulate('--list-scenarios');
    for (const name of SCENARIO_NAMES) expect(table).toMatch(new RegExp(`^${name} +\\S`, 'm'));
    const csv = (await simulate('--list-scenarios', '--format', 'csv')).trimEnd().split('\n');
    expect(csv[0]).toBe('scenario,summary');
    expect(csv.slice(1).map((l) => l.split(',')[0])).toEqual([...SCENARIO_NAMES]);
    expect((await json('--list-scenarios')).map((s: any) => s.name)).toEqual([...SCENARIO_NAMES]);
  });
});

describe('emerge simulate --format csv: long format, one row per series and scale', () => {
  it.each([
    ['mirage', ['per-token', 'exact-match-L1', 'exact-match-L5', 'exact-match-L10', 'exact-match-L20', 'edit-similarity-L20'], 61],
    ['composition', ['code-syntax', 'code-logic', 'code-quality', 'code-complex-algorithms', 'composite'], 121],
    ['finite-eval', ['true', 'mean', 'p5', 'p95', 'sd', 'trial-1', 'trial-2', 'trial-3'], 61],
  ])('%s has its stable series names over the whole grid', async (scenario, names, steps) => {
    const rows = bySeries(await simulate('--scenario', scenario, '--format', 'csv'));
    expect([...rows.keys()]).toEqual(names);
    for (const { scale, value } of rows.values()) {
      expect(scale).toHaveLength(steps);
      expect(value.every(Number.isFinite)).toBe(true);
    }
  });

  it('writes every scenario, with --steps points per series', async () => {
    for (const scenario of SCENARIO_NAMES) {
      const rows = bySeries(await simulate('--scenario', scenario, '--steps', '7', '--format', 'csv'));
      for (const { scale } of rows.values()) expect(scale).toHaveLength(7);
    }
  });
});

describe('must hold (issue 6): mirage', () => {
  // p^L to 1e-12: the CSV carries the engine's doubles exactly, so this is the engine's identity seen
  // through the CLI; Math.pow of the same double gives the same result up to an ulp or two.
  it.each([[['--scenario', 'mirage']], [['--config', 'fixtures/mirage-loss.yaml']], [['--scenario', 'mirage', '--over', 'compute', '--steps', '1000']]])('exact-match-L<L> equals p^L of per-token at every point (%j)', async (args) => {
    const rows = bySeries(await simulate(...(args as string[]), '--format', 'csv'));
    const p = rows.get('per-token')!.value;
    for (const length of [1, 5, 10, 20]) {
      const y = rows.get(`exact-match-L${length}`)!.value;
      expect(y).toHaveLength(p.length);
      for (let i = 0; i < p.length; i++) expect(Math.abs(y[i]! - p[i]! ** length)).toBeLessThan(1e-12);
    }
  });

  // The built-in per_token: logistic (width w = 1 decade). Closed form (src/core/simulate/exact-match.ts):
  // width w·S(L)/ln 10 = 1.908, 1.439, 1.388, 1.364 decades; on the default 12-a-decade grid the
  // summary's interpolation is within 0.01 decade, and on 1000 points a decade within 1e-4.
  it('the 10→90% width of exact match shrinks as L grows (per_token: logistic)', async () => {
    for (const [steps, tolerance] of [['61', 0.01], ['5001', 1e-4]] as const) {
      const doc = await json('--scenario', 'mirage', '--steps', steps);
      const widths = [1, 5, 10, 20].map((L) => doc.summary.find((s: any) => s.name === `exact-match-L${L}`).width_decades);
      widths.forEach((w: number, k: number) => expect(Math.abs(w - exactMatchWidthDecades([1, 5, 10, 20][k]!, 1))).toBeLessThan(tolerance));
      for (let k = 1; k < widths.length; k++) expect(widths[k]).toBeLessThan(widths[k - 1]);
      expect(doc.report.per_token_model).toBe('logistic');
    }
  });

  // Finding (report Findings 1): with p = exp(−(L − E)) and a compute-optimal sweep the excess loss is
  // K·C^(−γ), so p^L only shifts: every width is log10(ln 10/ln(10/9))/γ = 7.51 decades under
  // besiroglu2024 (interpolation on 12 points a decade: 0.01), and the table says so.
  it('per_token: loss gives the same width for every L and a later threshold, and says so', async () => {
    const doc = await json('--config', 'fixtures/mirage-loss.yaml');
    const lengths = doc.report.lengths;
    for (const l of lengths) expect(Math.abs(l.width_decades - 7.5132)).toBeLessThan(0.01);
    expect(lengths.map((l: any) => l.shift_decades.toFixed(2))).toEqual(['0.00', '3.92', '5.61', '7.30']);
    const table = await simulate('--config', 'fixtures/mirage-loss.yaml', '--width', '40');
    expect(table.replace(/\s+/g, ' ')).toContain('with the same width, log10(ln 10/ln(10/9))/γ = 7.51 decades: a later threshold, not a sharper one');
  });
});

describe('must hold (issue 6): composition', () => {
  // The composite is computed as the running product of the parts in order; recomputing it from the
  // CSV's exact doubles in the same order gives the same bits (tolerance 1e-15 absolute for safety).
  it.each([[[]], [['--over', 'compute']], [['--ability', 'code-logic,chain-of-thought,in-context-learning']]])('equals the product of its parts at every point (%j)', async (extra) => {
    const rows = bySeries(await simulate('--scenario', 'composition', ...(extra as string[]), '--format', 'csv'));
    const parts = [...rows.keys()].filter((k) => k !== 'composite');
    expect(parts.length).toBeGreaterThanOrEqual(2);
    const composite = rows.get('composite')!.value;
    for (let i = 0; i < composite.length; i++) {
      const product = parts.reduce((acc, id) => acc * rows.get(id)!.value[i]!, 1);
      expect(Math.abs(composite[i]! - product)).toBeLessThan(1e-15);
    }
  });
});

describe('--seed: reproducible to the byte', () => {
  it('prints the same bytes for the same command, in every format', async () => {
    for (const format of ['csv', 'json', 'table']) {
      const args = ['--scenario', 'finite-eval', '--trials', '200', '--seed', '7', '--format', format];
      expect(await simulate(...args)).toBe(await simulate(...args));
    }
  });

  it('changes the finite-eval draws with the seed, and nothing else', async () => {
    const a = bySeries(await simulate('--scenario', 'finite-eval', '--seed', '1', '--format', 'csv'));
    const b = bySeries(await simulate('--scenario', 'finite-eval', '--seed', '2', '--format', 'csv'));
    expect(a.get('true')!.value).toEqual(b.get('true')!.value);
    expect(a.get('trial-1')!.value).not.toEqual(b.get('trial-1')!.value);
    expect(a.get('mean')!.value).not.toEqual(b.get('mean')!.value);
    // Without --seed the scenario's own seed (20220615) is used.
    expect(await simulate('--scenario', 'finite-eval', '--format', 'csv')).toBe(await simulate('--scenario', 'finite-eval', '--seed', '20220615', '--format', 'csv'));
    // Scenarios without random draws accept a seed and ignore it.
    expect(await simulate('--scenario', 'mirage', '--seed', '3')).toBe(await simulate('--scenario', 'mirage'));
  });
});

describe('the summary table', () => {
  // 20B–1T cuts the built-in mirage (p = 1/(1 + 10^(−log10(N/1e10)))): per-token is already at
  // 66.7% at 20B, past its 10% and 50% levels, and exact match over 20 tokens reaches 90% only at 1.9T.
  it('shows crossings outside the sweep as "< from" and "> to", and widths in decades', async () => {
    const table = await simulate('--scenario', 'mirage', '--from', '20B', '--to', '1T', '--width', '40');
    expect(table).toMatch(/│ per-token {11}│ accuracy {3}│ 66\.7% │ 99\.0% │ < 20B │ < 20B │  90B │ {8}– │/);
    expect(table).toMatch(/│ exact-match-L20 {5}│ accuracy {3}│  0\.0% │ 82\.0% │ 81\.9B │  284B │ > 1T │ {8}– │/);
    expect(table).toMatch(/│ exact-match-L10 {5}│ accuracy {3}│  1\.7% │ 90\.5% │ 38\.6B │  139B │ 944B │ 1\.39 dec │/);
  });

  it('prints the scenario, the sweep, the law, charts, the table and the notes', async () => {
    const table = await simulate('--scenario', 'composition', '--law', 'hoffmann2022', '--width', '50', '--height', '6');
    expect(table.replace(/\s+/g, ' ')).toMatch(/^Scenario composition: sweep over parameters 100M to 10T, 121 points, each trained on 300B tokens \(the reference regime\); law hoffmann2022\./);
    expect(table).toContain('Probability / score across parameters N');
    expect(table).toContain('- Composite 50% at');
    expect(table).not.toMatch(/NaN|Infinity|undefined/);
  });
});

describe('charts', () => {
  const axisLine = (text: string): string[] => text.split('\n').filter((l) => /^\s+└┬?─/.test(l));

  it('are --width columns wide and --height rows high, one per kind of value', async () => {
    const text = await simulate('--scenario', 'finite-eval', '--width', '40', '--height', '5');
    const axes = axisLine(text);
    expect(axes).toHaveLength(2); // probability/score, then the standard deviation
    for (const axis of axes) expect(axis.length).toBe(9 + 40);
    const chart = text.split('Standard deviation of the score across parameters N\n\n')[1]!.split('\n');
    expect(chart.findIndex((l) => l.includes('└'))).toBe(6); // rows 0–5: height + 1
  });

  it('fit the terminal by default (80 columns when stdout is not one)', () => {
    expect(chartSize({}, undefined)).toEqual({ width: 46, height: 10 });
    expect(chartSize({}, 150)).toEqual({ width: 116, height: 10 });
    expect(chartSize({}, 40)).toEqual({ width: 30, height: 10 });
    expect(chartSize({ width: '72', height: '12' }, 150)).toEqual({ width: 72, height: 12 });
  });

  it('label the log axis in readable units: 100M … 10T, 1e18 … 1e27 for compute', async () => {
    const params = await simulate('--scenario', 'quality', '--width', '60');
    expect(params).toMatch(/\n\s+100M\s+1B\s+10B\s+100B\s+1T\s+10T\n/);
    const compute = await simulate('--scenario', 'quality', '--over', 'compute', '--width', '60');
    expect(compute).toMatch(/\n\s*1e18\s+1e19\s+1e20\s+1e21\s+1e22\s+1e23\s+1e24\s+1e25\s+1e26\s+1e27\n/);
    expect(compute).toContain('across training compute C (FLOPs), compute-optimal N and D');
  });

  it('name each line, key lines that end together with letters and a legend, and mark thresholds', async () => {
    const text = await simulate('--scenario', 'quality', '--width', '60');
    expect(text).toMatch(/▼ quality-low/);
    expect(text).toMatch(/ b, c\n/); // standard and high end at 100%: keyed, low ends at 90%
    expect(text).toMatch(/ a\n/);
    expect(text).toMatch(/\n\s+a {2}quality-low\n\s+b {2}quality-standard\n\s+c {2}quality-high\n/);
    const single = await simulate('--scenario', 'finite-eval', '--width', '40');
    expect(single).toMatch(/─ +sd\n/);
  });

  it('draw at most 8 lines a chart and say what was left out', async () => {
    const text = await simulate('--scenario', 'abilities', '--width', '40');
    expect(text.replace(/\s+/g, ' ')).toMatch(/Probability \/ score: \d+ more series not drawn \(.*\); choose fewer with --ability, or see them all with --format csv\./);
  });
});

describe('--format json', () => {
  it('holds the configuration that ran, every series, the summary, the report and the notes', async () => {
    const doc = await json('--scenario', 'finite-eval', '--steps', '11', '--trials', '50', '--items', '30');
    expect(doc.scenario).toBe('finite-eval');
    expect(doc.law.id).toBe('besiroglu2024');
    expect(doc.config).toMatchObject({ items: 30, trials: 50, sweep: { over: 'params', steps: 11 }, sample_trials: 3 });
    expect(doc.scale).toHaveLength(11);
    expect(doc.series.map((s: any) => s.values.length)).toEqual(Array(8).fill(11));
    expect(doc.summary[0]).toMatchObject({ name: 'true', unit: 'probability' });
    expect(doc.report).toMatchObject({ items: 30, trials: 50, draws: 550 });
    expect(doc.notes.length).toBeGreaterThan(0);
  });
});

describe('scenarios, sweeps and laws from flags and files', () => {
  it('runs the abilities scenario by default, with --ability in the order given', async () => {
    const rows = bySeries(await simulate('--ability', 'chain-of-thought,in-context-learning', '--format', 'csv'));
    expect([...rows.keys()]).toEqual(['chain-of-thought', 'in-context-learning']);
  });

  it('sweeps over tokens at fixed --params and over params at fixed --tokens', async () => {
    const tokens = await json('--ability', 'chain-of-thought', '--over', 'tokens', '--params', '7B');
    expect(tokens.config.sweep).toEqual({ over: 'tokens', from: 1e9, to: 1e14, steps: 61, quality: 1, params: 7e9 });
    const params = await json('--ability', 'chain-of-thought', '--tokens', '2T', '--quality', 'high');
    expect(params.config.sweep).toMatchObject({ over: 'params', tokens: 2e12, quality: 2 });
  });

  it('reads a scenario file, flags overriding it, and its law relative to the file', async () => {
    file('law.yaml', 'name: file-law\nform: chinchilla\nE: 1.69\nA: 406.4\nB: 410.7\nalpha: 0.34\nbeta: 0.28\nsource: test\n');
    const config = file('scenario.yaml', 'scenario: composition\nlaw: law.yaml\nparts: [code-syntax, code-logic]\nsweep: { steps: 9 }\n');
    const doc = await json('--config', config, '--to', '1T');
    expect(doc.law.id).toBe('file-law');
    expect(doc.config.sweep).toMatchObject({ steps: 9, to: 1e12 });
    expect(doc.series.map((s: any) => s.name)).toEqual(['code-syntax', 'code-logic', 'composite']);
    expect((await json('--config', config, '--law', 'kaplan2020')).law.id).toBe('kaplan2020');
  });

  it('takes abilities from --abilities FILE', async () => {
    const catalog = file('abilities.yaml', 'abilities:\n  - id: my-skill\n    threshold_params: 3B\n');
    const rows = bySeries(await simulate('--abilities', catalog, '--steps', '5', '--format', 'csv'));
    expect([...rows.keys()]).toEqual(['my-skill']);
  });
});

describe('usage errors: exit 2, one line naming the flag', () => {
  it.each([
    [['--steps', '0'], 'emerge simulate: --steps: must be an integer from 2 to 1e7 (the number of grid points), got 0'],
    [['--steps', '2.5'], 'emerge simulate: --steps: must be an integer from 2 to 1e7 (the number of grid points), got 2.5'],
    [['--steps', '1e9'], 'emerge simulate: --steps: must be an integer from 2 to 1e7 (the number of grid points), got 1e9'],
    [['--steps', 'many'], 'emerge simulate: --steps: "many" is not a number; use e.g. 61 or 1e5'],
    [['--from', '1e13', '--to', '1e9'], 'emerge simulate: --to: must be above from (1e13), got 1e9'],
    [['--from', '1e12', '--to', '1e12'], 'emerge simulate: --to: must be above from (1e12), got 1e12'],
    [['--from', '1e40'], 'emerge simulate: --from: must be a number from 1 to 1e35 (a scale: parameters, tokens or FLOPs), got 1e40'],
    [['--to', '1e400'], 'emerge simulate: --to: must be a number from 1 to 1e35 (a scale: parameters, tokens or FLOPs), got an infinite number'],
    [['--from', '-5'], 'emerge simulate: --from: must be a number from 1 to 1e35 (a scale: parameters, tokens or FLOPs), got -5'],
    [['--scenario', 'finite-eval', '--items', '1e12'], 'emerge simulate: --items: must be an integer from 1 to 1e9 (the number of benchmark items), got 1e12'],
    [['--scenario', 'finite-eval', '--steps', '1e5', '--trials', '1e6'], 'emerge simulate: 100000 steps × 1e6 trials = 1e11 binomial draws, more than the limit of 2e7; use fewer steps or trials'],
    [['--steps', '1e7', '--ability', 'chain-of-thought,in-context-learning,code-syntax,code-logic,code-quality,bigbench-math,bigbench-reasoning,bigbench-language,bigbench-programming,bigbench-commonsense,instruction-following-simple'], 'emerge simulate: 1e7 steps × 11 series = 1.1e8 values, more than the limit of 1e8; use fewer steps'],
    [['--scenario', 'mirag'], 'emerge simulate: --scenario: unknown scenario "mirag" (did you mean mirage?); scenarios: phase, abilities, mirage, composition, multitask, quality, finite-eval'],
    [['--scenario', 'mirage', '--config', 'fixtures/mirage-loss.yaml'], 'emerge simulate: --scenario: give either --scenario or a scenario file (the file names its scenario), not both'],
    [['--ability', 'chain-of-thougt'], 'emerge simulate: --ability: unknown ability "chain-of-thougt" (did you mean chain-of-thought?); `emerge thresholds` lists them all'],
    [['--scenario', 'phase', '--ability', 'chain-of-thought'], 'emerge simulate: --ability: does not apply to --scenario phase; write its abilities in a --config file'],
    [['--scenario', 'mirage', '--items', '10'], 'emerge simulate: --items: applies only to --scenario finite-eval (this is mirage)'],
    [['--quality', 'great'], 'emerge simulate: --quality: "great" is not a quality; use low, standard, high or a factor such as 1.5'],
    [['--params', '7B'], 'emerge simulate: --params: applies only to a sweep over tokens (this one is over params)'],
    [['--seed', '1.5'], 'emerge simulate: --seed: must be an integer from 0 to 4294967295 (a 32-bit seed), got 1.5'],
    [['--width', '5'], 'emerge simulate: --width: must be an integer from 10 to 1000 (columns of the plot), got "5"'],
    [['--height', '0'], 'emerge simulate: --height: must be an integer from 2 to 200 (rows of the plot), got "0"'],
    [['--law', 'chinchila'], 'emerge simulate: --law: unknown preset "chinchila"; presets: besiroglu2024, hoffmann2022, hoffmann2022-unrounded, kaplan2020; or give a YAML file'],
    [['--over', 'flops'], "emerge simulate: option '--over <axis>' argument 'flops' is invalid. Allowed choices are params, compute, tokens."],
  ])('%j', async (args, message) => {
    const { code, stderr } = await failure(...(args as string[]));
    expect(code).toBe(2);
    expect(stderr).toBe(`${message}\n`);
  });
});

describe('input errors: exit 1, one line naming file:line', () => {
  it.each([
    ['a YAML syntax error', 'scenario: mirage\nsweep: [1, 2\nlengths: [1]\n', /^emerge simulate: .*bad-syntax\.yaml:\d+: /],
    ['a value out of range', 'scenario: phase\nsweep:\n  steps: 0\n', /^emerge simulate: .*bad-syntax\.yaml:3: sweep\.steps: must be an integer from 2 to 1e7 \(the number of grid points\), got 0\n$/],
    ['an unknown key', 'scenario: mirage\nper_tokn: loss\n', /^emerge simulate: .*bad-syntax\.yaml:2: per_tokn: unknown key "per_tokn" \(did you mean per_token\?\)/],
    ['an ability the catalog lacks', 'scenario: quality\nability: chain-of-thougt\n', /^emerge simulate: .*bad-syntax\.yaml:2: ability: unknown ability "chain-of-thougt" \(did you mean chain-of-thought\?\)/],
  ])('%s', async (_, text, message) => {
    const path = file('bad-syntax.yaml', text);
    const { code, stderr } = await failure('--config', path);
    expect(code).toBe(1);
    expect(stderr).toMatch(message);
  });

  it('a missing file', async () => {
    const { code, stderr } = await failure('--config', join(tmp, 'nope.yaml'));
    expect(code).toBe(1);
    expect(stderr).toMatch(/nope\.yaml/);
  });
});
