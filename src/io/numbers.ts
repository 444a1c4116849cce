/**
 * Numbers typed by people: "70e9", "7e10", "70B", "70b", "1.4T", "350M", "2.5k". The suffixes are
 * the SI-style counts used for model and data sizes: K = 1e3, M = 1e6, B (or G) = 1e9, T = 1e12,
 * P = 1e15.
 */
import { InputError, UsageError } from '../errors.js';

const SUFFIX: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9, g: 1e9, t: 1e12, p: 1e15 };
const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)([kmbgtp])?$/i;

/**
 * Parses a number with an optional size suffix. Returns undefined for anything that is not one
 * (including "NaN", "Infinity", "0x10", "1,000", "70 B", and the empty string).
 * @example parseQuantity('1.4T') // 1400000000000
 */
export function parseQuantity(text: string): number | undefined {
  if (isPlainDecimal(text)) {
    // The common case (a CSV cell such as "7e9"): Number() reads exactly the decimal grammar below.
    const value = Number(text);
    return Number.isNaN(value) ? undefined : value;
  }
  const match = QUANTITY.exec(text.trim());
  if (!match) return undefined;
  const value = Number(match[1]) * (match[2] ? SUFFIX[match[2].toLowerCase()]! : 1);
  return Number.isNaN(value) ? undefined : value;
}

/** Only digits, '.', 'e', 'E', '+' and '-' (so no hex, binary, Infinity or blanks), not empty. */
function isPlainDecimal(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || c === 46 || c === 101 || c === 69 || c === 43 || c === 45)) return false;
  }
  return true;
}

export interface Range {
  /** Smallest allowed value (inclusive unless `exclusiveMin`). */
  min: number;
  max: number;
  exclusiveMin?: boolean;
  /** What the value is, for messages ("a parameter count"). */
  what: string;
  /** Example of a valid value, for messages. */
  example: string;
}

/** 1e16, not 1e+16. */
function exponential(value: number): string {
  return value.toExponential().replace('e+', 'e');
}

/** Why a value is out of range, or undefined if it is fine. */
export function rangeProblem(value: number, range: Range): string | undefined {
  if (Number.isNaN(value)) return `is not ${range.what}`;
  if (value === -Infinity) return `must be at least ${range.min} (${range.what})`;
  if (!Number.isFinite(value)) return `is too large to be ${range.what} (at most ${exponential(range.max)})`;
  if (range.exclusiveMin ? value <= range.min : value < range.min) {
    return `must be ${range.exclusiveMin ? 'greater than' : 'at least'} ${range.min} (${range.what})`;
  }
  if (value > range.max) return `is too large to be ${range.what} (at most ${exponential(range.max)})`;
  return undefined;
}

/**
 * Display form of user text inside a message: double-quoted, truncated to 60 characters, with
 * quotes, backslashes and every control character escaped (no terminal escape sequence gets through).
 * @example quoteUserText('7\u001b[31mB') // "\"7\\u001b[31mB\""
 */
export function quoteUserText(text: string): string {
  const short = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  const escaped = short.replace(/["\\\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) =>
    c === '"' || c === '\\' ? `\\${c}` : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `"${escaped}"`;
}

/**
 * A value read from a file, for a message: text quoted and escaped, numbers and booleans as they
 * are, anything else by its kind (never by calling its own toString).
 * @example describeValue('70X') // '"70X"'; describeValue([1, 2]) // 'a list'
 */
export function describeValue(raw: unknown): string {
  if (typeof raw === 'string') return quoteUserText(raw);
  if (typeof raw === 'number') return Number.isNaN(raw) ? 'a value that is not a number' : Number.isFinite(raw) ? String(raw) : 'an infinite number';
  if (typeof raw === 'boolean') return String(raw);
  if (raw === null || raw === undefined) return 'nothing';
  return Array.isArray(raw) ? 'a list' : typeof raw === 'object' ? 'a mapping' : typeof raw;
}

/**
 * Parses the value of a command-line flag; throws UsageError naming the flag.
 * @example parseFlagQuantity('--params', '70B', PARAMS) // 70000000000
 */
export function parseFlagQuantity(flag: string, text: string, range: Range): number {
  const value = parseQuantity(text);
  if (value === undefined) {
    throw new UsageError(`${flag}: ${quoteUserText(text)} is not a number; use e.g. ${range.example}`);
  }
  const problem = rangeProblem(value, range);
  if (problem) throw new UsageError(`${flag}: ${quoteUserText(text)} ${problem}`);
  return value;
}

/**
 * Parses a value read from a file (a CSV cell or a YAML scalar); throws InputError naming the file,
 * line and field.
 */
export function parseFileQuantity(raw: unknown, range: Range, where: { file: string; line?: number; field: string }): number {
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' ? parseQuantity(raw) : undefined;
  if (value === undefined || Number.isNaN(value)) {
    const shown = describeValue(raw);
    throw new InputError(where.file, where.line, `${where.field}: ${shown} is not a number; use e.g. ${range.example}`);
  }
  const problem = rangeProblem(value, range);
  if (problem) throw new InputError(where.file, where.line, `${where.field}: ${describeValue(raw)} ${problem}`);
  return value;
}

// Ranges of the quantities the tool reads. Generous, but finite and positive: 1e16 parameters or
// 1e35 FLOPs are far beyond any model trained or planned.
export const PARAMS: Range = { min: 1, max: 1e16, what: 'a parameter count', example: '70e9, 70B or 1.4T' };
export const TOKENS: Range = { min: 1, max: 1e17, what: 'a token count', example: '1.4e12 or 1.4T' };
export const COMPUTE: Range = { min: 6, max: 1e35, what: 'a compute budget in FLOPs', example: '1e24' };
export const QUALITY: Range = { min: 0, exclusiveMin: true, max: 100, what: 'a data-quality factor', example: 'low, standard, high or 1.5' };
export const LAYERS: Range = { min: 1, max: 1e5, what: 'a layer count', example: '80' };
export const D_MODEL: Range = { min: 1, max: 1e7, what: 'a model width', example: '8192' };
export const VOCAB: Range = { min: 0, max: 1e8, what: 'a vocabulary size', example: '32000' };
export const PROBABILITY: Range = { min: 0, max: 1, what: 'a probability', example: '0.5' };
