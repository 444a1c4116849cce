/**
 * Table views of `emerge thresholds`: the catalog listing, and a planned model judged against it.
 */
import type { UnquantifiedAbility } from '../core/catalog.js';
import { formatCount, formatDecades, formatPercent, formatSci } from './format.js';
import { renderPredictionSummary, type PredictionView } from './prediction-table.js';
import type { CatalogRecord, ModelThresholdRecord } from './threshold-record.js';
import { renderTable } from './table.js';

const count = (x: number | null): string => (x === null ? 'unreachable' : formatCount(x));
const flops = (x: number | null): string => (x === null ? 'unreachable' : formatSci(x));

/** "seed §2.1.3" or "Wei 2022 T1 · Brown et al. (2020) · GPT-3". */
function shortSource(r: { source: string; model?: string; reference?: string }): string {
  return r.model !== undefined ? `Wei 2022 T1 · ${r.reference} · ${r.model}` : r.source;
}

/** Category rows group long lists (the whole catalog); short selections are not grouped. */
function grouped<T extends { category: string }>(records: T[], row: (r: T, indent: string) => string[], width: number): string[][] {
  const group = records.length > 8;
  const rows: string[][] = [];
  let category = '';
  for (const r of records) {
    if (group && r.category !== category) {
      category = r.category;
      rows.push([category, ...Array<string>(width - 1).fill('')]);
    }
    rows.push(row(r, group ? '  ' : ''));
  }
  return rows;
}

export function renderCatalogTable(records: CatalogRecord[], unquantified: UnquantifiedAbility[], view: PredictionView, quality: number): string {
  const { palette } = view;
  const name = (r: CatalogRecord): string => (view.lang === 'zh' ? r.name_zh : r.name);
  const head = ['Ability', 'Name', 'Threshold', 'L_c', 'Min params', 'Min compute', 'Source'];
  const rows = grouped(records, (r, indent) => [`${indent}${r.id}`, name(r), formatCount(r.threshold_params), r.loss_threshold.toFixed(4), count(r.min_params), flops(r.min_compute), shortSource(r)], head.length);
  const lines = [
    palette.bold(`Emergence thresholds: ${records.length} abilities`),
    palette.dim(
      `Threshold N_c in parameters, observed at ${formatSci(view.referenceTokens)} training tokens; L_c = L(N_c, ${formatSci(view.referenceTokens)}) under ${view.law.id}; ` +
        `min params and min compute reach it${quality === 1 ? '' : ` with data quality ×${quality}`} (compute: a compute-optimal model).`,
    ),
    '',
    renderTable({ head, rows, align: ['left', 'left', 'right', 'right', 'right', 'right', 'left'] }),
  ];
  const banded = records.filter((r) => r.bands);
  for (const r of banded) {
    const bands = r.bands!.map((b) => {
      const range = b.from_params === null ? `< ${formatCount(b.to_params!)}` : b.to_params === null ? `≥ ${formatCount(b.from_params)}` : `${formatCount(b.from_params)}–${formatCount(b.to_params)}`;
      return `${range} ${view.lang === 'zh' ? b.label_zh : b.label}`;
    });
    lines.push('', `Bands of ${r.id} (${r.source}): ${bands.join(' · ')}`);
  }
  if (records.some((r) => r.source.startsWith('Wei et al.'))) {
    for (const u of unquantified) lines.push('', palette.dim(`Also in ${u.source}, with no single scale: ${view.lang === 'zh' ? u.name.zh : u.name.en} (${u.reference}). ${u.note}.`));
  }
  return lines.join('\n');
}

export function renderModelThresholds(record: ModelThresholdRecord, view: PredictionView): string {
  const { palette } = view;
  const status = (s: string): string => (s === 'emerged' ? palette.good(s) : s === 'emerging' ? palette.warn(s) : palette.dim(s));
  const atTokens = record.tokens !== view.referenceTokens || record.quality !== 1;
  const head = ['Ability', 'Threshold', 'P', 'Status', 'Decades', 'Min params', 'Min compute', ...(atTokens ? [`Min params at ${formatCount(record.tokens)} tokens`] : [])];
  const rows = grouped(
    record.abilities,
    (a, indent) => [
      `${indent}${view.lang === 'zh' ? a.name_zh : a.id}`,
      formatCount(a.threshold_params),
      formatPercent(a.probability),
      status(a.status),
      a.margin_decades === null ? '+inf' : formatDecades(a.margin_decades),
      count(a.min_params),
      flops(a.min_compute),
      ...(atTokens ? [count(a.min_params_at_tokens)] : []),
    ],
    head.length,
  );
  return [renderPredictionSummary(record, view), renderTable({ head, rows, align: ['left', 'right', 'right', 'left', 'right', 'right', 'right', 'right'] })].join('\n\n');
}
