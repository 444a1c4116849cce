// The picture renderer's parts that need no chart: fonts, text widths, the PNG's fallback to the
// system's fonts, and the --plot / --plot-size checks.
import { existsSync } from 'node:fs';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { pngFromSvg, shippedFonts } from '../../src/io/plot-file.js';
import { plotFormatOf, plotSize } from '../../src/io/plot-target.js';
import { fontCovers, textWidth } from '../../src/io/plot-text.js';

const TEXT_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="240" height="60"><text x="10" y="40" font-family="Lato, sans-serif" font-size="28">Il1 0O 1e22</text></svg>';

/** Pixels darker than mid-grey: the text that was drawn. */
function inked(png: Uint8Array): number {
  const image = PNG.sync.read(Buffer.from(png));
  let dark = 0;
  for (let i = 0; i < image.data.length; i += 4) if (image.data[i]! < 128) dark++;
  return dark;
}

describe('fonts', () => {
  it('ships Lato regular and bold from npm', () => {
    const fonts = shippedFonts();
    expect(fonts.map((f) => f.replace(/.*\//, ''))).toEqual(['Lato_400Regular.ttf', 'Lato_700Bold.ttf']);
    expect(fonts.every(existsSync)).toBe(true);
  });

  it('draws text with the shipped font, and with the system fonts when none is shipped', async () => {
    const shipped = await pngFromSvg(TEXT_SVG, shippedFonts());
    expect(inked(shipped)).toBeGreaterThan(300);
    const fallback = await pngFromSvg(TEXT_SVG, []);
    expect(PNG.sync.read(Buffer.from(fallback)).width).toBe(240);
    // Machines of this project have system fonts (fc-list); where a machine has none, the text is missing but the PNG is still written.
    if (existsSync('/usr/share/fonts')) expect(inked(fallback)).toBeGreaterThan(300);
  });

  it('measures text with the advance widths of Lato (as resvg draws it)', () => {
    // Lato Regular: space 193, "a" 507, "o" 556 thousandths of an em (its hmtx table).
    expect(textWidth(' ao', 1000, false)).toBe(193 + 507 + 556);
    expect(textWidth('Scaling', 14, true)).toBeGreaterThan(textWidth('Scaling', 14, false));
    expect(fontCovers('1e22 · N_eff − 10B')).toBe(true);
    expect(fontCovers('τ = 0')).toBe(false);
  });
});

describe('--plot and --plot-size values', () => {
  it('take the format from the extension, any case', () => {
    expect(plotFormatOf('a/b.SVG')).toBe('svg');
    expect(plotFormatOf('chart.vl.json')).toBe('vl.json');
    expect(plotFormatOf('chart.json')).toBeUndefined();
    expect(plotFormatOf('.png')).toBeUndefined();
    expect(plotFormatOf('out.png/')).toBeUndefined();
  });

  it('read sizes as WIDTHxHEIGHT within bounds', () => {
    expect(plotSize(undefined)).toEqual({ width: 1200, height: 750 });
    expect(plotSize('1600x1000')).toEqual({ width: 1600, height: 1000 });
    expect(plotSize('800×500')).toEqual({ width: 800, height: 500 });
    for (const bad of ['1600', '0x0', '10x10', '7000x500', '1e3x800', '-800x600']) expect(() => plotSize(bad)).toThrow(UsageError);
  });
});
