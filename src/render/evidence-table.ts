/**
 * `emerge thresholds --evidence` for people: one row per measure of each seed ability (the claim,
 * the measured threshold in parameters and FLOPs with its 95% interval, the models, the data set, the
 * comparison), the definitions and notes below it, and the mirage check per task.
 */
import type { Ability } from '../core/catalog.js';
import type { Comparison, DatasetId, EvidenceDocument, EvidenceEntry, Where } from '../core/evidence/index.js';
import { formatCount, formatSci } from './format.js';
import type { Palette } from './palette.js';
import { renderTable } from './table.js';

export interface EvidenceView {
  lang: 'en' | 'zh';
  palette: Palette;
  /** Show the mirage check (the whole evidence; not with --ability or --category). */
  mirage: boolean;
}

const DATASET_LABEL: Record<DatasetId, string> = {
  'obsscaling-cot': 'ObsScaling CoT',
  'ukp-on-emergence': 'UKP',
  'obsscaling-base': 'ObsScaling base',
};

/** "2.49B (1.51B–5.78B)", "< 60M (…–85.9M)", "> 176B (92.1B–…)". */
function thresholdCell(value: number | null, interval: [number | null, number | null], range: [number, number], where: Where, format: (x: number) => string): string {
  const end = (x: number | null): string => (x === null ? '…' : format(x));
  const point = where === 'inside' ? format(value!) : where === 'below' ? `< ${format(range[0])}` : `> ${format(range[1])}`;
  return `${point} (${end(interval[0])}–${end(interval[1])})`;
}

/** The measure a definition and a note belong to: HumanEval's per-level entries (humaneval-5 … humaneval-50) share one. */
function measureOf(m: EvidenceEntry): string {
  return m.measure.replace(/^humaneval-\d+$/, 'humaneval');
}

function comparisonCell(c: Comparison, palette: Palette): string {
  return c === 'consistent' ? palette.good(c) : c === 'not-reached' ? palette.dim(c) : palette.warn(c);
}

export function renderEvidence(document: EvidenceDocument, abilities: readonly Ability[], view: EvidenceView): string {
  const { palette } = view;
  const zh = view.lang === 'zh';
  const selected = abilities.map((a) => ({ ability: a, evidence: document.abilities.find((e) => e.id === a.id)! }));
  const measures = selected.reduce((n, s) => n + s.evidence.evidence.length, 0);
  const head = ['Ability', 'Claim', 'Measure', 'Threshold, params (95%)', 'Threshold, FLOPs (95%)', 'Models', 'Data', 'Comparison'];
  const rows = selected.flatMap(({ ability, evidence }) => {
    const name = zh ? ability.name.zh : ability.id;
    if (evidence.evidence.length === 0) return [[name, formatCount(ability.thresholdParams), palette.dim('no measure (see below)'), '', '', '', '', '']];
    return evidence.evidence.map((m: EvidenceEntry, i) => [
      i === 0 ? name : '',
      i === 0 ? formatCount(ability.thresholdParams) : '',
      zh ? m.name_zh : m.name,
      thresholdCell(m.threshold_params, m.interval.params, m.range.params, m.where.params, formatCount),
      `${thresholdCell(m.threshold_flops, m.interval.flops, m.range.flops, m.where.flops, (x) => formatSci(x))}${m.flops_from === 'reference-regime' ? '*' : ''}`,
      String(m.models),
      DATASET_LABEL[m.dataset],
      comparisonCell(m.comparison, palette),
    ]);
  });
  const definitions = new Map<string, string>();
  for (const { evidence } of selected) for (const m of evidence.evidence) definitions.set(measureOf(m), m.definition);
  const lines = [
    palette.bold(`What the data say about the seed's thresholds: ${selected.length} abilit${selected.length === 1 ? 'y' : 'ies'}, ${measures} measure${measures === 1 ? '' : 's'}`),
    palette.dim(
      `Threshold: where the curve fitted with emerge fit's engine reaches its level (gains: +${document.gain_level * 100} points); 95% interval from ${document.bootstrap} bootstrap refits; ` +
        `"<" below the smallest model, ">" beyond the largest, "…" an open end. Comparison with the claim (parameters) within ${document.tolerance_decades} decade, interval included.`,
    ),
    '',
    renderTable({ head, rows, align: ['left', 'right', 'left', 'right', 'right', 'right', 'left', 'left'] }),
  ];
  if (selected.some((s) => s.evidence.evidence.some((m) => m.flops_from === 'reference-regime'))) {
    lines.push(`* FLOPs = 6·N·${formatSci(document.reference_tokens)} tokens (the catalog's reference regime): the UKP file gives parameters only.`);
  }
  lines.push('', ...[...definitions].map(([id, text]) => `${id}: ${text}.`));
  // Each measure's note once (a measure shared by several abilities has one note).
  const notes = new Map<string, string>();
  for (const { ability, evidence } of selected) {
    for (const m of evidence.evidence) notes.set(measureOf(m), m.note);
    if (evidence.note) notes.set(ability.id, evidence.note);
  }
  lines.push('', ...[...notes].map(([id, note]) => palette.dim(`${id}: ${note}.`)));
  const used = [...new Set(selected.flatMap((s) => s.evidence.evidence.map((m) => m.dataset)))];
  if (view.mirage && !used.includes('ukp-on-emergence')) used.push('ukp-on-emergence');
  lines.push('', ...used.map((id) => `${DATASET_LABEL[id]}: ${document.datasets[id].source}; ${document.datasets[id].models} models; ${document.datasets[id].licence}.`));
  if (view.mirage) lines.push('', renderMirage(document, palette));
  return lines.join('\n');
}

function renderMirage(document: EvidenceDocument, palette: Palette): string {
  const { mirage } = document;
  const s = mirage.summary;
  const bic = (v: number | null): string => (v === null ? '' : v.toFixed(1));
  const rows = mirage.tasks.map((t) => [t.task, String(t.models), t.exactMatch, bic(t.deltaBicExactMatch), t.editSimilarity, bic(t.deltaBicEditSimilarity), t.holds ? 'yes' : palette.warn('no')]);
  return [
    palette.bold(`The metric effect on real outputs (Schaeffer et al. 2023), UKP file: ${s.tasks} tasks, emergent under exact match ${s.emergent_exact_match}, under edit similarity ${s.emergent_edit_similarity}; the verdict holds under both on ${s.holds}`),
    palette.dim(`Per task, ${mirage.definition}.`),
    '',
    renderTable({ head: ['Task', 'Models', 'Exact match', 'ΔBIC', 'Edit similarity', 'ΔBIC', 'Holds'], rows, align: ['left', 'right', 'left', 'right', 'left', 'right', 'left'] }),
  ].join('\n');
}
