// data/evidence-sources/ holds verbatim copies of ../shared/data: the sha256 of each file is the one
// recorded in data/evidence-sources/README.md (computed on the shared files).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EVIDENCE_SOURCE_FILES } from '../../src/io/evidence-sources.js';

const dir = new URL('../../data/', import.meta.url);
const readme = readFileSync(new URL('evidence-sources/README.md', dir), 'utf8');

describe('data/evidence-sources', () => {
  it.each(Object.values(EVIDENCE_SOURCE_FILES))('%s is the shared file, byte for byte', (file) => {
    const name = file.split('/').pop()!;
    const recorded = readme.match(new RegExp(`\\| ${name.replace(/\./g, '\\.')} \\| \`([0-9a-f]{64})\``))?.[1];
    expect(recorded, `README records the sha256 of ${name}`).toBeDefined();
    expect(createHash('sha256').update(readFileSync(new URL(file, dir))).digest('hex')).toBe(recorded);
  });
});
