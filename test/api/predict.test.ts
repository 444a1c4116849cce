// The library's predict is the CLI's `predict --format json`, field for field, for every way of
// giving a model; its errors are the CLI's, as typed classes; it writes nothing.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { abilityCatalog, InputError, loadForecast, predict, predictMany, presetLaw, UsageError } from '../../src/api/index.js';
import { runCli } from '../helpers/run-cli.js';

async function cliJson(args: string[]): Promise<unknown> {
  const result = await runCli(['predict', ...args, '--format', 'json']);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

/** What JSON keeps of a value: the CLI's document is JSON, so the API's must survive a round trip (no NaN or Infinity). */
const jsonRoundTrip = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('predict (the library)', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each([
    [['--params', '70e9'], { params: 70e9 }],
    [['--params', '70e9', '--tokens', '2e12'], { params: 70e9, tokens: 2e12 }],
    [['--model', 'llama-3-70b'], { model: 'llama-3-70b' }],
    [['--compute', '1e24', '--quality', 'high'], { compute: 1e24, quality: 'high' as const }],
    [['--layers', '80', '--d-model', '8192', '--vocab', '32000', '--tokens', '1.4e12', '--law', 'hoffmann2022'], { layers: 80, dModel: 8192, vocab: 32000, tokens: 1.4e12, law: 'hoffmann2022' }],
    [['--params', '7e9', '--quality', '1.5', '--ability', 'chain-of-thought,in-context-learning', '--no-forecast'], { params: 7e9, quality: 1.5, abilities: ['chain-of-thought', 'in-context-learning'], forecast: false as const }],
    [['--params', '13e9', '--forecast', 'data/forecast-default.yaml'], { params: 13e9, forecast: loadForecast('data/forecast-default.yaml') }],
  ])('emerge predict %j --format json', async (args, input) => {
    const document = predict(input);
    expect(document).toEqual(await cliJson(args));
    expect(jsonRoundTrip(document)).toEqual(document);
  });

  it('gives the default forecast of eight benchmarks, and takes a law or catalog as objects', () => {
    const document = predict({ params: 70e9, tokens: 2e12, law: presetLaw('besiroglu2024'), catalog: abilityCatalog() });
    expect(document.results[0]!.forecasts!.map((f) => f.id)).toEqual(['mmlu', 'arc-challenge', 'hellaswag', 'winogrande', 'truthfulqa', 'gsm8k', 'xwinograd', 'humaneval']);
    expect(document).toEqual(predict({ params: 70e9, tokens: 2e12 }));
  });

  it('predicts several models as a --config list does', async () => {
    const document = predictMany([{ params: 7e9, name: 'small' }, { params: 70e9, tokens: 2e12, name: 'large' }], { forecast: false });
    expect(document.results.map((r) => r.name)).toEqual(['small', 'large']);
    expect(document.results[1]).toEqual(predict({ params: 70e9, tokens: 2e12, name: 'large', forecast: false }).results[0]);
  });

  it.each([
    [{ params: -1 }, ['--params', '-1']],
    [{ params: 1e17 }, ['--params', '100000000000000000']],
    [{ params: 70e9, tokens: 2e12, compute: 1e24 }, ['--params', '70e9', '--tokens', '2e12', '--compute', '1e24']],
    [{ model: 'lama-3-70b' }, ['--model', 'lama-3-70b']],
    [{ params: 70e9, law: 'hofmann2022' }, ['--params', '70e9', '--law', 'hofmann2022']],
    [{ params: 70e9, abilities: ['chain-of-thougt'] }, ['--params', '70e9', '--ability', 'chain-of-thougt']],
    [{ params: 70e9, quality: 'superb' as 'high' }, ['--params', '70e9', '--quality', 'superb']],
  ])('throws UsageError for %j with the message of emerge predict', async (input, args) => {
    const cli = await runCli(['predict', ...args]);
    expect(cli.code).toBe(2);
    const message = cli.stderr.trim().replace(/^emerge predict: /, '');
    expect(() => predict(input)).toThrow(UsageError);
    // A law file is loadLaw(path)'s to read: the API's --law takes presets (and law objects) only.
    expect(() => predict(input)).toThrow(message.replace(/; or give a YAML file$/, ''));
  });

  it('rejects a misspelt field (JavaScript callers have no types to catch it) and a model-less call', () => {
    expect(() => predict({ param: 70e9 } as never)).toThrow(/predict: unknown field "param" \(did you mean params\?\)/);
    expect(() => predict({})).toThrow(UsageError);
    expect(() => predictMany([{ params: 7e9 }, { params: -5 }])).toThrow(/^models\[1\]: --params: "-5" must be at least 1/);
  });

  it('writes nothing to stdout or stderr, and reads no file the caller did not name', () => {
    const out = vi.spyOn(process.stdout, 'write');
    const err = vi.spyOn(process.stderr, 'write');
    predict({ params: 8e9, tokens: 15e12 });
    expect(out).not.toHaveBeenCalled();
    expect(err).not.toHaveBeenCalled();
    expect(() => loadForecast('fixtures/no-such-forecast.yaml')).toThrow(InputError);
  });
});
