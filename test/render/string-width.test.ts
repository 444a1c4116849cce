// The bundle measures table cells with src/render/string-width.cjs instead of the string-width
// package (see scripts/build.mjs); both must agree on what emerge prints.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const ours = require('../../src/render/string-width.cjs') as (text: string) => number;
const reference = require('string-width') as (text: string) => number;

describe('string width', () => {
  it.each([
    '',
    'in-context-learning',
    '上下文学习',
    'BIG-Bench：推理',
    '“写一首诗”',
    '代码生成：逻辑正确性',
    '≥ 100B strong · 1B–10B',
    '\u001b[32memerged\u001b[39m',
    '\u001b[1m思维链推理\u001b[22m',
    'e\u0301te\u0301',
    '┌─┬─┐ │ ▼ ┊ ●',
    'α β Σ λ_i ×0.5 −0.15',
    'tab\there',
  ])('%j', (text) => {
    expect(ours(text)).toBe(reference(text));
  });
});
