// Synthetic checkpoint-level training data for the large-input law fit (tests and bench/law-fit*.ts):
// runs of a known Chinchilla-form law, each logged at many checkpoints, so that many rows share one
// parameter count and differ in tokens, as when every intermediate checkpoint of every run is fitted.
import type { TrainingRun } from '../../src/core/fit/law-objective.js';
import { createRng, randomNormal } from '../../src/core/random.js';
import type { ChinchillaConstants } from '../../src/core/fit/law-objective.js';

/** Besiroglu et al. 2024's constants (DESIGN.md's besiroglu2024 preset). */
export const CHINCHILLA: ChinchillaConstants = { E: 1.81686, A: 482.00572, B: 2085.4342, alpha: 0.34781, beta: 0.36585 };

export interface CheckpointDesign {
  /** Checkpoints logged per run (default 50). */
  checkpoints: number;
  /** Log-normal noise of each row's loss, σ of ln L (default 0.01, about Chinchilla's scatter). */
  sigma: number;
  /** Log-normal noise shared by all checkpoints of a run (default 0: rows independent). */
  runSigma: number;
  seed: number;
}

/**
 * `rows` checkpoints of ⌈rows / checkpoints⌉ runs of `law`: run r has N log-uniform in [1e7, 1e10]
 * and a final budget of 5 to 200 tokens per parameter (log-uniform); its checkpoints sit at
 * D_final·k/K, k = 1..K (saved every so many steps), and each loss is L(N, D)·exp(σ·ε). Deterministic
 * for a seed. Each run also carries a `run` index (the cluster of its checkpoints).
 */
export function checkpointRuns(rows: number, law: ChinchillaConstants = CHINCHILLA, design: Partial<CheckpointDesign> = {}): (TrainingRun & { run: number })[] {
  const { checkpoints, sigma, runSigma, seed } = { checkpoints: 50, sigma: 0.01, runSigma: 0, seed: 1, ...design };
  const rng = createRng(seed);
  const out: (TrainingRun & { run: number })[] = [];
  for (let run = 0; out.length < rows; run++) {
    const params = 10 ** (7 + 3 * rng.next());
    const final = params * 10 ** (Math.log10(5) + Math.log10(40) * rng.next());
    const offset = runSigma * randomNormal(rng);
    for (let k = 1; k <= checkpoints && out.length < rows; k++) {
      const tokens = (final * k) / checkpoints;
      const mean = law.E + law.A / params ** law.alpha + law.B / tokens ** law.beta;
      out.push({ params, tokens, loss: mean * Math.exp(offset + sigma * randomNormal(rng)), run });
    }
  }
  return out;
}

/** The runs as CSV text with the header params,tokens,loss (and run, when asked). */
export function runsCsv(runs: readonly (TrainingRun & { run?: number })[], withRun = false): string {
  const lines = [withRun ? 'run,params,tokens,loss' : 'params,tokens,loss'];
  for (const r of runs) lines.push(`${withRun ? `${r.run},` : ''}${r.params},${r.tokens},${r.loss}`);
  return `${lines.join('\n')}\n`;
}
