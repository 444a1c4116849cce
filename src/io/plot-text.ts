/**
 * Text in pictures is measured with the advance widths of the shipped font (plot-font-metrics.ts),
 * so that vega lays titles, labels and legends out for the glyphs the PNG is drawn with.
 */
import { FONT_WIDTHS } from './plot-font-metrics.js';

type Face = keyof typeof FONT_WIDTHS;

/** Width of a character the font lacks, in thousandths of an em (its own average width). */
const FALLBACK_WIDTH = 560;

const tables = new Map<Face, Map<number, number>>();

function widths(face: Face): Map<number, number> {
  let table = tables.get(face);
  if (!table) {
    table = new Map(FONT_WIDTHS[face].split(',').map((pair) => {
      const [c, w] = pair.split(':');
      return [parseInt(c!, 36), parseInt(w!, 36)];
    }));
    tables.set(face, table);
  }
  return table;
}

/** Width in pixels of `text` at `fontSize` pixels, bold or regular (kerning left out). */
export function textWidth(text: string, fontSize: number, bold: boolean): number {
  const table = widths(bold ? 'bold' : 'regular');
  let total = 0;
  for (const char of text) total += table.get(char.codePointAt(0)!) ?? FALLBACK_WIDTH;
  return (total * fontSize) / 1000;
}

/** Whether the shipped font has a glyph for every character of `text`. */
export function fontCovers(text: string): boolean {
  const table = widths('regular');
  for (const char of text) if (!table.has(char.codePointAt(0)!) && !/\s/.test(char)) return false;
  return true;
}

/** A vega text item's width: font size (11 by default) and weight from the item, the text given. */
export function measureItem(item: { fontSize?: number | string; fontWeight?: number | string; limit?: number }, text: unknown): number {
  const size = item.fontSize == null ? 11 : Number(item.fontSize) || 0;
  const weight = item.fontWeight;
  const bold = weight === 'bold' || weight === 'bolder' || Number(weight) >= 600;
  return textWidth(text == null ? '' : String(text).trim(), size, bold);
}
