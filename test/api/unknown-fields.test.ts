// A misspelt option, which JavaScript callers have no types to catch, is a UsageError with close
// matches, never an option silently ignored.
import { describe, expect, it } from 'vitest';
import { fitCurves, fitForecast, fitLaw, predict, predictMany, simulate, UsageError } from '../../src/api/index.js';

describe('unknown option fields', () => {
  it.each([
    ['predict', () => predict({ params: 7e9, forcast: false } as never), /^predict: unknown field "forcast" \(did you mean forecast\?\)/],
    ['simulate', () => simulate({ stepz: 5 } as never), /^simulate: unknown field "stepz" \(did you mean steps\?\)/],
    // An option in a model of a list is not an option of the list: it would be ignored.
    ['predictMany', () => predictMany([{ params: 7e9 }, { params: 7e9, law: 'hoffmann2022' } as never]), /^models\[1\]: predict: unknown field "law"/],
  ])('%s', (_name, call, message) => {
    expect(call).toThrow(UsageError);
    expect(call).toThrow(message);
  });

  it.each([
    ['fitLaw', () => fitLaw([{ params: 1e8, tokens: 1e9, loss: 3 }], { bootstap: 0 } as never), /^fitLaw: unknown field "bootstap" \(did you mean bootstrap\?\)/],
    ['fitCurves', () => fitCurves([{ task: 't', params: 1e9, score: 0.1 }], { fitCeilng: true } as never), /^fitCurves: unknown field "fitCeilng" \(did you mean fitCeiling\?\)/],
    ['fitForecast', () => fitForecast([{ params: 1e8, tokens: 1e9, loss: 3, task: 't', score: 0.3 }], { levle: 0.8 } as never), /^fitForecast: unknown field "levle" \(did you mean level\?\)/],
  ])('%s', async (_name, call, message) => {
    await expect(call()).rejects.toThrow(UsageError);
    await expect(call()).rejects.toThrow(message);
  });
});
