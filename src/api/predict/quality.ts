/**
 * Data quality (seed §6.3): a level name or a positive factor q on effective training data.
 */
import type { Factors } from '../../core/factors.js';
import { parseQuantity, QUALITY, quoteUserText, rangeProblem } from '../../io/numbers.js';
import type { Where } from './where.js';

/** Quality as a level name (low, standard, high: seed §6.3) or a positive factor. */
export function parseQualityValue(text: string, factors: Factors, where: Where, field: string): { value: number; label?: string } {
  const level = factors.qualityLevels[text.trim().toLowerCase()];
  if (level !== undefined) return { value: level, label: `${text.trim().toLowerCase()} (×${level} effective data)` };
  const value = parseQuantity(text);
  const levels = Object.keys(factors.qualityLevels).join(', ');
  if (value === undefined) where.fail(`${field}: ${quoteUserText(text)} is not a quality; use ${levels} or a factor such as 1.5`);
  const problem = rangeProblem(value, QUALITY);
  if (problem) where.fail(`${field}: ${quoteUserText(text)} ${problem}`);
  return { value, label: `×${value} effective data` };
}
