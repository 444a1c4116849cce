// The default forecast of `emerge predict` (data/forecast-default.yaml) is what `emerge fit` fits to
// the long format of the corrected base-model file: fitted again here through the built CLI, byte
// for byte. And the long format is the file's numbers, two corrections aside.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { baseModelLongCsv, DEFAULT_BENCHMARKS, readBaseModels } from '../../src/io/base-models.js';
import { readCsvRows } from '../../src/io/evidence-sources.js';
import { dataFile } from '../../src/io/data-files.js';
import { fitDefaultForecast } from '../../scripts/default-forecast.js';

describe('the default forecast', () => {
  it('is exactly what emerge fit writes from the base models (npm run default-forecast)', () => {
    expect(fitDefaultForecast()).toBe(readFileSync(dataFile('forecast-default.yaml'), 'utf8'));
  });

  it('is fitted to the file\'s scores, with the two known source errors corrected', () => {
    const { models, withoutTokens } = readBaseModels();
    const raw = readCsvRows(dataFile('evidence-sources/obsscaling_base_models.csv'));
    expect(models.length + withoutTokens.length).toBe(raw.length);
    expect(models).toHaveLength(112);
    expect(withoutTokens).toContain('mistralai/Mixtral-8x7B-v0.1');
    const byName = new Map(models.map((m) => [m.model, m]));
    expect(byName.get('cerebras/btlm-3b-8k-base')).toMatchObject({ tokens: 627e9, compute: 6 * 3e9 * 627e9 });
    expect(byName.get('openlm-research/open_llama_7b_v2')).toMatchObject({ params: 7e9, compute: 6 * 7e9 * 1e12 });
    // Every other number is the file's: the long format read back against the raw rows.
    const lines = baseModelLongCsv(models).trim().split('\n');
    expect(lines[0]).toBe('task,model,params,tokens,score,random_baseline');
    const rawByName = new Map(raw.map((r) => [r.model!, r]));
    for (const line of lines.slice(1)) {
      const [task, model, params, tokens, score, baseline] = line.split(',') as [string, string, string, string, string, string];
      const b = DEFAULT_BENCHMARKS.find((x) => x.id === task)!;
      const r = rawByName.get(model)!;
      expect(Number(score)).toBe(Number(r[b.column]));
      expect(baseline).toBe(b.chance === undefined ? '' : String(b.chance));
      if (!['cerebras/btlm-3b-8k-base', 'openlm-research/open_llama_7b_v2'].includes(model)) expect([Number(params), Number(tokens)]).toEqual([Number(r.params), Number(r.training_tokens)]);
    }
    // 112 models × 8 benchmarks, less the scores the file lacks (ARC for Llama-3, HumanEval and XWinograd for some).
    expect(lines).toHaveLength(1 + 876);
  });
});
