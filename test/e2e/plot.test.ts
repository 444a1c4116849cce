// --plot through the built binary: dist/plot.cjs (vega and vega-lite bundled in, resvg from
// node_modules) loads only for --plot, and writes the picture beside an unchanged stdout.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { ROOT, runBin } from '../helpers/run-bin.js';

describe('emerge --plot (built)', () => {
  it('writes a PNG of the asked size and prints what it prints without --plot', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'emerge-plot-bin-')), 'thresholds.png');
    const args = ['thresholds', '--params', '70e9', '--format', 'csv'];
    const plotted = runBin([...args, '--plot', path, '--plot-size', '800x500']);
    expect(plotted.stderr).toBe('');
    expect(plotted.code).toBe(0);
    expect(plotted.stdout).toBe(runBin(args).stdout);
    const png = PNG.sync.read(readFileSync(path));
    expect([png.width, png.height]).toEqual([800, 500]);
  });

  it('keeps the libraries out of the command bundles: they load dist/plot.cjs only when --plot is given', () => {
    for (const name of ['cli', 'predict', 'fit', 'thresholds', 'simulate', 'completion']) {
      const bundle = readFileSync(join(ROOT, 'dist', `${name}.cjs`), 'utf8');
      // vega-lite's compile(), vega's text metrics, resvg's loader: none of them in a command's bundle.
      expect(bundle, name).not.toMatch(/function compile\(inputSpec|textMetrics|resvg-js-linux/);
      if (['predict', 'fit', 'thresholds', 'simulate'].includes(name)) expect(bundle, name).toMatch(/require\("\.\/plot\.cjs"\)/);
      else expect(bundle, name).not.toContain('plot.cjs');
    }
    expect(readFileSync(join(ROOT, 'dist', 'plot.cjs'), 'utf8')).toContain('@resvg/resvg-js');
  });
});
