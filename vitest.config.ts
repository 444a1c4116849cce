import { defineConfig } from 'vitest/config';

// The JSON report is read by .ci/run to print its own "N passed, M failed" line.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup/fast-check.ts'],
    reporters: ['default', 'json'],
    outputFile: { json: '.vitest-results.json' },
    testTimeout: 60_000,
  },
});
