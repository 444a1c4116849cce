// docs/api.md is generated from the API's exports and their TSDoc (scripts/make-api-docs.ts): the
// committed file must be current, and every exported name must say what it is.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiSymbols } from '../../scripts/api-surface.js';
import { apiReference } from '../../scripts/make-api-docs.js';

describe('docs/api.md', () => {
  const symbols = apiSymbols();
  const { markdown, undocumented } = apiReference(symbols);

  it('is what scripts/make-api-docs.ts writes from src/api/index.ts (run npm run api-docs after changing the API)', () => {
    expect(readFileSync(new URL('../../docs/api.md', import.meta.url), 'utf8')).toBe(markdown);
  });

  it('documents every exported name: each has a TSDoc description', () => {
    expect(undocumented, `exported without a TSDoc description: ${undocumented.join(', ')}`).toEqual([]);
  });

  it('has an entry for every export of src/api/index.ts, values (as imported) and types', async () => {
    const values = Object.keys(await import('../../src/api/index.js')).sort();
    expect(symbols.filter((s) => s.value).map((s) => s.name).sort()).toEqual(values);
    for (const symbol of symbols) expect(markdown).toContain(`### ${symbol.name}\n`);
  });
});
