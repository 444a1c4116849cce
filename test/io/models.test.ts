import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { findModel, loadModelCatalog } from '../../src/io/models.js';

describe('the model catalog', () => {
  it('holds the 25 landmark models of ../shared/data/landmark_models.csv', () => {
    expect(loadModelCatalog()).toHaveLength(25);
  });

  it('finds models by slug, whatever the spelling', () => {
    expect(findModel('llama-2-70b')).toMatchObject({ name: 'Llama-2-70B', params: 70e9, tokens: 2e12 });
    expect(findModel('Llama-2-7B')).toMatchObject({ params: 7e9, tokens: 2e12 });
    expect(findModel('chinchilla-70b')).toMatchObject({ params: 70e9, tokens: 1.4e12 });
    expect(findModel('llama-3.1-405b').params).toBe(405e9);
    expect(findModel('gpt-3-175b').name).toBe('GPT-3 175B (davinci)');
  });

  it('knows which models have no token count (LaMDA: words, not tokens)', () => {
    expect(findModel('lamda-137b').tokens).toBeUndefined();
  });

  it('suggests close matches for an unknown slug', () => {
    expect(() => findModel('llama-2-70')).toThrow(UsageError);
    expect(() => findModel('lama-2-70b')).toThrow('did you mean llama-2-70b');
    expect(() => findModel('llama-2')).toThrow('did you mean llama-2-7b, llama-2-13b, llama-2-70b');
  });
});
