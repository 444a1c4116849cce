import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { calibrateIntervals, type ForecastSpec } from '../../src/core/forecast/index.js';
import { formatForecastFile, readForecastFile } from '../../src/io/forecast-file.js';

const tmp = mkdtempSync(join(tmpdir(), 'emerge-forecast-file-'));
function file(name: string, text: string): string {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
}

const law = { form: 'chinchilla' as const, id: 'forecast', source: 'test', E: 1.8163542937501023, A: 149.9330457851642, B: 289.864189466341, alpha: 0.2657909821415487, beta: 0.2734177011681931 };
const spec: ForecastSpec = {
  level: 0.8,
  source: 'emerge fit ladder.csv: 6 runs, 1.34e16–2.49e20 FLOPs',
  law,
  intervals: { 'two-step': calibrateIntervals([{ error: 0.02, distance: 0.3 }, { error: -0.05, distance: 1 }, { error: 0.01, distance: 0.6 }]) },
  tasks: [
    { id: 'hellaswag', name: 'hellaswag', method: 'two-step', largestCompute: 2.487612261531648e20, twoStep: { L0: 2.61, k: 3.9, floor: 0.25, ceiling: 0.866 }, oneStep: { C0: 3.07e20, k: 1.52, floor: 0.25, ceiling: 0.87 } },
    { id: 'mmlu', name: 'MMLU (5-shot)', method: 'one-step', largestCompute: 2.487612261531648e20, oneStep: { C0: 2.2e23, k: 0.5, floor: 0.25, ceiling: 0.9 } },
  ],
};
const text = formatForecastFile({ spec, taskInfo: new Map([['hellaswag', { chosen_by: 'via', runs: 6 }]]), fit: { data: { file: 'ladder.csv', rows: 276 } }, comment: ['a test forecast'] });

describe('forecast files', () => {
  it('read back as the forecast that was written, number for number', () => {
    const back = readForecastFile(file('round-trip.yaml', text));
    expect(back).toEqual({ ...spec, law: { ...law, id: 'forecast', source: expect.any(String) } });
    expect(back.law!.E).toBe(law.E);
    expect(text).toMatch(/^# a test forecast\n\nkind: forecast\nversion: 1\n/);
  });

  it('read back scaled intervals with each task\'s scale', () => {
    const errors = [{ task: 'hellaswag', error: 0.02, distance: 0.3 }, { task: 'mmlu', error: -0.05, distance: 1 }, { task: 'mmlu', error: 0.01, distance: 0.6 }];
    const scales: Record<string, number> = { hellaswag: 0.04, mmlu: 0.08 };
    const scaled: ForecastSpec = {
      ...spec,
      intervals: { 'one-step': calibrateIntervals(errors, 2, (e) => scales[e.task]!) },
      tasks: spec.tasks.map((t) => ({ ...t, method: 'one-step' as const, scale: { 'one-step': scales[t.id]! } })),
    };
    const written = formatForecastFile({ spec: scaled, taskInfo: new Map(), fit: {}, comment: [] });
    expect(readForecastFile(file('scaled.yaml', written))).toEqual({ ...scaled, law: { ...law, id: 'forecast', source: expect.any(String) } });
    const unscaled = written.replace(/\n *interval_scale: \{ one_step: 0\.08 \}/, '');
    expect(() => readForecastFile(file('scaled-missing.yaml', unscaled))).toThrow(/task "mmlu" has no interval_scale\.one_step, which scaled intervals need/);
  });

  const bad: [string, string, string][] = [
    ['a law file', 'name: x\nE: 1.7\nA: 400\nB: 400\nalpha: 0.3\nbeta: 0.3\n', 'is not a forecast file (no "kind: forecast"; it looks like a scaling law, which --law reads); forecasts are written by emerge fit --output'],
    ['an ability catalog', 'abilities:\n  - id: a\n    threshold_params: 1e9\n', 'is not a forecast file (no "kind: forecast"; it looks like an ability catalog, which --abilities reads)'],
    ['another kind', 'kind: law\nversion: 1\n', ':1: kind: is not a forecast file (kind is "law")'],
    ['another version', text.replace('version: 1', 'version: 2'), ':4: version: version 2 is not supported; this emerge reads forecast files of version 1'],
    ['a list', '- 1\n- 2\n', 'is not a forecast: expected a mapping with kind: forecast'],
    ['an unknown key', text.replace('level: 0.8', 'level: 0.8\nlevle: 0.9'), ':7: levle: unknown key "levle" (did you mean level?)'],
    ['a method without its curve', text.replace('method: one-step', 'method: two-step'), 'task "mmlu" forecasts in two steps but has no two_step curve'],
    ['a ceiling under the floor', text.replace('ceiling: 0.9 }', 'ceiling: 0.2 }'), 'tasks[1].one_step.ceiling: the ceiling (0.2) must be above the floor (0.25)'],
    ['a score above 1', text.replace('floor: 0.25, ceiling: 0.9 }', 'floor: 1.5, ceiling: 2 }'), 'tasks[1].one_step.floor: 1.5 is too large to be a score on 0–1'],
    ['too few quantiles', text.replace(/quantiles: \[ [^\]]*\]/, 'quantiles: [ 0, 1 ]'), 'expected 101 quantiles (levels 0, 0.01, …, 1), got 2'],
  ];

  it.each(bad)('refuse %s in one line naming the file', (name, content, message) => {
    const path = file(`${name.replace(/ /g, '-')}.yaml`, content);
    let thrown: unknown;
    try {
      readForecastFile(path);
    } catch (error) {
      thrown = error;
    }
    expect((thrown as Error).name).toBe('InputError');
    expect((thrown as Error).message).toContain(path);
    expect((thrown as Error).message).toContain(message);
    expect((thrown as Error).message).not.toContain('\n');
  });
});
