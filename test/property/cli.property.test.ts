// Property-based test (fast-check) of the whole command line: random flags and values for every
// subcommand. Whatever the input, the program answers with exit code 0, 1 or 2; a failure is a
// message on stderr (one line, except the gate's report), never a stack trace; and no output ever
// contains NaN, Infinity or undefined.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMAND_SPECS } from '../../src/options/index.js';
import { longFlag } from '../../src/options/spec.js';
import { runCli } from '../helpers/run-cli.js';

const VALUES = [
  '70e9', '7B', '1.4T', '350M', '1e24', '-5', '0', 'NaN', 'Infinity', '1e400', 'abc', '', '0.5', '2', '100', '3', '1e30',
  'high', 'low', 'in-context-learning', 'chain-of-thought,code-logic', 'no-such-id', 'llama-2-7b', 'lamda-137b', 'gpt-9',
  'besiroglu2024', 'kaplan2020', 'fixtures/plans.csv', 'fixtures/plan.yaml', 'fixtures/my-law.yaml', 'fixtures/my-abilities.yaml',
  'fixtures/missing.csv', '-', 'json', 'csv', 'table', 'zh', 'mirage', 'phase', 'compute', 'params', 'tokens', 'code-generation',
  '\u001b[31mred', '=1+2', '../../etc/passwd',
];
const BAD_OUTPUT = /NaN|Infinity|undefined|\n\s+at /;
/** Output without the user's own words echoed back in messages ("NaN" is not a number). */
const computed = (text: string, argv: string[]): string => argv.filter((a) => a.length > 1).reduce((t, a) => t.split(a).join(''), text);

// Keep each run small: no full 4,500-start law fit, no large bootstrap or sweep.
const FAST: Record<string, string[]> = { fit: ['--grid', 'coarse', '--bootstrap', '0'], simulate: ['--steps', '50'] };

// Files the program writes go to a scratch directory, never over the project's own files.
const scratch = mkdtempSync(join(tmpdir(), 'emerge-cli-property-'));
const OUTPUTS = [join(scratch, 'out.yaml'), join(scratch, 'missing-dir', 'out.yaml'), scratch];

const invocation = fc.constantFrom(...COMMAND_SPECS).chain((spec) => {
  const flags = spec.options.map((o) => ({ flag: longFlag(o), takesValue: /[<[]/.test(o.flags) }));
  const valuesOf = (flag: string): readonly string[] => (flag === '--output' ? OUTPUTS : VALUES);
  const option: fc.Arbitrary<string[]> =
    flags.length === 0
      ? fc.constant([])
      : fc.constantFrom(...flags).chain(({ flag, takesValue }) => (takesValue ? fc.constantFrom(...valuesOf(flag)).map((v) => [flag, v]) : fc.constant([flag])));
  const positional = spec.arguments?.length
    ? fc.constantFrom('fixtures/chinchilla_runs.csv', 'fixtures/emergence_obsscaling_bigbench.csv', 'fixtures/plans.csv', 'fixtures/plan.yaml', 'fixtures/mirage-loss.yaml', 'fixtures/missing.csv', '-', 'bash')
    : fc.constant(undefined);
  return fc.tuple(fc.constant(spec.name), positional, fc.array(option, { maxLength: 4 }), fc.constantFrom('', 'params,tokens\n7B,1T\n', 'x'));
});

describe('the command line (property)', () => {
  it('answers any combination of flags with 0, 1 or 2 and clean output', async () => {
    await fc.assert(
      fc.asyncProperty(invocation, async ([name, positional, options, stdin]) => {
        const argv = [name, ...(positional ? [positional] : []), ...options.flat(), ...(FAST[name] ?? [])];
        const result = await runCli(argv, { stdin });
        expect([0, 1, 2], argv.join(' ')).toContain(result.code);
        expect(computed(result.stdout, argv), argv.join(' ')).not.toMatch(BAD_OUTPUT);
        expect(computed(result.stderr, argv), argv.join(' ')).not.toMatch(BAD_OUTPUT);
        expect(result.stderr, argv.join(' ')).not.toMatch(/\u001b\[/);
        if (result.code === 2) expect(result.stderr.trim().split('\n'), argv.join(' ')).toHaveLength(1);
        if (result.code !== 0) expect(result.stderr.trim(), argv.join(' ')).not.toBe('');
      }),
      { numRuns: 150 },
    );
  });
});
