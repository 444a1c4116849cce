/**
 * Pictures: a Vega-Lite specification (src/render/plot) compiled by vega-lite, laid out and drawn
 * as SVG by vega's headless View (no canvas, no browser), turned into PNG by resvg, and written
 * atomically. Its own bundle (dist/plot.cjs): the libraries load only when --plot is given.
 */
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { UsageError } from '../errors.js';
import { writeFileAtomic } from './output-file.js';
import type { PlotTarget } from './plot-target.js';
import { fontCovers, measureItem } from './plot-text.js';

// Text is measured with the widths of the font the PNG is drawn with, not vega's guess of 0.8 em a character.
(vega as unknown as { textMetrics: { width: (item: object, text: unknown) => number } }).textMetrics.width = measureItem;

/** Vega-Lite's notes on a specification (none are expected) are not the user's business. */
const quiet = vega.logger(vega.None);

type Spec = Record<string, unknown>;

/** The shipped font files (regular and bold), or none when the font package cannot be found. */
export function shippedFonts(): string[] {
  const require = createRequire(import.meta.url);
  const files: string[] = [];
  for (const face of ['400Regular/Lato_400Regular.ttf', '700Bold/Lato_700Bold.ttf']) {
    try {
      const file = require.resolve(`@expo-google-fonts/lato/${face}`);
      if (existsSync(file)) files.push(file);
    } catch {
      // Not installed: the PNG falls back to the system's fonts.
    }
  }
  return files;
}

/** The picture as the bytes of its file. */
export async function renderPlot(spec: Spec, target: Pick<PlotTarget, 'format' | 'width' | 'height'>, fonts: readonly string[] = shippedFonts()): Promise<string | Uint8Array> {
  const sized = await fitToSize(spec, target.width, target.height);
  if (target.format === 'vl.json') return `${JSON.stringify(sized, null, 2)}\n`;
  const svg = await sizedSvg(sized, target.width, target.height);
  return target.format === 'svg' ? svg : pngFromSvg(svg, fonts);
}

/**
 * Renders and writes the picture; an existing file is replaced only once the new one is complete.
 * @throws UsageError when the file cannot be written
 */
export async function writePlot(spec: Spec, target: PlotTarget): Promise<void> {
  const bytes = await renderPlot(spec, target);
  try {
    writeFileAtomic(target.path, bytes);
  } catch (error) {
    throw new UsageError(`--plot: ${(error as Error).message}`);
  }
}

/** SVG of a Vega-Lite specification. */
export async function svgOf(spec: Spec): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec as unknown as TopLevelSpec, { logger: quiet }).spec), { renderer: 'none', logLevel: vega.None });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/**
 * Panels sized so that the whole picture is exactly width × height: lay it out, measure what axes,
 * titles and legend took, and give the panels the rest. The domains of every chart are explicit
 * (src/render/plot), so the layout does not depend on the data: the measuring passes draw one row
 * of each layer, the last pass everything. Text is measured with the font's widths, the same on
 * every machine.
 */
export async function fitToSize(spec: Spec, width: number, height: number): Promise<Spec> {
  let current = spec;
  for (let pass = 0; pass < 3; pass++) {
    const size = svgSize(await svgOf(sample(current)));
    if (size.width === width && size.height === height) break;
    current = resized(current, width - size.width, height - size.height);
  }
  return current;
}

/** The SVG of a sized specification, on a canvas of exactly width × height. */
async function sizedSvg(spec: Spec, width: number, height: number): Promise<string> {
  const svg = await svgOf(spec);
  const size = svgSize(svg);
  if (size.width === width && size.height === height) return svg;
  // Still off (a legend or label reflowed): the canvas takes the target size, the drawing its own.
  return svg.replace(/^<svg([^>]*?) width="[\d.]+" height="[\d.]+" viewBox="[^"]*"/, `<svg$1 width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"`);
}

/** The specification with one row of data in each layer (all of a text layer's: its labels take room). */
function sample(spec: Spec): Spec {
  const layer = (l: Spec): Spec => {
    const data = l.data as { values?: unknown[] } | undefined;
    const mark = l.mark as { type?: string } | undefined;
    return data?.values && mark?.type !== 'text' ? { ...l, data: { values: data.values.slice(0, 1) } } : l;
  };
  const view = (v: Spec): Spec => (Array.isArray(v.layer) ? { ...v, layer: (v.layer as Spec[]).map(layer) } : v);
  return Array.isArray(spec.concat) ? { ...spec, concat: (spec.concat as Spec[]).map(view) } : view(spec);
}

function svgSize(svg: string): { width: number; height: number } {
  const match = /^<svg[^>]*? width="([\d.]+)" height="([\d.]+)"/.exec(svg);
  return { width: Number(match?.[1]), height: Number(match?.[2]) };
}

/** The specification with its panels dw, dh pixels larger in all (the remainder goes to the padding). */
function resized(spec: Spec, dw: number, dh: number): Spec {
  const panels = (spec.concat as Spec[] | undefined) ?? [spec];
  const columns = spec.concat ? Math.min(Number(spec.columns ?? panels.length), panels.length) : 1;
  const rows = Math.ceil(panels.length / columns);
  const stepW = Math.floor(dw / columns);
  const stepH = Math.floor(dh / rows);
  // Never below 40 px: a picture too small for its panels keeps them legible and is cut to size.
  const grow = (panel: Spec): Spec => {
    const width = Math.max(40, Number(panel.width) + stepW);
    const title = panel.title as Spec | undefined;
    return { ...panel, width, height: Math.max(40, Number(panel.height) + stepH), ...(title?.limit !== undefined ? { title: { ...title, limit: width } } : {}) };
  };
  const padding = (spec.padding ?? 0) as number | Record<string, number>;
  const pad = typeof padding === 'number' ? { left: padding, top: padding, right: padding, bottom: padding } : { ...padding };
  pad.right = Math.max(0, (pad.right ?? 0) + (dw - stepW * columns));
  pad.bottom = Math.max(0, (pad.bottom ?? 0) + (dh - stepH * rows));
  const base = spec.concat ? { ...spec, concat: panels.map(grow) } : grow(spec);
  return { ...base, padding: pad };
}

/**
 * PNG of an SVG at its own size, on white, with the given font files (the system's fonts when
 * there are none).
 */
export async function pngFromSvg(svg: string, fonts: readonly string[]): Promise<Uint8Array> {
  const { Resvg } = await import('@resvg/resvg-js');
  // Characters the shipped font lacks (a task name in Chinese) come from the system's fonts.
  const system = fonts.length === 0 || !fontCovers(svgText(svg));
  const font = fonts.length > 0 ? { fontFiles: [...fonts], loadSystemFonts: system, defaultFontFamily: 'Lato', sansSerifFamily: 'Lato' } : { loadSystemFonts: true };
  return new Resvg(svg, { font, background: 'white', fitTo: { mode: 'original' } }).render().asPng();
}

/** The text of an SVG: everything outside its tags (vega writes no other character data). */
function svgText(svg: string): string {
  return svg.replace(/<[^>]*>/g, ' ').replace(/&[a-z#0-9]+;/gi, ' ');
}
