/**
 * From what the user said about a planned model (flags, a config entry or a CSV row) to its
 * parameters and tokens, and where each came from.
 */
import { computeOptimal, trainingCompute } from '../../core/allocation.js';
import { paramsFromArchitecture } from '../../core/architecture.js';
import { lawWithDataQuality } from '../../core/inverse.js';
import type { ScalingLaw } from '../../core/scaling-law.js';
import { findModel, type CatalogModel } from '../../io/models.js';
import { PARAMS, TOKENS, rangeProblem } from '../../io/numbers.js';
import { formatCount, formatSci } from '../../render/format.js';
import type { ModelDescription } from '../../render/prediction-record.js';
import type { ModelFields } from '../../io/plan-config.js';
import type { Where } from './where.js';

/** A planned model as given (flags, a config entry or a CSV row): numbers parsed, nothing derived yet. */
export interface ModelSpec extends ModelFields {
  quality?: number;
  /** The word the quality was given as (low, standard, high), if any. */
  qualityLabel?: string;
}

export interface ResolvedModel extends ModelDescription {
  compute: number;
  catalog?: CatalogModel;
}

/** The fields that describe a model (quality and name only qualify one). */
export const MODEL_FIELDS = ['params', 'tokens', 'compute', 'model', 'layers', 'dModel', 'vocab'] as const;

/**
 * Resolves N and D:
 * - `model`: the catalog's parameters and tokens (explicit values override them);
 * - `layers`, `dModel`, `vocab` (all three): N = 12·layers·d_model² + vocab·d_model;
 * - `compute` with N known: D = C/(6N); with D given: N = C/(6D); alone: the compute-optimal N and D
 *   under the law (for data of the given quality);
 * - no tokens: the catalog's reference regime.
 */
export function resolveModel(spec: ModelSpec, where: Where, law: ScalingLaw, referenceTokens: number): ResolvedModel {
  let params: number | undefined;
  let paramsSource = '';
  let tokens: number | undefined;
  let tokensSource = '';
  let catalog: CatalogModel | undefined;
  let architecture: ResolvedModel['architecture'];

  if (spec.model !== undefined) {
    try {
      catalog = findModel(spec.model, where.name('model'));
    } catch (error) {
      where.fail((error as Error).message);
    }
    params = catalog.params;
    paramsSource = `catalog: ${catalog.name}`;
    if (catalog.tokens !== undefined) {
      tokens = catalog.tokens;
      tokensSource = `catalog: ${catalog.name}`;
    }
  }

  const shape = [spec.layers, spec.dModel, spec.vocab];
  if (shape.some((v) => v !== undefined)) {
    const missing = (['layers', 'dModel', 'vocab'] as const).filter((f) => spec[f] === undefined).map((f) => where.name(f));
    if (missing.length > 0) where.fail(`${missing.join(' and ')} needed too: the size from architecture uses layers, d_model and vocab`);
    if (spec.params !== undefined) where.fail(`give either ${where.name('params')} or ${where.name('layers')}/${where.name('dModel')}/${where.name('vocab')}, not both`);
    architecture = { layers: spec.layers!, dModel: spec.dModel!, vocab: spec.vocab! };
    params = paramsFromArchitecture(architecture.layers, architecture.dModel, architecture.vocab);
    paramsSource =
      `architecture: 12·${architecture.layers}·${architecture.dModel}² + ${architecture.vocab}·${architecture.dModel}, an estimate ` +
      `(within 10% of the reported size for 46 of the 50 Chinchilla models, 16% for all; no biases, norms or gated feed-forward)`;
  }
  if (spec.params !== undefined) {
    params = spec.params;
    paramsSource = where.name('params');
  }
  if (spec.tokens !== undefined) {
    tokens = spec.tokens;
    tokensSource = where.name('tokens');
  }

  if (spec.compute !== undefined) {
    const c = spec.compute;
    const explicitN = spec.params !== undefined || architecture !== undefined;
    if (explicitN && spec.tokens !== undefined) {
      where.fail(`give at most two of ${where.name('params')}, ${where.name('tokens')} and ${where.name('compute')}`);
    }
    if (spec.tokens !== undefined) {
      params = derived(c / 6 / spec.tokens, PARAMS, `${where.name('compute')}/(6·${where.name('tokens')})`, where);
      paramsSource = `C/(6D) from ${where.name('compute')} and ${where.name('tokens')}`;
    } else if (params !== undefined) {
      tokens = derived(c / 6 / params, TOKENS, `${where.name('compute')}/(6·N)`, where);
      tokensSource = `C/(6N) from ${where.name('compute')}`;
    } else {
      // Data of quality q counts as q·D tokens, which shifts the optimal split (core/inverse.ts).
      const optimal = computeOptimal(lawWithDataQuality(law, spec.quality ?? 1), c);
      params = derived(optimal.params, PARAMS, 'the compute-optimal N', where);
      tokens = derived(optimal.tokens, TOKENS, 'the compute-optimal D', where);
      paramsSource = `compute-optimal for ${formatSci(c)} FLOPs under ${law.id}`;
      tokensSource = paramsSource;
    }
  }

  if (params === undefined) {
    where.fail(`no model size: give ${where.name('params')}, ${where.name('compute')}, ${where.name('model')} or ${where.name('layers')}/${where.name('dModel')}/${where.name('vocab')}`);
  }
  if (tokens === undefined) {
    tokens = referenceTokens;
    tokensSource = catalog
      ? `the catalog gives no token count for ${catalog.name}; reference regime (${formatSci(referenceTokens)})`
      : `reference regime (${formatSci(referenceTokens)}; no ${where.name('tokens')} given)`;
  }
  const quality = spec.quality ?? 1;
  const qualitySource = spec.quality === undefined ? 'standard (default)' : spec.qualityLabel ?? where.name('quality');
  const resolved: ResolvedModel = {
    name: spec.name ?? catalog?.name ?? formatCount(params),
    params,
    paramsSource,
    tokens,
    tokensSource,
    quality,
    qualitySource,
    compute: trainingCompute(params, tokens),
  };
  if (catalog) resolved.catalog = catalog;
  if (architecture) resolved.architecture = architecture;
  return resolved;
}

function derived(value: number, range: typeof PARAMS, what: string, where: Where): number {
  const problem = rangeProblem(value, range);
  if (problem) where.fail(`${what} = ${formatSci(value)} ${problem}`);
  return value;
}
