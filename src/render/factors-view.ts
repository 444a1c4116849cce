/**
 * `emerge thresholds --stages`: the seed's factor tables (taxonomy §1.3, mechanisms §3–§4, model
 * scale §6.1, data stages §6.2, data quality §6.3, training strategies §6.4) as tables, JSON or CSV.
 */
import type { Bilingual } from '../core/catalog.js';
import type { Factors } from '../core/factors.js';
import { csvDocument, type CsvCell } from './csv.js';
import { formatCount } from './format.js';
import type { Palette } from './palette.js';
import { renderTable } from './table.js';

export function renderFactors(factors: Factors, lang: 'en' | 'zh', palette: Palette): string {
  const t = (b: Bilingual): string => (lang === 'zh' ? b.zh : b.en);
  const span = (from: number | undefined, to: number | undefined, unit: string): string =>
    from === undefined ? `< ${formatCount(to!)} ${unit}` : to === undefined ? `> ${formatCount(from)} ${unit}` : `${formatCount(from)}–${formatCount(to)} ${unit}`;
  const sections: [string, string[], string[][]][] = [
    ['Kinds of emergent ability (seed §1.3)', ['Kind', 'Abilities', 'Examples'], factors.taxonomy.map((k) => [t(k.name), t(k.abilities), t(k.examples)])],
    [
      'Mechanisms of emergence (seed §3, §4)',
      ['Theory', 'Formula', 'Section', 'In emerge'],
      factors.theories.map((k) => [t(k.name), k.formula, k.section, k.usedBy]),
    ],
    [
      'Model scale (seed §6.1)',
      ['Factor', 'Effect', 'Critical range'],
      factors.scaleFactors.map((f) => [t(f.name), t(f.effect), f.unit === 'parameters' ? `${formatCount(f.min)}–${formatCount(f.max)}` : `${f.min}–${f.max} ${f.unit}`]),
    ],
    ['Data scale (seed §6.2)', ['Training data', 'Abilities that emerge'], factors.dataStages.map((s) => [span(s.fromTokens, s.toTokens, 'tokens'), t(s.name)])],
    [
      'Data quality (seed §6.3: high-quality data lowers the threshold)',
      ['Level', 'Effective data'],
      Object.entries(factors.qualityLevels).map(([level, q]) => [level, `×${q} (--quality ${level})`]),
    ],
    ['Training strategy (seed §6.4)', ['Strategy', 'Effect on emergence'], factors.trainingStrategies.map((s) => [t(s.name), t(s.effect)])],
  ];
  return sections.map(([title, head, rows]) => `${palette.bold(title)}\n${renderTable({ head, rows })}`).join('\n\n');
}

export function factorsRecord(factors: Factors): Record<string, unknown> {
  const both = (b: Bilingual, key: string): Record<string, string> => ({ [key]: b.en, [`${key}_zh`]: b.zh });
  return {
    taxonomy: factors.taxonomy.map((k) => ({ id: k.id, ...both(k.name, 'name'), ...both(k.abilities, 'abilities'), ...both(k.examples, 'examples') })),
    theories: factors.theories.map((k) => ({ id: k.id, ...both(k.name, 'name'), formula: k.formula, section: k.section, used_by: k.usedBy })),
    scale_factors: factors.scaleFactors.map((f) => ({ id: f.id, ...both(f.name, 'name'), ...both(f.effect, 'effect'), min: f.min, max: f.max, unit: f.unit })),
    data_stages: factors.dataStages.map((s) => ({ id: s.id, ...both(s.name, 'name'), from_tokens: s.fromTokens ?? null, to_tokens: s.toTokens ?? null })),
    quality_levels: factors.qualityLevels,
    training_strategies: factors.trainingStrategies.map((s) => ({ id: s.id, ...both(s.name, 'name'), ...both(s.effect, 'effect') })),
  };
}

/** One row per entry: section,id,name,name_zh,description,description_zh,from,to,unit. */
export function factorsCsv(factors: Factors): string {
  const rows: CsvCell[][] = [
    ...factors.taxonomy.map((k) => ['taxonomy', k.id, k.name.en, k.name.zh, `${k.abilities.en}; e.g. ${k.examples.en}`, `${k.abilities.zh}；${k.examples.zh}`, undefined, undefined, undefined]),
    ...factors.theories.map((k) => ['theory', k.id, k.name.en, k.name.zh, `${k.formula} (${k.section}; ${k.usedBy})`, undefined, undefined, undefined, undefined]),
    ...factors.scaleFactors.map((f) => ['scale', f.id, f.name.en, f.name.zh, f.effect.en, f.effect.zh, f.min, f.max, f.unit]),
    ...factors.dataStages.map((s) => ['data-stage', s.id, s.name.en, s.name.zh, undefined, undefined, s.fromTokens, s.toTokens, 'tokens']),
    ...Object.entries(factors.qualityLevels).map(([level, q]) => ['quality', level, level, level, 'factor on effective training data', '有效训练数据的倍数', q, q, 'factor']),
    ...factors.trainingStrategies.map((s) => ['training', s.id, s.name.en, s.name.zh, s.effect.en, s.effect.zh, undefined, undefined, undefined]),
  ];
  return csvDocument(['section', 'id', 'name', 'name_zh', 'description', 'description_zh', 'from', 'to', 'unit'], rows);
}
