/**
 * Reading { en, zh } name pairs from YAML.
 */
import type { Bilingual } from '../core/catalog.js';
import type { YamlPath, YamlReader } from './yaml-source.js';

export function readBilingual(reader: YamlReader, path: YamlPath): Bilingual {
  reader.mapping(path, ['en', 'zh'], ['en', 'zh']);
  return { en: reader.string([...path, 'en']), zh: reader.string([...path, 'zh']) };
}

export function readOptionalBilingual(reader: YamlReader, path: YamlPath): Bilingual | undefined {
  return reader.at(path) === undefined ? undefined : readBilingual(reader, path);
}
