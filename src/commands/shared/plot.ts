/**
 * `--plot`: the picture is drawn by its own bundle (dist/plot.cjs, with vega, vega-lite and resvg),
 * imported only here, so that a command without --plot loads none of it.
 */
import type { PlotTarget } from '../../io/plot-target.js';
import { plotSpec, type Picture, type VegaLiteSpec } from '../../render/plot/chart.js';

export { plotTarget, type PlotTarget } from '../../io/plot-target.js';

/**
 * Draws and writes a picture. Commands call it before they write to stdout, so that a picture that
 * cannot be written leaves stdout empty.
 */
export async function writePicture(target: PlotTarget, picture: Picture): Promise<void> {
  await writePlotSpec(target, plotSpec(picture, target));
}

/** Writes a picture given as a Vega-Lite specification (a chart the generic builder does not draw). */
export async function writePlotSpec(target: PlotTarget, spec: VegaLiteSpec): Promise<void> {
  const { writePlot } = await import('../../io/plot-file.js');
  await writePlot(spec, target);
}
