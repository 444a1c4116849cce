/**
 * What a simulation produces: named series over a swept scale, markers on that scale, and notes.
 * Renderers (chart, CSV, JSON) read only these shapes.
 */

/** The swept quantity: model parameters N, training compute C in FLOPs, or training tokens D. */
export type SweepOver = 'params' | 'compute' | 'tokens';

/** Unit of a series' values, for axis labels and for grouping series into charts. */
export type SeriesUnit = 'probability' | 'accuracy' | 'similarity' | 'score' | 'sd' | 'nats';

export interface Series {
  /** Stable id (kebab-case), a public interface: CSV rows and `grep` pipelines name it. */
  name: string;
  /** One line of text for legends and tables. */
  label: string;
  unit: SeriesUnit;
  /** The swept scale (shared by every series of a simulation; do not mutate). */
  x: Float64Array;
  /** The value at each x; always finite. */
  y: Float64Array;
  /**
   * Nominal range of the values, [low, high]: the curve's floor and ceiling (0–1 by default). The
   * summary's 10/50/90% levels are fractions of this range, so they do not depend on where the sweep
   * stops. Absent for unbounded series (losses, standard deviations): no crossings are computed.
   */
  range?: readonly [number, number];
  /** Scale (in x units) at which the ability behind the series reaches its threshold N_c, if any. */
  threshold?: number;
}

/** A vertical marker on the swept axis (a threshold, a saturation size). Only markers inside the sweep are listed. */
export interface Marker {
  /** The series the marker belongs to, when it belongs to one. */
  series?: string;
  /** Position in x units. */
  scale: number;
  label: string;
}

/** A level crossing of a series: where it first reaches `fraction` of its nominal range. */
export interface Crossing {
  /** 0.1, 0.5 or 0.9: the fraction of the nominal range. */
  fraction: number;
  /** The absolute value crossed: low + fraction·(high − low). */
  value: number;
  /**
   * `within`: crossed inside the sweep at `scale` (interpolated linearly in log10 x);
   * `before`: already at or above the level at the first point; `after`: never reached.
   */
  position: 'within' | 'before' | 'after';
  /** x at the crossing; present only when `position` is `within`. */
  scale?: number;
}

export interface SeriesSummary {
  name: string;
  unit: SeriesUnit;
  /** Value at the first and at the last point of the sweep. */
  start: number;
  end: number;
  /** Crossings of 10%, 50% and 90% of the nominal range (empty for unbounded series). */
  crossings: Crossing[];
  /** Scales of the 10%, 50% and 90% crossings when they fall inside the sweep. */
  at10?: number;
  at50?: number;
  at90?: number;
  /** Sharpness: decades of scale from the 10% to the 90% crossing, `log10(at90 / at10)`. */
  widthDecades?: number;
}

/** The built-in scenarios of `emerge simulate` (data/scenarios/NAME.yaml). */
export type ScenarioName = 'phase' | 'abilities' | 'mirage' | 'composition' | 'multitask' | 'quality' | 'finite-eval';

export interface Simulation<Report = unknown> {
  scenario: ScenarioName;
  /** What x is: parameters, compute (FLOPs) or training tokens. */
  xLabel: SweepOver;
  series: Series[];
  markers: Marker[];
  /** One summary per series, in the same order. */
  summary: SeriesSummary[];
  /** Scenario-specific findings with their numbers (see each scenario's report type). */
  report: Report;
  /** Sentences for people: the model behind the numbers and what the numbers show. */
  notes: string[];
}
