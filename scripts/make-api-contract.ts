// Records api-contract.json: what emerge promises under semantic versioning, by package.json version.
// For each version: the names src/api/index.ts exports (values and types, from its declarations), and
// the field names of the JSON records the CLI prints with --format json (predict's document, with its
// results[], abilities[] and forecasts[] entries; the law, curve and forecast fits; simulate), as
// dotted paths (`results[].abilities[].status`).
//
// The rule (test/api/contract.test.ts): a name or field recorded for a version stays as long as the
// version is in the same compatibility line, the same 0.MINOR before 1.0 and the same MAJOR after
// it. Removing or renaming one is a breaking change: bump the version to the next line first, then
// record it. New names and fields are additions, fine in any release; they are recorded, and then
// kept, by running this script:
//   npm run api-contract      (needs the build: the law fits run the built binary, as in the suite)
// It refuses to record a surface that drops something recorded in the current line.
import { readFileSync, writeFileSync } from 'node:fs';
import packageJson from '../package.json' with { type: 'json' };
import { runBinAsync } from '../test/helpers/run-bin.js';
import { runCli } from '../test/helpers/run-cli.js';
import { PUBLISHED_FITS } from '../test/setup/published-fits.js';
import { apiSymbols } from './api-surface.js';

/** What one version promises: exported names, and the fields of each JSON record. */
export interface ApiSurface {
  exports: { values: string[]; types: string[] };
  records: Record<string, string[]>;
}

export interface ApiContract {
  $comment: string;
  versions: Record<string, ApiSurface>;
}

/** The commands whose --format json documents are recorded, cheap ones, on shipped fixtures. */
export const RECORD_COMMANDS: Record<string, string[][]> = {
  predict: [['predict', '--params', '70e9', '--format', 'json']],
  'fit curve': [['fit', 'fixtures/emergence_obsscaling_bigbench.csv', '--bootstrap', '50', '--holdout-above', '3e10', '--format', 'json']],
  'fit forecast': [['fit', 'fixtures/ladder_rpj_paper.csv', '--format', 'json']],
  simulate: [
    ['simulate', '--scenario', 'phase', '--steps', '20', '--format', 'json'],
    ['simulate', '--steps', '20', '--format', 'json'],
  ],
};
/** The law fit's record comes from the suite's shared published fits (test/setup/published-fits.ts). */
export const LAW_RECORD = 'fit law';

const COMMENT =
  'Written by scripts/make-api-contract.ts (npm run api-contract); checked by test/api/contract.test.ts. ' +
  'A name or JSON field recorded for a version stays while the version is in the same line (0.MINOR before 1.0, MAJOR after): ' +
  'removing one needs the version bumped to the next line first. Additions are fine; run npm run api-contract to record them.';

/** Every field of a JSON document as a dotted path; array entries as `[]`. */
export function fieldPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((entry) => fieldPaths(entry, `${prefix}[]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, entry]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return [path, ...fieldPaths(entry, path)];
  });
}

const sorted = (names: Iterable<string>): string[] => [...new Set(names)].sort();

/** The surface now: the API's exports, and the fields of the given JSON documents by record. */
export function currentSurface(documents: Record<string, string[]>): ApiSurface {
  const symbols = apiSymbols();
  return {
    exports: { values: sorted(symbols.filter((s) => s.value).map((s) => s.name)), types: sorted(symbols.filter((s) => !s.value).map((s) => s.name)) },
    records: Object.fromEntries(Object.entries(documents).map(([record, texts]) => [record, sorted(texts.flatMap((text) => fieldPaths(JSON.parse(text))))])),
  };
}

/** The versions that promise the same things: 0.MINOR before 1.0, MAJOR after. */
export function compatibilityLine(version: string): string {
  const [major, minor] = version.split('.');
  return major === '0' ? `0.${minor}` : major!;
}

/** What the recorded versions of `version`'s line promise and `surface` no longer has, e.g. "exports.values: loss (0.1.0)". */
export function removals(contract: ApiContract, version: string, surface: ApiSurface): string[] {
  const line = compatibilityLine(version);
  return Object.entries(contract.versions)
    .filter(([recorded]) => compatibilityLine(recorded) === line)
    .flatMap(([recorded, promised]) => {
      const lost = (what: string, before: string[], now: string[] | undefined): string[] => before.filter((name) => !now?.includes(name)).map((name) => `${what}: ${name} (${recorded})`);
      return [
        ...lost('exports.values', promised.exports.values, surface.exports.values),
        ...lost('exports.types', promised.exports.types, surface.exports.types),
        ...Object.entries(promised.records).flatMap(([record, fields]) => lost(`records["${record}"]`, fields, surface.records[record])),
      ];
    });
}

export const CONTRACT_FILE = new URL('../api-contract.json', import.meta.url);

export function readContract(): ApiContract {
  return JSON.parse(readFileSync(CONTRACT_FILE, 'utf8')) as ApiContract;
}

/** The JSON documents of RECORD_COMMANDS, run in-process, by record. */
export async function commandDocuments(): Promise<Record<string, string[]>> {
  const entries = await Promise.all(
    Object.entries(RECORD_COMMANDS).map(async ([record, commands]) => {
      const texts: string[] = [];
      for (const argv of commands) {
        const { code, stdout, stderr } = await runCli(argv);
        if (code !== 0) throw new Error(`api-contract: emerge ${argv.join(' ')} exited with ${code}: ${stderr}`);
        texts.push(stdout);
      }
      return [record, texts] as const;
    }),
  );
  return Object.fromEntries(entries);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const fits = await Promise.all(Object.values(PUBLISHED_FITS).map((argv) => runBinAsync([...argv])));
  const failed = fits.find((fit) => fit.code !== 0);
  if (failed) throw new Error(`api-contract: a published fit failed (run npm run build first): ${failed.stderr}`);
  const surface = currentSurface({ ...(await commandDocuments()), [LAW_RECORD]: fits.map((fit) => fit.stdout) });
  const contract: ApiContract = (() => {
    try {
      return readContract();
    } catch {
      return { $comment: COMMENT, versions: {} };
    }
  })();
  const lost = removals(contract, packageJson.version, surface);
  if (lost.length > 0) {
    process.stderr.write(`api-contract: ${packageJson.version} drops what its line promises (a breaking change: bump the version first):\n  ${lost.join('\n  ')}\n`);
    process.exit(1);
  }
  contract.$comment = COMMENT;
  contract.versions[packageJson.version] = surface;
  writeFileSync(CONTRACT_FILE, `${JSON.stringify(contract, null, 2)}\n`);
}
