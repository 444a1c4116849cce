// Every ```console example of the README is run against the built binary, and every TypeScript
// example against the built library, and must print exactly what the README shows (refresh with
// `node scripts/readme-examples.mjs --update`).
import { describe, expect, it } from 'vitest';
import { readmeCodeExamples, readmeExamples, runCodeExample, runExample, typeCheckCodeExamples } from '../../scripts/readme-examples.mjs';

const examples = readmeExamples();
const codeExamples = readmeCodeExamples();

describe('README examples', () => {
  it('has examples', () => expect(examples.length).toBeGreaterThan(3));

  it.each(examples.map((e) => [e.command, e.shown]))('$ %s', (command, shown) => {
    expect(runExample(command)).toBe(shown);
  });

  it('has TypeScript examples', () => expect(codeExamples.length).toBeGreaterThan(2));

  it.each(codeExamples.map((e) => [e.code.split('\n').find((line) => line.startsWith('import')), e.code, e.shown]))('%s ...', (_first, code, shown) => {
    expect(runCodeExample(code)).toBe(shown);
  });

  it('has TypeScript examples that type-check with tsc --strict against the package\'s declarations', () => {
    expect(typeCheckCodeExamples(codeExamples.map((e) => e.code))).toBe('');
  });
});
