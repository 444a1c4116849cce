/**
 * How every picture looks: size, font, and the styles that tell series apart. Colours are the
 * Okabe–Ito palette (Okabe & Ito 2008, "Color Universal Design"), safe for the common colour-vision
 * deficiencies; each colour comes with its own stroke dash and point shape, so that the series stay
 * distinguishable in greyscale too.
 */

/** Width and height of a picture in pixels. */
export interface PlotSize {
  width: number;
  height: number;
}

/**
 * The font of every text: Lato (Łukasz Dziedzic, SIL OFL 1.1), shipped from npm and loaded into the
 * PNG renderer; an SVG viewer without it falls back along the list.
 */
export const FONT_FAMILY = 'Lato';
export const FONT_STACK = `${FONT_FAMILY}, 'Helvetica Neue', Helvetica, Arial, sans-serif`;

/** Okabe–Ito, ordered so that the first colours are the most distinct on white; its yellow, too faint on white, gives way to a grey. */
export const COLORS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#8C8C8C'] as const;

/** Stroke dashes, one per colour (solid first): in greyscale the dash tells lines apart. */
export const DASHES: readonly (readonly number[])[] = [[1, 0], [8, 4], [2, 3], [10, 3, 2, 3], [14, 4], [4, 2, 1, 2, 1, 2], [6, 6], [1, 5]];

/** Point shapes, one per colour. */
export const SHAPES = ['circle', 'square', 'triangle-up', 'diamond', 'cross', 'triangle-down', 'triangle-right', 'triangle-left'] as const;

/** Rules (thresholds, cut-offs, planned models) and their labels. */
export const RULE_COLOR = '#444444';
export const RULE_DASH = [5, 4];

/** The style of the k-th series of a picture: past 8, colours come back with other dashes and shapes (64 distinct). */
export function seriesStyle(index: number): { color: string; dash: readonly number[]; shape: string } {
  const round = Math.floor(index / COLORS.length);
  return { color: COLORS[index % COLORS.length]!, dash: DASHES[(index + round) % DASHES.length]!, shape: SHAPES[(index + round) % SHAPES.length]! };
}

/** Shared Vega-Lite config: fonts, sizes, and a white background for slides and papers. */
export function plotConfig(): Record<string, unknown> {
  return {
    font: FONT_STACK,
    background: 'white',
    view: { stroke: '#bbbbbb' },
    title: { fontSize: 20, subtitleFontSize: 14, subtitleColor: '#333333', anchor: 'start', offset: 12 },
    axis: { labelFontSize: 13, titleFontSize: 14, titleFontWeight: 'bold', gridColor: '#e4e4e4', domainColor: '#666666', tickColor: '#666666', labelColor: '#222222', titleColor: '#222222' },
    legend: { labelFontSize: 13, titleFontSize: 14, labelLimit: 360, symbolSize: 120, symbolStrokeWidth: 2.5, rowPadding: 6 },
    header: { labelFontSize: 14, titleFontSize: 14 },
    line: { strokeWidth: 2.5 },
    point: { size: 55, strokeWidth: 1.5 },
    text: { fontSize: 12 },
  };
}
