/**
 * Long-format task scores → one series of model points per group (task, or task × subtask × metric…).
 * Within a group a model measured several times gets the mean of its scores, so each model counts
 * once in the fit and in the bootstrap.
 */
import { detectScoreScale } from './score-scale.js';

/** One measured score, as parsed from a long-format table by the io layer. */
export interface ScoreRow {
  /** The group's identifying columns, e.g. { task: 'arithmetic', subtask: '2_digit_addition', metric: 'acc' }. */
  group: Readonly<Record<string, string>>;
  model: string;
  /** Scale on the chosen axis: parameters, FLOPs, tokens, or predicted loss (nats). NaN when unknown. */
  scale: number;
  /** Score on 0–1 (or 0–100, detected per group). */
  score: number;
  /** The task's random-guess score on the same scale as `score`, when known. */
  baseline?: number;
}

/** A model's (mean) score in a group. */
export interface ModelPoint {
  model: string;
  scale: number;
  /** Mean score on the 0–1 scale. */
  score: number;
  /** How many rows were averaged. */
  rows: number;
}

export interface ScoreGroup {
  /** Stable identity of the group (its columns in order), for maps and seeding. */
  key: string;
  group: Readonly<Record<string, string>>;
  /** One point per model, ordered by scale (ascending), then model name. */
  points: ModelPoint[];
  /** Random baseline on the 0–1 scale; undefined when no row gives one. */
  baseline?: number;
  /** 0.01 when the group's scores were detected as 0–100 and divided by 100. */
  scoreFactor: 1 | 0.01;
  /** Things the user should be told: rescaling, dropped rows, conflicting values. */
  notes: string[];
  /** Set when the scores cannot be scores (negative, or above 100): the group cannot be fitted. */
  invalid?: string;
}

/**
 * Human-readable label of a group: its non-empty values joined with "/".
 * @example groupLabel({ task: 'arithmetic', subtask: '', metric: 'acc' }) // 'arithmetic/acc'
 */
export function groupLabel(group: Readonly<Record<string, string>>): string {
  const parts = Object.values(group).filter((v) => v !== '');
  return parts.length > 0 ? parts.join('/') : '(all rows)';
}

/**
 * Group rows, detect 0–100 scores per group (see score-scale.ts), and average repeated models.
 * Rows whose scale or score is not a finite number are dropped and counted in the group's notes.
 * When a model has different scales within a group the first is kept (noted); when rows disagree on
 * the baseline their mean is used (noted).
 * @example groupScores([{ group: { task: 't' }, model: 'a', scale: 1e9, score: 0.2 }, { group: { task: 't' }, model: 'a', scale: 1e9, score: 0.4 }])[0].points // [{ model: 'a', scale: 1000000000, score: 0.30000000000000004, rows: 2 }]
 */
export function groupScores(rows: readonly ScoreRow[]): ScoreGroup[] {
  const byKey = new Map<string, { group: Readonly<Record<string, string>>; rows: ScoreRow[] }>();
  for (const row of rows) {
    const key = JSON.stringify(Object.entries(row.group));
    let entry = byKey.get(key);
    if (!entry) {
      entry = { group: row.group, rows: [] };
      byKey.set(key, entry);
    }
    entry.rows.push(row);
  }
  return [...byKey.entries()].map(([key, { group, rows: groupRows }]) => summariseGroup(key, group, groupRows));
}

function summariseGroup(key: string, group: Readonly<Record<string, string>>, rows: ScoreRow[]): ScoreGroup {
  const label = groupLabel(group);
  const notes: string[] = [];
  const usable = rows.filter((r) => Number.isFinite(r.scale) && Number.isFinite(r.score));
  const dropped = rows.length - usable.length;
  if (dropped > 0) notes.push(`${label}: ${dropped} of ${rows.length} rows without a numeric scale or score were skipped`);

  const scale = detectScoreScale(
    usable.map((r) => r.score),
    label,
  );
  if (!scale.ok) return { key, group, points: [], scoreFactor: 1, notes, invalid: scale.message };
  if (scale.note) notes.push(scale.note);
  const factor = scale.factor;

  const byModel = new Map<string, { scale: number; sum: number; rows: number; scaleConflict: boolean }>();
  for (const r of usable) {
    const m = byModel.get(r.model);
    if (!m) {
      byModel.set(r.model, { scale: r.scale, sum: r.score * factor, rows: 1, scaleConflict: false });
    } else {
      m.sum += r.score * factor;
      m.rows++;
      if (r.scale !== m.scale) m.scaleConflict = true;
    }
  }
  const points: ModelPoint[] = [];
  for (const [model, m] of byModel) {
    if (m.scaleConflict) notes.push(`${label}: model ${model} has several scale values; using the first, ${m.scale}`);
    points.push({ model, scale: m.scale, score: m.sum / m.rows, rows: m.rows });
  }
  points.sort((a, b) => a.scale - b.scale || (a.model < b.model ? -1 : a.model > b.model ? 1 : 0));

  const baselines = usable.map((r) => r.baseline).filter((b): b is number => b !== undefined && Number.isFinite(b));
  let baseline: number | undefined;
  if (baselines.length > 0) {
    const mean = baselines.reduce((s, b) => s + b, 0) / baselines.length;
    if (baselines.some((b) => Math.abs(b - baselines[0]!) > 1e-12)) notes.push(`${label}: rows give different random baselines; using their mean, ${mean * factor}`);
    baseline = mean * factor;
  }
  return baseline === undefined ? { key, group, points, scoreFactor: factor, notes } : { key, group, points, baseline, scoreFactor: factor, notes };
}
