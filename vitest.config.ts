import { defineConfig } from 'vitest/config';

// The JSON report is read by .ci/run to print its own "N passed, M failed" line.
//
// Two worker threads: the project's machine has two cores, and vitest's default (cores − 1) would run
// one file at a time. Threads start faster than forked processes (a test file's fixed cost); tests
// that need a process of their own spawn the built binary. Timeouts are generous on purpose: no
// verdict may depend on the machine's speed, so a test is given minutes on a machine that is busy.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup/fast-check.ts'],
    // The published law fits, run once and shared (test/setup/published-fits.ts).
    globalSetup: ['test/setup/published-fits.ts'],
    reporters: ['default', 'json'],
    outputFile: { json: '.vitest-results.json' },
    pool: 'threads',
    maxWorkers: 2,
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
