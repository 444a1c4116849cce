// Reference constants for core tests, typed in from DESIGN.md's preset table (the published values),
// independently of data/laws.yaml (whose loader test checks the file against the same sources).
import { expect } from 'vitest';
import type { ChinchillaConstants } from '../../src/core/fit/law-objective.js';
import type { ChinchillaLaw, KaplanLaw } from '../../src/core/scaling-law.js';

export const besiroglu2024: ChinchillaLaw = { form: 'chinchilla', id: 'besiroglu2024', source: 'DESIGN.md', E: 1.81686, A: 482.00572, B: 2085.4342, alpha: 0.34781, beta: 0.36585 };
export const hoffmann2022: ChinchillaLaw = { form: 'chinchilla', id: 'hoffmann2022', source: 'DESIGN.md', E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 };
export const hoffmann2022Unrounded: ChinchillaLaw = { form: 'chinchilla', id: 'hoffmann2022-unrounded', source: 'DESIGN.md', E: 1.69337368, A: 406.401018, B: 410.722827, alpha: 0.33917084, beta: 0.2849083 };
export const kaplan2020: KaplanLaw = { form: 'kaplan', id: 'kaplan2020', source: 'DESIGN.md', alphaN: 0.076, alphaD: 0.095, Nc: 8.8e13, Dc: 5.4e13 };

export const chinchillaPresets = [besiroglu2024, hoffmann2022, hoffmann2022Unrounded];

/** Relative difference |a − b| / |b|. */
export function relativeError(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.abs(expected);
}

/** Each fitted constant within its own relative tolerance of the truth (a failure names the constant). */
export function expectConstantsNear(fitted: ChinchillaConstants, truth: ChinchillaConstants, tolerances: Record<keyof ChinchillaConstants, number>): void {
  for (const key of Object.keys(tolerances) as (keyof ChinchillaConstants)[]) expect(relativeError(fitted[key], truth[key]), key).toBeLessThan(tolerances[key]);
}
