import { describe, expect, it } from 'vitest';
import { groupLabel, groupScores, type ScoreRow } from '../../../src/core/curve-fit/group-scores.js';

const g = (metric: string) => ({ task: 'ipa', subtask: '', metric });

describe('groupScores', () => {
  it('averages a model measured several times and orders points by scale', () => {
    const rows: ScoreRow[] = [
      { group: g('em'), model: 'b', scale: 2e9, score: 0.5 },
      { group: g('em'), model: 'a', scale: 1e9, score: 0.2 },
      { group: g('em'), model: 'a', scale: 1e9, score: 0.4 },
      { group: g('em'), model: 'a', scale: 1e9, score: 0.3 },
    ];
    const [group] = groupScores(rows);
    expect(group!.points.map((p) => [p.model, p.rows])).toEqual([
      ['a', 3],
      ['b', 1],
    ]);
    expect(group!.points[0]!.score).toBeCloseTo(0.3, 15);
    expect(group!.notes).toEqual([]);
  });

  it('keeps groups apart and in order of first appearance', () => {
    const rows: ScoreRow[] = [
      { group: g('bleu'), model: 'a', scale: 1e9, score: 0.1 },
      { group: g('em'), model: 'a', scale: 1e9, score: 0.2 },
      { group: g('bleu'), model: 'b', scale: 2e9, score: 0.3 },
    ];
    const groups = groupScores(rows);
    expect(groups.map((x) => groupLabel(x.group))).toEqual(['ipa/bleu', 'ipa/em']);
    expect(groups[0]!.points).toHaveLength(2);
  });

  it('rescales 0–100 groups, baseline included, and notes it', () => {
    const rows: ScoreRow[] = [
      { group: g('bleu'), model: 'a', scale: 1e9, score: 5, baseline: 0 },
      { group: g('bleu'), model: 'b', scale: 2e9, score: 60, baseline: 0 },
      { group: g('pct'), model: 'a', scale: 1e9, score: 30, baseline: 25 },
    ];
    const [bleu, pct] = groupScores(rows);
    expect(bleu!.scoreFactor).toBe(0.01);
    expect(bleu!.points.map((p) => p.score)).toEqual([0.05, 0.6]);
    expect(bleu!.notes).toEqual(['ipa/bleu: scores up to 60 look like a 0–100 scale; divided by 100']);
    expect(pct!.baseline).toBeCloseTo(0.25, 15);
  });

  it('skips rows without a numeric scale or score, and says how many', () => {
    const rows: ScoreRow[] = [
      { group: g('em'), model: 'a', scale: Number.NaN, score: 0.2 },
      { group: g('em'), model: 'b', scale: 2e9, score: 0.5 },
    ];
    const [group] = groupScores(rows);
    expect(group!.points).toHaveLength(1);
    expect(group!.notes).toEqual(['ipa/em: 1 of 2 rows without a numeric scale or score were skipped']);
  });

  it('leaves the baseline undefined when no row gives one, and averages conflicting ones with a note', () => {
    const none = groupScores([{ group: g('em'), model: 'a', scale: 1e9, score: 0.3 }]);
    expect(none[0]!.baseline).toBeUndefined();
    const mixed = groupScores([
      { group: g('em'), model: 'a', scale: 1e9, score: 0.3, baseline: 0.2 },
      { group: g('em'), model: 'b', scale: 2e9, score: 0.3, baseline: 0.3 },
    ]);
    expect(mixed[0]!.baseline).toBeCloseTo(0.25, 15);
    expect(mixed[0]!.notes[0]).toMatch(/different random baselines/);
  });

  it('marks a group whose scores are not scores as invalid', () => {
    const [group] = groupScores([{ group: g('em'), model: 'a', scale: 1e9, score: -3 }]);
    expect(group!.invalid).toMatch(/expected 0–1/);
    expect(group!.points).toEqual([]);
  });

  it('notes a model with conflicting scales and keeps the first', () => {
    const [group] = groupScores([
      { group: g('em'), model: 'a', scale: 1e9, score: 0.3 },
      { group: g('em'), model: 'a', scale: 3e9, score: 0.5 },
    ]);
    expect(group!.points).toEqual([{ model: 'a', scale: 1e9, score: 0.4, rows: 2 }]);
    expect(group!.notes[0]).toMatch(/several scale values/);
  });
});

describe('groupLabel', () => {
  it('joins the non-empty values', () => {
    expect(groupLabel({ task: 'arithmetic', subtask: '2_digit_addition', metric: 'acc' })).toBe('arithmetic/2_digit_addition/acc');
    expect(groupLabel({ task: 'parsinlu_qa', subtask: '', metric: 'acc' })).toBe('parsinlu_qa/acc');
    expect(groupLabel({})).toBe('(all rows)');
  });
});
