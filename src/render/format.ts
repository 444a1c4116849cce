/**
 * Number formatting for people (tables, messages) and for machines (CSV). Every formatter is total:
 * it never prints NaN or Infinity.
 */

const UNITS: [number, string][] = [
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'K'],
];

/**
 * A count with a size suffix and up to 3 significant digits: 7e10 → "70B", 2.569e10 → "25.7B",
 * 1.4e12 → "1.4T". Above 1e15 (and for non-finite values) falls back to `formatSci`.
 */
export function formatCount(value: number): string {
  if (!Number.isFinite(value)) return formatSci(value);
  const magnitude = Math.abs(value);
  if (magnitude >= 1e15) return formatSci(value);
  for (const [scale, unit] of UNITS) {
    if (magnitude >= scale * 0.9995) return `${trimZeros((value / scale).toPrecision(3))}${unit}`;
  }
  return trimZeros(value.toPrecision(3));
}

/** Scientific notation with `digits` significant digits: 1e11 → "1.0e11" (digits = 2). */
export function formatSci(value: number, digits = 3): string {
  if (Number.isNaN(value)) return 'n/a';
  if (!Number.isFinite(value)) return value > 0 ? 'unbounded' : '-unbounded';
  return value.toExponential(digits - 1).replace('e+', 'e');
}

/** Fixed decimals; non-finite values print as n/a or unbounded. */
export function formatFixed(value: number, decimals: number): string {
  return Number.isFinite(value) ? value.toFixed(decimals) : formatSci(value);
}

/**
 * A probability as a percentage with one decimal: 0.32886 → "32.9%". A probability short of 1 (or
 * above 0) that would round to 100.0% (0.0%) prints as ">99.9%" ("<0.1%"): the digits never claim
 * a certainty the number does not have.
 */
export function formatPercent(p: number): string {
  if (!Number.isFinite(p)) return 'n/a';
  if (p < 1 && p >= 0.9995) return '>99.9%';
  if (p > 0 && p < 0.0005) return '<0.1%';
  return `${(p * 100).toFixed(1)}%`;
}

/** Signed decades: -0.155 → "-0.15", 1.2 → "+1.20". */
export function formatDecades(value: number): string {
  if (!Number.isFinite(value)) return value > 0 ? '+inf' : '-inf';
  return `${value >= 0 ? '+' : ''}${value.toFixed(2)}`;
}

/**
 * A number for CSV: the shortest text that reads back as the same double ("70000000000",
 * "1.9734158767926191", "1e+24"); non-finite values become the empty cell.
 */
export function formatCsvNumber(value: number): string {
  return Number.isFinite(value) ? shortestText(value) : '';
}

/**
 * String(value) for a finite number. JSON.stringify writes a finite number exactly as String does
 * (ECMA-262 SerializeJSONProperty: ToString), but at about half the cost in V8, which keeps every
 * String of a double in a cache whose strings then outlive the young generation: in a batch of a
 * million rows that cache cost more than the digits. An integer from 1e9 to 2^53 (a parameter or
 * token count) is written as its two halves of nine digits, each a small integer: faster still,
 * and the same text, since such an integer's shortest form is all its digits.
 */
export function shortestText(value: number): string {
  if (value >= 1e9 && value <= Number.MAX_SAFE_INTEGER && Math.floor(value) === value) {
    let high = Math.floor(value / 1e9);
    let low = value - high * 1e9;
    if (low < 0) {
      high--;
      low += 1e9;
    }
    const digits = `${low}`;
    return `${high}${'000000000'.slice(digits.length)}${digits}`;
  }
  return JSON.stringify(value);
}

function trimZeros(text: string): string {
  return text.includes('.') && !text.includes('e') ? text.replace(/\.?0+$/, '') : text;
}
