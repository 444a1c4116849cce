import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { writeFileAtomic } from '../../src/io/output-file.js';

describe('writeFileAtomic', () => {
  const dir = mkdtempSync(join(tmpdir(), 'emerge-out-'));

  it('writes and replaces a file, leaving no temporary behind', () => {
    const path = join(dir, 'law.yaml');
    writeFileAtomic(path, 'one\n');
    writeFileAtomic(path, 'two\n');
    expect(readFileSync(path, 'utf8')).toBe('two\n');
    expect(readdirSync(dir)).toEqual(['law.yaml']);
  });

  it('leaves the existing file intact when the write fails', () => {
    const path = join(dir, 'keep.yaml');
    writeFileSync(path, 'original\n');
    expect(() => writeFileAtomic(join(dir, 'missing-dir', 'x.yaml'), 'new')).toThrow(InputError);
    expect(() => writeFileAtomic(join(dir, 'missing-dir', 'x.yaml'), 'new')).toThrow('cannot be written: no such file');
    // A directory where the file should go: the rename fails, the directory and the file stay.
    expect(() => writeFileAtomic(dir, 'new')).toThrow(InputError);
    expect(readFileSync(path, 'utf8')).toBe('original\n');
    expect(existsSync(join(dir, 'missing-dir'))).toBe(false);
  });
});
