// Bundles src/cli.ts into dist/ with one chunk per subcommand, so that `emerge --help` and
// `emerge predict` load only the code they use (start-up time is part of the product).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: ['src/cli.ts'],
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  // CommonJS dependencies (cli-table3) call require() for Node built-ins.
  banner: { js: "import { createRequire as __emergeRequire } from 'node:module'; const require = __emergeRequire(import.meta.url);" },
});
