// The CLI reads the shipped YAML from the JSON the build writes to dist/data; both must agree.
import { describe, expect, it } from 'vitest';
import { dataFile, readShippedYaml } from '../../src/io/data-files.js';
import { readYamlFile } from '../../src/io/yaml-source.js';

describe('shipped data', () => {
  it.each(['abilities.yaml', 'laws.yaml', 'factors.yaml'])('%s reads the same from YAML and from its precompiled JSON', (name) => {
    expect(readShippedYaml(name).value).toEqual(readYamlFile(dataFile(name)).value);
  });
});
