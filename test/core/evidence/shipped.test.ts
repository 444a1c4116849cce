// The shipped evidence (data/evidence.yaml): exactly what the fit produces, and what it must say.
// The build-time computation runs once here (about 2 s); every other test reads the shipped file.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { EvidenceDocument } from '../../../src/core/evidence/index.js';
import { loadAbilityCatalog } from '../../../src/io/abilities.js';
import { computeShippedEvidence } from '../../../src/io/evidence-build.js';
import { evidenceYaml } from '../../../src/io/evidence.js';

const shippedText = readFileSync(new URL('../../../data/evidence.yaml', import.meta.url), 'utf8');
const shipped = parse(shippedText) as EvidenceDocument;
const entry = (id: string, measure: string) => shipped.abilities.find((a) => a.id === id)!.evidence.find((e) => e.measure === measure)!;

describe('data/evidence.yaml', () => {
  it('is byte for byte what scripts/build-evidence.ts computes now (seeded bootstraps: the same bytes on every run)', () => {
    expect(evidenceYaml(computeShippedEvidence())).toBe(shippedText);
  });

  it('covers every seed ability of the catalog: each has evidence, or an empty list and a note saying why', () => {
    const seed = loadAbilityCatalog().abilities.filter((a) => a.source.startsWith('seed §'));
    expect(shipped.abilities.map((a) => a.id)).toEqual(seed.map((a) => a.id));
    for (const a of shipped.abilities) {
      expect(a.claim_params).toBe(seed.find((s) => s.id === a.id)!.thresholdParams);
      if (a.evidence.length === 0) expect(a.note?.length ?? 0, a.id).toBeGreaterThan(40);
      else expect(a.note, a.id).toBeUndefined();
    }
    // No UKP task has the keyword "computer code": programming rests on BBH's boolean_expressions.
    expect(shipped.abilities.find((a) => a.id === 'bigbench-programming')!.evidence.map((e) => e.measure)).toEqual(['bigbench-programming-bbh']);
  });

  // Reference: ../shared/data/README.md, "the BBH gain of CoT over direct prompting is below 0 for
  // models under about 1e22 FLOPs and grows to about +15 points near 3e23 FLOPs": the gain reaches
  // +2 points a little above 1e22 FLOPs.
  it('gives chain-of-thought a threshold in FLOPs and parameters with intervals from BBH, compared with the seed\'s 100B', () => {
    const bbh = entry('chain-of-thought', 'cot-gain-bbh');
    expect(bbh.models).toBe(75);
    expect(bbh.where).toEqual({ params: 'inside', flops: 'inside' });
    expect(bbh.threshold_flops!).toBeGreaterThan(1e22);
    expect(bbh.threshold_flops!).toBeLessThan(1e23);
    const [lo, hi] = bbh.interval.flops as [number, number];
    expect(lo).toBeLessThan(bbh.threshold_flops!);
    expect(hi).toBeGreaterThan(bbh.threshold_flops!);
    const [plo, phi] = bbh.interval.params as [number, number];
    expect(plo).toBeLessThan(bbh.threshold_params!);
    expect(phi).toBeGreaterThan(bbh.threshold_params!);
    expect(shipped.abilities.find((a) => a.id === 'chain-of-thought')!.claim_params).toBe(1e11);
    // 2.5B (1.5B–5.8B) against 100B: the whole interval more than half a decade below the claim.
    expect(bbh.comparison).toBe('earlier');
    expect(bbh.decades!).toBeCloseTo(-1.6, 1);
  });

  it('gives chain-of-thought a separate threshold from GSM8K', () => {
    const gsm = entry('chain-of-thought', 'cot-gain-gsm8k');
    expect(gsm.dataset).toBe('obsscaling-cot');
    expect(gsm.models).toBe(91);
    expect(gsm.where.flops).toBe('inside');
    expect(gsm.threshold_flops).not.toBe(entry('chain-of-thought', 'cot-gain-bbh').threshold_flops);
    expect(gsm.interval.flops.every((x) => x !== null)).toBe(true);
    expect(gsm.threshold_params).not.toBeNull();
    expect(gsm.comparison).toBe('earlier');
  });

  it('holds no NaN or Infinity, and only the documented comparison words', () => {
    expect(shippedText).not.toMatch(/\.nan|\.inf|NaN|Infinity/i);
    for (const a of shipped.abilities) for (const e of a.evidence) expect(['consistent', 'earlier', 'later', 'not-reached']).toContain(e.comparison);
  });

  it('reports the metric check for every task of the UKP file', () => {
    expect(shipped.mirage.summary.tasks).toBe(23);
    expect(shipped.mirage.tasks.map((t) => t.task)).toContain('modified_arithmetic');
    expect(shipped.mirage.summary.holds).toBe(shipped.mirage.tasks.filter((t) => t.holds).length);
  });
});
