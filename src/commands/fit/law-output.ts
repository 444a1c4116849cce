/**
 * `emerge fit --output law.yaml` for training runs: the fitted law in the format of one preset of
 * data/laws.yaml, readable by `emerge predict --law law.yaml`, with the fit's metadata under `fit`.
 */
import { basename } from 'node:path';
import type { LawFit } from '../../core/fit/law-fit.js';
import { formatLawFile } from '../../io/fitted-files.js';
import { writeFileAtomic } from '../../io/output-file.js';
import type { LawDocument } from '../../render/fit-law-record.js';
import { slugify } from '../../util/slug.js';

/** The `fit` mapping: what was fitted, how, how well, and the intervals. */
function fitMetadata(doc: LawDocument): Record<string, unknown> {
  const meta: Record<string, unknown> = {
    data: doc.file,
    runs: doc.n,
    objective: doc.objective,
    rmse: doc.rmse,
    loss: doc.loss.kind,
    ...(doc.loss.kind !== 'mse' ? { delta: doc.loss.delta } : {}),
    ...(doc.loss.kind === 'asymmetric' ? { tau: doc.loss.tau } : {}),
    grid: doc.grid,
    starts: doc.starts,
    converged_starts: doc.converged_starts,
    converged: doc.converged,
    poorly_determined: doc.diagnostics.poorly_determined,
  };
  if (doc.excluded.length > 0) meta.excluded_lines = doc.excluded.map((e) => e.line);
  if (doc.derived) meta.derived = doc.derived;
  if (doc.screen) meta.screen = { rows: doc.screen.rows, candidates: doc.screen.candidates, agreeing: doc.screen.agreeing };
  if (doc.bootstrap && doc.intervals) {
    const b = doc.bootstrap;
    meta.bootstrap = { resamples: b.resamples, seed: b.seed, level: b.level, method: b.method, unit: b.unit, units: b.units };
    meta.intervals = doc.intervals;
  }
  return meta;
}

export function writeLawFile(path: string, doc: LawDocument, fit: LawFit): void {
  const stem = doc.file === 'stdin' ? 'stdin' : basename(doc.file).replace(/\.[^.]*$/, '');
  const name = `fit-${slugify(stem) || 'runs'}`;
  const how = doc.loss.kind === 'huber' ? `Huber δ=${doc.loss.delta} on log-loss residuals` : doc.loss.kind === 'mse' ? 'squared log-loss residuals' : `asymmetric Huber δ=${doc.loss.delta}, τ=${doc.loss.tau}`;
  const source = `emerge fit ${doc.file}: ${doc.n} runs, ${how}, L-BFGS from ${doc.starts} starts (${doc.grid} grid)`;
  const warnings = fit.diagnostics.warnings;
  const note = !doc.converged ? 'the fit did not converge (written with --allow-unconverged)' : warnings.length > 0 ? `poorly determined: ${warnings.join('; ')}` : undefined;
  const comment = [`Scaling law fitted by \`emerge fit\` to ${doc.n} training runs of ${doc.file}.`, `Use it with: emerge predict --law ${path} --params 70B`];
  writeFileAtomic(path, formatLawFile({ name, law: doc.law, source, ...(note !== undefined ? { note } : {}), fit: fitMetadata(doc), comment }));
}
