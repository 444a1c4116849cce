/**
 * Messages between src/parallel/law-fit-pool.ts and its worker threads. Plain data only (structured
 * clone): typed arrays, numbers, strings. Results carry typed arrays that are transferred, not copied.
 */
import type { LbfgsOptions } from '../core/fit/lbfgs.js';
import type { LawData, ResidualLoss } from '../core/fit/law-objective.js';
import type { PruneRule, StartBatch } from '../core/fit/multi-start.js';
import type { ResampleBatch } from '../core/fit/bootstrap.js';
import type { Clusters, OneStepPlan } from '../core/fit/one-step-bootstrap.js';

/** L-BFGS settings that can cross a thread boundary (no callbacks). */
export type PlainLbfgsOptions = Omit<Partial<LbfgsOptions>, 'onIteration'>;

/** Run the multi-start search on starts [offset, offset + points.length/5) of the grid. */
export interface StartsRequest {
  kind: 'starts';
  id: number;
  data: LawData;
  offset: number;
  /** The chunk's starts, 5 numbers each. */
  points: Float64Array;
  loss: ResidualLoss;
  lbfgs: PlainLbfgsOptions;
  prune: PruneRule | null;
  /** Chord-Newton polish (MultiStartSettings.newton). */
  newton?: boolean;
}

/** Refit bootstrap resamples [from, to), each warm-started from `start`. */
export interface ResamplesRequest {
  kind: 'resamples';
  id: number;
  data: LawData;
  start: Float64Array;
  from: number;
  to: number;
  seed: number;
  loss: ResidualLoss;
  lbfgs: PlainLbfgsOptions;
  clusters: Clusters | null;
}

/** One-step refits of bootstrap resamples [from, to) from a plan made in the calling thread. */
export interface OneStepRequest {
  kind: 'one-step';
  id: number;
  plan: OneStepPlan;
  from: number;
  to: number;
  seed: number;
}

export type WorkerRequest = StartsRequest | ResamplesRequest | OneStepRequest;

export type WorkerResponse =
  | { kind: 'starts'; id: number; batch: StartBatch }
  | { kind: 'resamples' | 'one-step'; id: number; batch: ResampleBatch }
  | { kind: 'error'; id: number; message: string };
