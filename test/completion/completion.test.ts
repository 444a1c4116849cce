// emerge completion: the scripts complete what the option table declares. The bash script is
// loaded into a real bash (the process is what is tested) and its function driven directly.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLawPresets } from '../../src/io/laws.js';
import { FIT_KINDS } from '../../src/options/fit.js';
import { COMMAND_SPECS } from '../../src/options/index.js';
import { longFlag } from '../../src/options/spec.js';
import { runCli } from '../helpers/run-cli.js';

const script = async (shell: string): Promise<string> => {
  const result = await runCli(['completion', shell]);
  expect(result.code, result.stderr).toBe(0);
  return result.stdout;
};

describe('emerge completion bash', () => {
  // Each case: the command line typed so far (a trailing space starts a new word) → what bash offers.
  const cases = [
    'emerge pre',
    'emerge predict --law ',
    'emerge predict --form',
    'emerge predict --format ',
    'emerge thresholds --require in-context-learning,chain-of-th',
    'emerge predict --model llama-2-',
    'emerge simulate --scenario mi',
    'emerge fit runs.csv --kind ',
    'emerge completion ',
    'emerge predict --params ',
  ];
  let replies: Map<string, string[]>;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emerge-completion-'));
    const file = join(dir, 'emerge.bash');
    writeFileSync(file, await script('bash'));
    const drive = cases
      .map((line) => `COMP_WORDS=(${line.split(' ').map((w) => `'${w}'`).join(' ')}); COMP_CWORD=$(( \${#COMP_WORDS[@]} - 1 )); _emerge; echo "\${COMPREPLY[*]}"`)
      .join('\n');
    // An empty directory as the working directory: file names do not mix into the replies.
    const empty = mkdtempSync(join(tmpdir(), 'emerge-completion-cwd-'));
    const result = spawnSync('bash', ['-c', `source '${file}'\n${drive}`], { cwd: empty, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    const lines = result.stdout.split('\n');
    replies = new Map(cases.map((line, i) => [line, lines[i]!.split(' ').filter((w) => w !== '')]));
  });

  it('completes a subcommand', () => expect(replies.get('emerge pre')).toEqual(['predict']));
  it('completes --law to the preset names', () => expect(replies.get('emerge predict --law ')).toEqual([...loadLawPresets().presets.keys()]));
  it('completes a flag and its choices', () => {
    expect(replies.get('emerge predict --form')).toEqual(['--format']);
    expect(replies.get('emerge predict --format ')).toEqual(['table', 'csv', 'json']);
    expect(replies.get('emerge fit runs.csv --kind ')).toEqual([...FIT_KINDS]);
  });
  it('completes the last ability id of a list', () => {
    expect(replies.get('emerge thresholds --require in-context-learning,chain-of-th')).toEqual([
      'in-context-learning,chain-of-thought',
      'in-context-learning,chain-of-thought-math-word-problems',
      'in-context-learning,chain-of-thought-strategyqa',
    ]);
  });
  it('completes model slugs, scenarios and shells', () => {
    expect(replies.get('emerge predict --model llama-2-')).toEqual(['llama-2-7b', 'llama-2-13b', 'llama-2-70b']);
    expect(replies.get('emerge simulate --scenario mi')).toEqual(['mirage']);
    expect(replies.get('emerge completion ')).toEqual(['bash', 'zsh', 'fish']);
  });
  it('offers nothing where a number is due', () => expect(replies.get('emerge predict --params ')).toEqual([]));
});

describe('emerge completion zsh and fish', () => {
  it.each(['zsh', 'fish'])('%s names every subcommand and flag of the option table', async (shell) => {
    const text = await script(shell);
    for (const spec of COMMAND_SPECS) {
      expect(text).toContain(spec.name);
      for (const option of spec.options) expect(text).toContain(shell === 'zsh' ? `'${longFlag(option)}[` : `-l ${longFlag(option).slice(2)}`);
    }
    expect(text).toContain('besiroglu2024 hoffmann2022 hoffmann2022-unrounded kaplan2020');
  });

  it('refuses an unknown shell, listing the shells (exit 2)', async () => {
    expect(await runCli(['completion', 'bsh'])).toEqual({ code: 2, stdout: '', stderr: 'emerge completion: unknown shell "bsh"; use one of bash, zsh, fish\n' });
  });
});
