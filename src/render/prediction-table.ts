/**
 * The table view of one prediction: a summary of the model, then its abilities grouped by category.
 */
import { computeOptimalTokens } from '../core/allocation.js';
import type { Factors } from '../core/factors.js';
import { outsideRange } from '../core/factors.js';
import { lossFloor, type ScalingLaw } from '../core/scaling-law.js';
import { formatCount, formatDecades, formatPercent, formatSci } from './format.js';
import type { Palette } from './palette.js';
import type { PredictionRecord } from './prediction-record.js';
import { renderFields, renderTable } from './table.js';

export interface PredictionView {
  law: ScalingLaw;
  referenceTokens: number;
  factors: Factors;
  lang: 'en' | 'zh';
  palette: Palette;
}

export function renderPredictionSummary(record: PredictionRecord, view: PredictionView): string {
  const { law, referenceTokens, palette } = view;
  const fields: [string, string][] = [
    ['Model', palette.bold(record.name)],
    ['Parameters', `${formatCount(record.params)}  ${palette.dim(record.params_source)}`],
    ['Tokens', `${formatCount(record.tokens)}  ${palette.dim(record.tokens_source)}`],
  ];
  if (record.quality !== 1 || record.quality_source !== 'standard (default)') {
    fields.push(['Data quality', `×${record.quality} effective data  ${palette.dim(`${record.quality_source}; seed §6.3`)}`]);
  }
  fields.push(['Compute', `${formatSci(record.compute)} FLOPs  ${palette.dim('C = 6·N·D')}`]);
  fields.push(['Loss', `${record.loss.toFixed(4)} nats/token  ${palette.dim(`L(N, q·D) under ${law.id}`)}`]);
  fields.push([
    'Effective size',
    record.effective_params === null
      ? `beyond the reference regime  ${palette.dim(`the loss is below the floor ${lossFloor(law, referenceTokens).toFixed(4)} of ${formatSci(referenceTokens)}-token training; abilities are judged by their loss margin`)}`
      : `${formatCount(record.effective_params)}  ${palette.dim(`the size with the same loss at ${formatSci(referenceTokens)} tokens, where the thresholds were observed`)}`,
  ]);
  const optimal = computeOptimalTokens(law, record.params);
  fields.push(['Optimal data', `${formatCount(optimal)} tokens  ${palette.dim(`compute-optimal for ${formatCount(record.params)} parameters under ${law.id} (${(optimal / record.params).toFixed(1)} per parameter)`)}`]);
  if (record.data_stage) {
    fields.push(['Data stage', `${view.lang === 'zh' ? record.data_stage.name_zh : record.data_stage.name}  ${palette.dim('seed §6.2')}`]);
  }
  if (record.architecture) fields.push(['Architecture', architectureNote(record.architecture, view.factors, palette)]);
  return renderFields(fields);
}

function architectureNote(shape: { layers: number; d_model: number }, factors: Factors, palette: Palette): string {
  const parts = [
    ['layers', shape.layers],
    ['d-model', shape.d_model],
  ].map(([id, value]) => {
    const factor = factors.scaleFactors.find((f) => f.id === id);
    if (!factor) return `${id} ${value}`;
    const side = outsideRange(factor, value as number);
    const range = `${factor.min}–${factor.max}`;
    return side ? palette.warn(`${id} ${value} ${side} the seed's ${range}`) : `${id} ${value} within ${range}`;
  });
  return `${parts.join('; ')}  ${palette.dim('seed §6.1')}`;
}

export function renderAbilityTable(record: PredictionRecord, view: PredictionView): string {
  const { palette } = view;
  const statusText = (status: string): string => (status === 'emerged' ? palette.good(status) : status === 'emerging' ? palette.warn(status) : palette.dim(status));
  const rows: string[][] = [];
  // Long lists (the whole catalog) are grouped under category rows; short selections are not.
  const grouped = record.abilities.length > 8;
  let category = '';
  for (const a of record.abilities) {
    if (grouped && a.category !== category) {
      category = a.category;
      rows.push([palette.bold(category), '', '', '', '', '']);
    }
    const name = `${grouped ? '  ' : ''}${view.lang === 'zh' ? a.name_zh : a.id}`;
    rows.push([
      name,
      formatCount(a.threshold_params),
      formatPercent(a.probability),
      statusText(a.status),
      a.margin_decades === null ? '+inf' : formatDecades(a.margin_decades),
      a.model !== undefined ? `Wei 2022 T1 · ${a.model}` : a.source,
    ]);
  }
  return renderTable({
    head: ['Ability', 'Threshold', 'P', 'Status', 'Decades', 'Source'],
    rows,
    align: ['left', 'right', 'right', 'left', 'right', 'left'],
  });
}

/**
 * The size band of each ability that has them (seed §2.1.3), one line each:
 * "in-context-learning at an effective 70B: clear improvement (seed §2.1.3: 10B–100B)".
 */
export function bandNotes(record: PredictionRecord, lang: 'en' | 'zh'): string[] {
  const size = record.effective_params === null ? 'beyond the reference regime' : `at an effective ${formatCount(record.effective_params)}`;
  return record.abilities.filter((a) => a.band !== undefined).map((a) => `${a.id} ${size}: ${lang === 'zh' ? a.band_zh : a.band} (bands of ${a.source})`);
}

/** "12 emerged, 3 emerging, 22 absent (of 37)". */
export function statusCounts(record: PredictionRecord): string {
  const count = (s: string): number => record.abilities.filter((a) => a.status === s).length;
  return `${count('emerged')} emerged, ${count('emerging')} emerging, ${count('absent')} absent (of ${record.abilities.length})`;
}
