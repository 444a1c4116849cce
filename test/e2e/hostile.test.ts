// The classic malformed inputs of fixtures/hostile, against the built binary: each gets its exit
// code and one line on stderr naming the file (and line), never a stack trace.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from '../helpers/run-bin.js';

const csv = (name: string): string[] => ['predict', '--input', `fixtures/hostile/${name}`, '--ability', 'chain-of-thought', '--format', 'csv'];
const yaml = (name: string): string[] => ['predict', '--config', `fixtures/hostile/${name}`, '--format', 'csv'];

describe('hostile input (built binary)', () => {
  it.each([
    [csv('empty.csv'), 'fixtures/hostile/empty.csv: is empty; expected a header line and data rows'],
    [csv('semicolon.csv'), 'fixtures/hostile/semicolon.csv:1: the header is separated by semicolons; emerge reads comma-separated CSV'],
    [csv('tab.csv'), 'fixtures/hostile/tab.csv:1: the header is separated by tabs; emerge reads comma-separated CSV'],
    [csv('ragged.csv'), 'fixtures/hostile/ragged.csv:3: invalid CSV: 4 fields where the header has 3'],
    [csv('unterminated-quote.csv'), 'fixtures/hostile/unterminated-quote.csv:2: invalid CSV: a quoted field is not closed'],
    [csv('not-utf8.csv'), 'fixtures/hostile/not-utf8.csv:2: is not valid UTF-8 text'],
    [csv('huge-number.csv'), 'fixtures/hostile/huge-number.csv:2: params: "1e400" is too large to be a parameter count'],
    [csv('negative-size.csv'), 'fixtures/hostile/negative-size.csv:2: params: "-7B" must be at least 1'],
    [csv('zero-size.csv'), 'fixtures/hostile/zero-size.csv:2: params: "0" must be at least 1'],
    [csv('duplicate-columns.csv'), 'fixtures/hostile/duplicate-columns.csv:1: the column "params" appears twice in the header'],
    [yaml('alias-bomb.yaml'), 'fixtures/hostile/alias-bomb.yaml: invalid YAML: Excessive alias count'],
    [yaml('proto-key.yaml'), 'fixtures/hostile/proto-key.yaml:2: the key "__proto__" is not allowed'],
    [yaml('constructor-key.yaml'), 'fixtures/hostile/constructor-key.yaml:3: the key "constructor" is not allowed'],
    [yaml('unknown-key.yaml'), 'fixtures/hostile/unknown-key.yaml:2: tokenz: unknown key "tokenz" (did you mean tokens?)'],
    [yaml('custom-tag.yaml'), 'fixtures/hostile/custom-tag.yaml:1: invalid YAML: Unresolved tag'],
    [yaml('multi-document.yaml'), 'fixtures/hostile/multi-document.yaml:2: holds several YAML documents'],
  ])('%j exits 1 with one line', (args, message) => {
    const result = runBin(args);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(`emerge predict: ${message}`);
  });

  it.each(['bom.csv', 'crlf.csv'])('%s is read like any CSV', (name) => {
    const result = runBin(csv(name));
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[1]).toMatch(/^(bom|crlf)-model,7000000000,2000000000000,/);
  });

  it('a header without rows is a warning, not an error', () => {
    const result = runBin(csv('header-only.csv'));
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('emerge: the input has a header but no rows\n');
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('a line longer than 1 MB is refused', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'emerge-hostile-')), 'long-line.csv');
    writeFileSync(path, `name,params\n${'x'.repeat(1_100_000)},7B\n`);
    const result = runBin(['predict', '--input', path]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`emerge predict: ${path}:2: a line is longer than 1 MB\n`);
  });

  it('absurd sizes are usage errors', () => {
    for (const args of [['predict', '--params', '1e400'], ['predict', '--compute', '1e99'], ['simulate', '--steps', '1e9'], ['simulate', '--from', '1e13', '--to', '1e8']]) {
      const result = runBin(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
  });
});
