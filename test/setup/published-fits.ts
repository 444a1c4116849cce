// Global set-up: the published law fits, run once for the whole suite and shared with the tests that
// read them (inject('publishedFits')). Each is the built binary on a shipped fixture, worker threads
// included, as a user runs it; both run side by side while vitest starts its workers.
import type { TestProject } from 'vitest/node';
import { runBinAsync, type BinResult } from '../helpers/run-bin.js';

/** The command behind each shared fit (its JSON output is what the tests read). */
export const PUBLISHED_FITS = {
  /** The 240 runs Besiroglu et al. keep, the full method: 4,500 starts, 1000 bootstraps, N_opt at 1e24. */
  chinchilla: ['fit', 'fixtures/chinchilla_runs.csv', '--at-compute', '1e24', '--format', 'json'],
  /** The 245 digitised points less the 5 flagged: the same runs from the other file. */
  epochPoints: ['fit', 'fixtures/chinchilla_epoch_points.csv', '--exclude-top-loss', '5', '--bootstrap', '0', '--format', 'json'],
} as const;

export type PublishedFits = Record<keyof typeof PUBLISHED_FITS, BinResult>;

declare module 'vitest' {
  export interface ProvidedContext {
    publishedFits: PublishedFits;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const names = Object.keys(PUBLISHED_FITS) as (keyof typeof PUBLISHED_FITS)[];
  const results = await Promise.all(names.map((name) => runBinAsync([...PUBLISHED_FITS[name]])));
  const missing = results.find((r) => /not built/.test(r.stderr));
  if (missing) throw new Error(`the shared fits need the built CLI: run npm run build first (${missing.stderr.trim()})`);
  project.provide('publishedFits', Object.fromEntries(names.map((name, i) => [name, results[i]!])) as PublishedFits);
}
