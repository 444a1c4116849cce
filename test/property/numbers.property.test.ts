// Property-based tests (fast-check) of number-with-unit parsing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError, UsageError } from '../../src/errors.js';
import { PARAMS, parseFileQuantity, parseFlagQuantity, parseQuantity, quoteUserText } from '../../src/io/numbers.js';

const SUFFIXES: [string, number][] = [['K', 1e3], ['M', 1e6], ['B', 1e9], ['G', 1e9], ['T', 1e12], ['P', 1e15]];

describe('parseQuantity (properties)', () => {
  it('reads back any finite double written by JavaScript', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
      expect(parseQuantity(String(x))).toBe(x === 0 ? 0 : x);
    }));
  });

  it('applies size suffixes in either case', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e6 }), fc.constantFrom(...SUFFIXES), fc.boolean(), (n, [suffix, scale], lower) => {
      expect(parseQuantity(`${n}${lower ? suffix.toLowerCase() : suffix}`)).toBe(n * scale);
    }));
  });

  it('returns a number or undefined for any text, never NaN', () => {
    fc.assert(fc.property(fc.string(), (text) => {
      const value = parseQuantity(text);
      expect(value === undefined || !Number.isNaN(value)).toBe(true);
    }));
  });

  it('flag values are finite and in range, or a UsageError that quotes the text safely', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.double().map(String), fc.integer().map((n) => `${n}B`)), (text) => {
      try {
        const value = parseFlagQuantity('--params', text, PARAMS);
        expect(Number.isFinite(value) && value >= PARAMS.min && value <= PARAMS.max).toBe(true);
      } catch (error) {
        expect(error).toBeInstanceOf(UsageError);
        expect((error as Error).message).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
      }
    }));
  });

  it('file values are finite and in range, or an InputError naming file and line', () => {
    fc.assert(fc.property(fc.anything(), (raw) => {
      try {
        const value = parseFileQuantity(raw, PARAMS, { file: 'f.csv', line: 3, field: 'params' });
        expect(Number.isFinite(value)).toBe(true);
      } catch (error) {
        expect(error).toBeInstanceOf(InputError);
        expect((error as Error).message.startsWith('f.csv:3: params: ')).toBe(true);
      }
    }));
  });

  it('quoteUserText never lets a control character through', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => {
      expect(quoteUserText(text)).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    }));
  });
});
