// The Chinchilla training runs shipped in fixtures/ (see fixtures/README.md for provenance), read
// without the io layer so core tests depend on core alone.
import { readFileSync } from 'node:fs';
import type { TrainingRun } from '../../src/core/fit/law-objective.js';

/** fixtures/chinchilla_runs.csv: the 240 runs Besiroglu et al. 2024 keep. */
export function chinchillaRuns(): TrainingRun[] {
  const text = readFileSync(new URL('../../fixtures/chinchilla_runs.csv', import.meta.url), 'utf8');
  const [header, ...lines] = text.trim().split('\n');
  if (header !== 'params,tokens,compute,loss') throw new Error(`unexpected header ${header}`);
  return lines.map((line) => {
    const [params, tokens, compute, loss] = line.split(',').map(Number) as [number, number, number, number];
    return { params, tokens, compute, loss };
  });
}
