// Writes man/emerge.1 from the option table (src/docs/man-page.ts). Run after changing an option:
//   npx tsx scripts/make-man.ts          (test/docs/man-page.test.ts fails while the file is stale)
import { writeFileSync } from 'node:fs';
import packageJson from '../package.json' with { type: 'json' };
import { manPage } from '../src/docs/man-page.js';
import { COMMAND_SPECS, EXIT_CODES, PROGRAM_DESCRIPTION } from '../src/options/index.js';

export const manPageText = (): string => manPage({ version: packageJson.version, description: PROGRAM_DESCRIPTION, specs: COMMAND_SPECS, exitCodes: EXIT_CODES });

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(new URL('../man/emerge.1', import.meta.url), manPageText());
}
