// The one-line @example of every export (`expression // value`) is evaluated against the library
// and must give the value shown: a number to the digits printed (half a unit of the last one), a
// list item by item (`...` standing for items left out). Examples that need data of their own
// (the fits') are documentation only; every other one is checked.
import { describe, expect, it } from 'vitest';
import * as api from '../../src/api/index.js';
import { apiSymbols } from '../../scripts/api-surface.js';

const ONE_LINE = /^([^\n]*?)\s*\/\/\s*([^\n]+)$/;

const examples = apiSymbols().flatMap((symbol) => (symbol.doc?.examples ?? []).map((text) => ({ name: symbol.name, text })));
const checkable = examples.filter((e) => ONE_LINE.test(e.text));

/** Half a unit of the last printed digit of a number written as text: 4.13e10 → 5e7. */
function tolerance(text: string): number {
  const [mantissa, exponent = '0'] = text.toLowerCase().split('e');
  const decimals = mantissa!.includes('.') ? mantissa!.split('.')[1]!.length : 0;
  return 0.5 * 10 ** (Number(exponent) - decimals);
}

function expectShown(actual: unknown, shown: string): void {
  const trimmed = shown.trim();
  if (/^-?[\d.]+(e-?\d+)?$/i.test(trimmed)) {
    expect(typeof actual).toBe('number');
    expect(Math.abs((actual as number) - Number(trimmed))).toBeLessThanOrEqual(tolerance(trimmed));
    return;
  }
  if (trimmed.startsWith('[')) {
    const items = trimmed.slice(1, -1).split(',').map((s) => s.trim().replace(/^'(.*)'$/, '$1'));
    const gap = items.indexOf('...');
    const list = (actual as unknown[]).map(String);
    if (gap < 0) return void expect(list).toEqual(items);
    expect(list.slice(0, gap)).toEqual(items.slice(0, gap));
    expect(list.slice(list.length - (items.length - gap - 1))).toEqual(items.slice(gap + 1));
    return;
  }
  throw new Error(`an example's value the test cannot read: ${shown}`);
}

describe('the TSDoc examples', () => {
  it('are there, and most can be checked', () => {
    expect(checkable.length).toBeGreaterThanOrEqual(8);
    expect(checkable.length).toBeGreaterThan(examples.length / 2);
  });

  it.each(checkable.map((e) => [e.name, e.text]))('%s: %s', (_name, text) => {
    const [, expression, shown] = ONE_LINE.exec(text)!;
    const names = Object.keys(api);
    const evaluate = new Function(...names, `return (${expression});`) as (...values: unknown[]) => unknown;
    expectShown(evaluate(...names.map((n) => (api as Record<string, unknown>)[n])), shown!);
  });
});
