// Every ```console example of the README is run against the built binary and must print exactly
// what the README shows (refresh with `node scripts/readme-examples.mjs --update`).
import { describe, expect, it } from 'vitest';
import { readmeExamples, runExample } from '../../scripts/readme-examples.mjs';

const examples = readmeExamples();

describe('README examples', () => {
  it('has examples', () => expect(examples.length).toBeGreaterThan(3));

  it.each(examples.map((e) => [e.command, e.shown]))('$ %s', (command, shown) => {
    expect(runExample(command)).toBe(shown);
  });
});
