// --plot on every command, rendered in-process (the pictures are shared between the tests): SVG a
// strict XML parser accepts, PNG of the right size, .vl.json valid against the pinned Vega-Lite
// schema, the same bytes from a seeded run, and one-line usage errors.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Validator } from '@cfworker/json-schema';
import { XMLValidator } from 'fast-xml-parser';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { svgOf, writePlot } from '../../src/io/plot-file.js';
import { runCli } from '../helpers/run-cli.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Spec = any;

const dir = mkdtempSync(join(tmpdir(), 'emerge-plot-'));
const at = (name: string): string => join(dir, name);
const CURVES = ['fit', 'fixtures/emergence_obsscaling_bigbench.csv', '--x', 'compute', '--bootstrap', '20'];
const PREDICT = ['predict', '--params', '8B', '--tokens', '15T', '--ability', 'in-context-learning,chain-of-thought'];

/** Runs the CLI and returns its stdout, failing on a non-zero exit. */
async function run(argv: string[]): Promise<string> {
  const result = await runCli(argv);
  expect(result.stderr.split('\n').filter((l) => !/^emerge: /.test(l) && l !== '')).toEqual([]);
  expect(result.code).toBe(0);
  return result.stdout;
}

/** The README's pictures: `emerge ... --plot docs/img/NAME.svg` in the sh blocks of its section "Pictures". */
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const picturesSection = readme.slice(readme.indexOf('\n## Pictures\n'), readme.indexOf('\n## ', readme.indexOf('\n## Pictures\n') + 1));
const README_PICTURES = [...picturesSection.matchAll(/```sh\nemerge (.*) --plot docs\/img\/([\w-]+\.svg)\n```/g)].map((m) => ({ argv: m[1]!.split(' '), file: m[2]! }));

const pictures: Record<string, string> = {};
/** stdout of predict without and with --plot, by format. */
const outputs: Record<string, [string, string]> = {};

beforeAll(async () => {
  const jobs: [string, string[]][] = [
    ...README_PICTURES.map(({ file, argv }): [string, string[]] => [file, argv]),
    ['predict.png', [...PREDICT, '--plot-size', '900x600']],
    ['curves.vl.json', CURVES],
    ['finite-eval.png', ['simulate', '--scenario', 'finite-eval', '--trials', '200']],
    ['finite-eval-again.png', ['simulate', '--scenario', 'finite-eval', '--trials', '200']],
    ['thresholds.vl.json', ['thresholds', '--params', '70e9']],
    ['forecast.vl.json', ['fit', 'fixtures/ladder_rpj_paper.csv', '--holdout-above', '1e21']],
  ];
  for (const [name, argv] of jobs) await run([...argv, '--plot', at(name)]);
  for (const format of ['table', 'json']) outputs[format] = [await run([...PREDICT, '--format', format]), await run([...PREDICT, '--format', format, '--plot', at(`predict-${format}.vl.json`)])];
  for (const name of readdirSync(dir)) pictures[name] = at(name);
});

/**
 * What a picture shows, not its bytes: each mark's role and data (its ARIA label), every text, and
 * the shapes drawn, to the nearest pixel (a curve's data is its path).
 */
function structure(svg: string): string[] {
  const marks = [...svg.matchAll(/aria-roledescription="([^"]*)"(?: aria-label="([^"]*)")?|aria-label="([^"]*)" role="graphics-symbol" aria-roledescription="([^"]*)"/g)].map((m) => `${m[1] ?? m[4]}: ${m[2] ?? m[3] ?? ''}`);
  const texts = [...svg.matchAll(/>([^<>]+)</g)].map((m) => m[1]!);
  const paths = [...svg.matchAll(/ d="([^"]*)"/g)].map((m) => m[1]!.replace(/-?\d+(\.\d+)?(e-?\d+)?/g, (n) => String(Math.round(Number(n)))));
  return [...marks, ...texts, ...paths];
}

describe('the README\'s pictures', () => {
  it('are three, each produced by the command shown beside it (the same marks, data and text)', () => {
    expect(README_PICTURES.map((p) => p.file)).toEqual(['predict.svg', 'finite-eval.svg', 'thresholds.svg']);
    for (const { file } of README_PICTURES) {
      const committed = readFileSync(new URL(`../../docs/img/${file}`, import.meta.url), 'utf8');
      const fresh = readFileSync(pictures[file]!, 'utf8');
      expect(structure(fresh).length).toBeGreaterThan(40);
      expect(structure(fresh), `docs/img/${file} is stale: run the command shown in the README`).toEqual(structure(committed));
    }
  });
});

describe('--plot FILE.svg', () => {
  it('is XML a strict parser accepts, with the title, the axis titles and the legend', () => {
    const svg = readFileSync(pictures['predict.svg']!, 'utf8');
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toMatch(/^<svg [^>]*width="1200" height="750"/);
    for (const text of ['Probability of emergence across effective size', 'probability of emergence', 'effective parameters N_eff', 'in-context-learning', 'chain-of-thought', '8B: N_eff 96.5B']) {
      expect(svg).toContain(`>${text}`);
    }
    // A font list, so that the SVG reads well without the shipped font too.
    expect(svg).toContain('font-family="Lato, &apos;Helvetica Neue&apos;, Helvetica, Arial, sans-serif"'.replace(/&apos;/g, "'"));
  });

  it('draws one mark per data point', async () => {
    // The SVG of the written specification (the picture --plot curves.svg would write).
    const spec = JSON.parse(readFileSync(pictures['curves.vl.json']!, 'utf8'));
    const svg = await svgOf(spec);
    expect(XMLValidator.validate(svg)).toBe(true);
    const layers = (kind: string) => spec.concat.flatMap((panel: Spec) => panel.layer.filter((l: Spec) => l.mark.type === kind));
    const observed = layers('point').reduce((n: number, l: Spec) => n + l.data.values.length, 0);
    expect(observed).toBeGreaterThan(400);
    expect((svg.match(/aria-roledescription="point"/g) ?? []).length).toBe(observed);
    // A panel per fitted curve, each with its threshold rule and its bootstrap band.
    expect(spec.concat).toHaveLength(8);
    expect((svg.match(/aria-roledescription="rule mark"/g) ?? []).length).toBe(8);
    expect((svg.match(/aria-roledescription="area mark"/g) ?? []).length).toBe(8);
    expect(svg).toContain('>arithmetic/2_digit_addition/acc<');
  });
});

describe('--plot of a forecast', () => {
  // The Gadre et al. ladder, back-tested above 1e21 FLOPs: 6 runs fitted, the 2 targets held out.
  it('draws a panel per task (at most 16) with its interval band, the fitted and the held-out runs', () => {
    const spec = JSON.parse(readFileSync(pictures['forecast.vl.json']!, 'utf8'));
    expect(spec.concat).toHaveLength(16);
    const values = (panel: Spec, series: string) => panel.layer.flatMap((l: Spec) => l.data.values.filter((v: Spec) => v.series === series));
    for (const panel of spec.concat) {
      expect(panel.layer.some((l: Spec) => l.mark.type === 'area')).toBe(true);
      expect(values(panel, 'fitted runs')).toHaveLength(6);
      expect(values(panel, 'held-out runs')).toHaveLength(2);
      for (const band of values(panel, '80% interval')) expect(band.y).toBeLessThanOrEqual(band.y2);
    }
    expect(JSON.stringify(spec)).toContain('16 of 46 tasks drawn');
  });
});

describe('--plot FILE.png', () => {
  it('has the --plot-size and more than one colour', () => {
    const png = PNG.sync.read(readFileSync(pictures['predict.png']!));
    expect([png.width, png.height]).toEqual([900, 600]);
    const colours = new Set<number>();
    for (let i = 0; i < png.data.length; i += 4 * 97) colours.add(png.data.readUInt32BE(i));
    expect(colours.size).toBeGreaterThan(10);
  });

  it('is the same bytes from the same seeded run', () => {
    expect(readFileSync(pictures['finite-eval.png']!).equals(readFileSync(pictures['finite-eval-again.png']!))).toBe(true);
    const png = PNG.sync.read(readFileSync(pictures['finite-eval.png']!));
    expect([png.width, png.height]).toEqual([1200, 750]);
  });
});

describe('--plot FILE.vl.json', () => {
  const schema = JSON.parse(readFileSync(new URL('../../node_modules/vega-lite/build/vega-lite-schema.json', import.meta.url), 'utf8'));
  // A validator that interprets the schema (compiling its 1.9 MB with ajv takes 12 s).
  const validator = new Validator(schema, '7', false);

  it.each(['predict-json.vl.json', 'curves.vl.json', 'thresholds.vl.json', 'forecast.vl.json'])('%s validates against the Vega-Lite schema of the pinned version', (name) => {
    const spec = JSON.parse(readFileSync(pictures[name]!, 'utf8'));
    const result = validator.validate(spec);
    expect(result.valid, JSON.stringify(result.errors.slice(-3))).toBe(true);
    expect(spec.$schema).toBe('https://vega.github.io/schema/vega-lite/v6.json');
  });

  it('carries its data inline', () => {
    const spec = JSON.parse(readFileSync(pictures['curves.vl.json']!, 'utf8'));
    const layers = spec.concat.flatMap((panel: Spec) => panel.layer);
    expect(layers.every((l: Spec) => Array.isArray(l.data.values))).toBe(true);
    const series = new Set(layers.flatMap((l: Spec) => l.data.values.flatMap((v: Spec) => (v.series === undefined ? [] : [v.series]))));
    expect([...series]).toEqual(['95% bootstrap band', 'fitted sigmoid', 'models']);
  });
});

describe('--plot errors', () => {
  const existing = at('keep.svg');
  writeFileSync(existing, 'original');

  it.each([
    [['--plot', at('chart.gif')], /--plot: ".*chart\.gif": give a file name ending in \.svg, \.png or \.vl\.json$/],
    [['--plot', `${dir}/`], /--plot: ".*": give a file name, not a folder/],
    [['--plot', join(dir, 'missing', 'p.svg')], /--plot: ".*p\.svg": the folder ".*missing" does not exist$/],
    [['--plot', at('p.svg'), '--plot-size', '10x10'], /--plot-size: "10x10" is not a size in pixels WIDTHxHEIGHT/],
    [['--plot-size', '800x600'], /--plot-size: give --plot FILE too/],
  ])('%s is a one-line usage error (exit 2)', async (flags, message) => {
    const result = await runCli([...PREDICT, ...flags]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr.trimEnd()).toMatch(message);
  });

  it('replaces an existing file only with a complete picture', async () => {
    const target = { path: existing, format: 'svg' as const, width: 600, height: 400 };
    // A specification vega-lite cannot compile: nothing is written, the file stays.
    await expect(writePlot({ mark: 'no-such-mark', data: { values: [] } }, target)).rejects.toThrow();
    expect(readFileSync(existing, 'utf8')).toBe('original');
    await writePlot(JSON.parse(readFileSync(pictures['thresholds.vl.json']!, 'utf8')), target);
    expect(readFileSync(existing, 'utf8')).toMatch(/^<svg [^>]*width="600" height="400"/);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('with --input, --stages or without a chart to draw is refused', async () => {
    for (const argv of [['predict', '--input', 'fixtures/plans.csv'], ['thresholds', '--stages']]) {
      const result = await runCli([...argv, '--plot', at('x.svg')]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^emerge \w+: --plot: not/);
    }
    expect(existsSync(at('x.svg'))).toBe(false);
  });
});

describe('--plot and stdout', () => {
  it('leaves the output of every format as it was', () => {
    for (const [plain, plotted] of Object.values(outputs)) expect(plotted).toBe(plain);
    expect(Object.keys(outputs)).toEqual(['table', 'json']);
  });
});
