#!/usr/bin/env node
// The built CLI lives in dist/ (npm install runs the `prepare` build).
let cli;
try {
  cli = await import('../dist/cli.js');
} catch (error) {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist')) {
    process.stderr.write('emerge: the CLI is not built; run `npm install` (or `npm run build`) in the project first\n');
    process.exit(2);
  }
  throw error;
}
await cli.runFromProcess();
