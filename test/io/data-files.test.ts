// The CLI reads the shipped YAML from the JSON the build writes to dist/data, and the ability catalog,
// the factor tables and the default forecast from the build's parse of them (dist/data/*.parsed.json);
// each must agree with reading the YAML itself.
import { describe, expect, it } from 'vitest';
import { parseAbilityCatalog } from '../../src/io/abilities.js';
import { dataFile, readShippedData, readShippedYaml } from '../../src/io/data-files.js';
import { parseFactors } from '../../src/io/factors.js';
import { parseForecast } from '../../src/io/forecast-file.js';
import { readYamlFile, YamlReader, type YamlSource } from '../../src/io/yaml-source.js';

describe('shipped data', () => {
  it.each(['abilities.yaml', 'laws.yaml', 'factors.yaml'])('%s reads the same from YAML and from its precompiled JSON', (name) => {
    expect(readShippedYaml(name).value).toEqual(readYamlFile(dataFile(name)).value);
  });

  const readers: [string, (source: YamlSource) => unknown][] = [
    ['abilities.yaml', (source) => ({ ...parseAbilityCatalog(new YamlReader(source)), origin: undefined })],
    ['factors.yaml', (source) => parseFactors(new YamlReader(source))],
    ['forecast-default.yaml', (source) => parseForecast(new YamlReader(source))],
  ];
  it.each(readers)('%s: the parsed copy is what its reader makes of the YAML', (name, parse) => {
    const parsed = readShippedData(name, () => {
      throw new Error(`${name}: parsed again, not read from dist/data`);
    }) as object;
    expect({ ...parsed, ...(name === 'abilities.yaml' ? { origin: undefined } : {}) }).toStrictEqual(parse(readYamlFile(dataFile(name))));
  });
});
