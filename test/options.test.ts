// Options are declared once (src/options); the README documents every one of them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMAND_SPECS } from '../src/options/index.js';
import { longFlag } from '../src/options/spec.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('option specs', () => {
  const flags = COMMAND_SPECS.flatMap((spec) => spec.options.map((o) => [spec.name, longFlag(o)] as const));

  it.each(flags)('emerge %s %s is documented in the README', (command, flag) => {
    expect(readme).toContain(`emerge ${command}`);
    expect(readme).toContain(flag);
  });

  it('every command has examples that name it', () => {
    for (const spec of COMMAND_SPECS) {
      expect(spec.examples.length).toBeGreaterThan(0);
      for (const example of spec.examples) expect(example.command.startsWith(`emerge ${spec.name}`)).toBe(true);
    }
  });
});
