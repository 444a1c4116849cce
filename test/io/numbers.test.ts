import { describe, expect, it } from 'vitest';
import { InputError, UsageError } from '../../src/errors.js';
import { PARAMS, parseFileQuantity, parseFlagQuantity, parseQuantity, quoteUserText } from '../../src/io/numbers.js';

describe('parseQuantity', () => {
  it.each([
    ['70e9', 70e9],
    ['7e10', 7e10],
    ['70B', 70e9],
    ['70b', 70e9],
    ['1.4T', 1.4e12],
    ['350M', 350e6],
    ['2.5k', 2500],
    ['1e24', 1e24],
    [' 42 ', 42],
    ['.5', 0.5],
  ])('reads %s', (text, expected) => expect(parseQuantity(text)).toBe(expected));

  it.each(['', 'NaN', 'Infinity', '-Infinity', '0x10', '1,000', '70 B', '70X', 'B', '1e', '--5', '7e10B5'])('rejects %j', (text) => {
    expect(parseQuantity(text)).toBeUndefined();
  });
});

describe('parseFlagQuantity', () => {
  it('names the flag and what would be valid', () => {
    expect(() => parseFlagQuantity('--params', '70X', PARAMS)).toThrow(UsageError);
    expect(() => parseFlagQuantity('--params', '70X', PARAMS)).toThrow('--params: "70X" is not a number; use e.g. 70e9, 70B or 1.4T');
  });

  it.each([
    ['-5', 'must be at least 1'],
    ['0', 'must be at least 1'],
    ['1e400', 'too large'],
    ['1e17', 'too large'],
  ])('rejects %s as a parameter count', (text, message) => {
    expect(() => parseFlagQuantity('--params', text, PARAMS)).toThrow(message);
  });
});

describe('parseFileQuantity', () => {
  it('names file, line and field', () => {
    const where = { file: 'plans.csv', line: 7, field: 'params' };
    expect(() => parseFileQuantity('seven', PARAMS, where)).toThrow(InputError);
    expect(() => parseFileQuantity('seven', PARAMS, where)).toThrow('plans.csv:7: params: "seven" is not a number');
    expect(() => parseFileQuantity(Number.NaN, PARAMS, where)).toThrow('plans.csv:7');
    expect(parseFileQuantity(7e10, PARAMS, where)).toBe(7e10);
    expect(parseFileQuantity('70B', PARAMS, where)).toBe(7e10);
  });
});

describe('quoteUserText', () => {
  it('escapes terminal control characters and truncates', () => {
    expect(quoteUserText('\u001b[31mred')).toBe('"\\u001b[31mred"');
    expect(quoteUserText('a"b')).toBe('"a\\"b"');
    expect(quoteUserText('x'.repeat(100))).toHaveLength(62);
  });
});
