// man/emerge.1 is generated from the option table: the committed page must be current.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMAND_SPECS } from '../../src/options/index.js';
import { longFlag } from '../../src/options/spec.js';
import { manPageText } from '../../scripts/make-man.js';

describe('man/emerge.1', () => {
  const committed = readFileSync(new URL('../../man/emerge.1', import.meta.url), 'utf8');

  it('is what scripts/make-man.ts writes from the option table (run it after changing an option)', () => {
    expect(committed).toBe(manPageText());
  });

  it('has a section per command and an entry per flag', () => {
    for (const spec of COMMAND_SPECS) {
      expect(committed).toContain(`.SH "EMERGE ${spec.name.toUpperCase()}"`);
      for (const option of spec.options) expect(committed).toContain(`\\fB${longFlag(option).replace(/-/g, '\\-')}\\fR`);
    }
  });
});
