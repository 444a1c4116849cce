// The semver contract of the library and of the CLI's JSON (api-contract.json, written by
// scripts/make-api-contract.ts). The rule: every exported name (value or type) and every field of a
// --format json record that api-contract.json records for a version of the current compatibility
// line (0.MINOR before 1.0, MAJOR after) must still be there. Removing or renaming one without
// bumping package.json's version to the next line fails here, naming what went. Additions are
// fine; the last test asks for them to be recorded (npm run api-contract), so that they are kept
// from then on. The law fit's record is read from the suite's shared published fits.
import { describe, expect, inject, it } from 'vitest';
import packageJson from '../../package.json' with { type: 'json' };
import { commandDocuments, compatibilityLine, currentSurface, LAW_RECORD, readContract, removals, type ApiContract, type ApiSurface } from '../../scripts/make-api-contract.js';

const fits = inject('publishedFits');
const contract = readContract();
const surface = currentSurface({ ...(await commandDocuments()), [LAW_RECORD]: [fits.chinchilla.stdout, fits.epochPoints.stdout] });

describe('the semver contract (api-contract.json)', () => {
  it(`records the line of package.json's version (${packageJson.version})`, () => {
    const lines = Object.keys(contract.versions).map(compatibilityLine);
    expect(lines, `no version of the line ${compatibilityLine(packageJson.version)} is recorded: run npm run api-contract`).toContain(compatibilityLine(packageJson.version));
  });

  it('keeps every name and JSON field recorded for the current line (or the version is bumped)', () => {
    const lost = removals(contract, packageJson.version, surface);
    expect(lost, `removed without bumping ${packageJson.version} to the next line (a breaking change):\n${lost.join('\n')}`).toEqual([]);
  });

  it('has the additions recorded: the entry of the current version is the surface now (npm run api-contract)', () => {
    expect(contract.versions[packageJson.version]).toEqual(surface);
  });

  it('catches a removal in the same line, and lets it pass after a bump to the next line', () => {
    const without = (names: string[], name: string): string[] => names.filter((n) => n !== name);
    const recorded: ApiContract = { $comment: '', versions: { '0.1.0': surface } };
    const dropped: ApiSurface = {
      exports: { values: without(surface.exports.values, 'loss'), types: without(surface.exports.types, 'ScalingLaw') },
      records: { ...surface.records, predict: without(surface.records.predict!, 'results[].loss') },
    };
    expect(removals(recorded, '0.1.3', dropped)).toEqual(['exports.values: loss (0.1.0)', 'exports.types: ScalingLaw (0.1.0)', 'records["predict"]: results[].loss (0.1.0)']);
    expect(removals(recorded, '0.2.0', dropped)).toEqual([]);
    expect(removals({ $comment: '', versions: { '1.0.0': surface } }, '1.4.0', dropped)).toHaveLength(3);
    expect(removals(recorded, '0.1.1', { ...surface, exports: { ...surface.exports, values: [...surface.exports.values, 'predict'] } })).toEqual([]);
  });
});
