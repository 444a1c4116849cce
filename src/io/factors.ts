/**
 * The seed's factor tables (data/factors.yaml): taxonomy §1.3, theories §3–§4, data stages §6.2,
 * scale ranges §6.1, quality levels §6.3, training strategies §6.4.
 */
import type { AbilityKind, DataStage, Factors, ScaleFactor, Theory, TrainingStrategy } from '../core/factors.js';
import { readBilingual } from './bilingual.js';
import { readShippedData } from './data-files.js';
import { parseFileQuantity, QUALITY, TOKENS, type Range } from './numbers.js';
import { YamlReader, type YamlPath } from './yaml-source.js';

const ANY: Range = { min: 0, max: 1e16, what: 'a non-negative number', example: '24' };
let cached: Factors | undefined;

export function loadFactors(): Factors {
  return (cached ??= readShippedData('factors.yaml', (source) => parseFactors(new YamlReader(source))));
}

export function parseFactors(reader: YamlReader): Factors {
  const keys = ['taxonomy', 'theories', 'data_stages', 'scale_factors', 'quality_levels', 'training_strategies'];
  reader.mapping([], keys, keys);
  const num = (path: YamlPath, range: Range): number =>
    parseFileQuantity(reader.at(path), range, { file: reader.source.file, line: reader.source.lineOf(path), field: String(path.at(-1)) });
  const each = <T>(key: string, read: (path: YamlPath) => T): T[] => reader.sequence([key]).map((_, i) => read([key, i]));

  const taxonomy = each<AbilityKind>('taxonomy', (p) => {
    reader.mapping(p, ['id', 'name', 'abilities', 'examples'], ['id', 'name', 'abilities', 'examples']);
    return { id: reader.string([...p, 'id']), name: readBilingual(reader, [...p, 'name']), abilities: readBilingual(reader, [...p, 'abilities']), examples: readBilingual(reader, [...p, 'examples']) };
  });
  const theories = each<Theory>('theories', (p) => {
    reader.mapping(p, ['id', 'name', 'formula', 'section', 'used_by'], ['id', 'name', 'formula', 'section', 'used_by']);
    return { id: reader.string([...p, 'id']), name: readBilingual(reader, [...p, 'name']), formula: reader.string([...p, 'formula']), section: reader.string([...p, 'section']), usedBy: reader.string([...p, 'used_by']) };
  });
  const dataStages = each<DataStage>('data_stages', (p) => {
    const raw = reader.mapping(p, ['id', 'from_tokens', 'to_tokens', 'name'], ['id', 'name']);
    const stage: DataStage = { id: reader.string([...p, 'id']), name: readBilingual(reader, [...p, 'name']) };
    if (raw.from_tokens !== undefined) stage.fromTokens = num([...p, 'from_tokens'], TOKENS);
    if (raw.to_tokens !== undefined) stage.toTokens = num([...p, 'to_tokens'], TOKENS);
    return stage;
  });
  const scaleFactors = each<ScaleFactor>('scale_factors', (p) => {
    reader.mapping(p, ['id', 'name', 'effect', 'min', 'max', 'unit'], ['id', 'name', 'effect', 'min', 'max', 'unit']);
    return {
      id: reader.string([...p, 'id']),
      name: readBilingual(reader, [...p, 'name']),
      effect: readBilingual(reader, [...p, 'effect']),
      min: num([...p, 'min'], ANY),
      max: num([...p, 'max'], ANY),
      unit: reader.string([...p, 'unit']),
    };
  });
  const levels = reader.mapping(['quality_levels'], Object.keys(reader.at(['quality_levels']) ?? {}));
  const qualityLevels = Object.fromEntries(Object.keys(levels).map((k) => [k, num(['quality_levels', k], QUALITY)]));
  const trainingStrategies = each<TrainingStrategy>('training_strategies', (p) => {
    reader.mapping(p, ['id', 'name', 'effect'], ['id', 'name', 'effect']);
    return { id: reader.string([...p, 'id']), name: readBilingual(reader, [...p, 'name']), effect: readBilingual(reader, [...p, 'effect']) };
  });
  return { taxonomy, theories, dataStages, scaleFactors, qualityLevels, trainingStrategies };
}
