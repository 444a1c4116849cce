/**
 * `--plot FILE` and `--plot-size WxH`, checked before any work is done: the format from the
 * extension, a directory that exists and can be written, a size in range. Every problem is a
 * usage error (exit 2) naming the flag.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { quoteUserText } from './numbers.js';

export const PLOT_FORMATS = ['svg', 'png', 'vl.json'] as const;
export type PlotFormat = (typeof PLOT_FORMATS)[number];

export interface PlotTarget {
  path: string;
  format: PlotFormat;
  width: number;
  height: number;
}

export const DEFAULT_PLOT_WIDTH = 1200;
export const DEFAULT_PLOT_HEIGHT = 750;
const MIN_SIZE = { width: 400, height: 250 };
const MAX_SIDE = 6000;

/** The format of a picture file from its extension (case-insensitive), or undefined. */
export function plotFormatOf(path: string): PlotFormat | undefined {
  if (/[\\/]$/.test(path)) return undefined;
  const name = basename(path).toLowerCase();
  return PLOT_FORMATS.find((format) => name.endsWith(`.${format}`) && name.length > format.length + 1);
}

/**
 * The picture to write, or undefined without --plot.
 * @throws UsageError for an unknown extension, a directory, a folder that does not exist or cannot be
 *   written, a bad --plot-size, or --plot-size without --plot
 */
export function plotTarget(options: { plot?: string; plotSize?: string }): PlotTarget | undefined {
  if (options.plot === undefined) {
    if (options.plotSize !== undefined) throw new UsageError('--plot-size: give --plot FILE too (the picture whose size it sets)');
    return undefined;
  }
  const path = options.plot;
  const format = plotFormatOf(path);
  if (format === undefined) {
    const hint = /[\\/]$/.test(path) || isDirectory(path) ? 'a file name, not a folder (several charts go into one picture as small multiples)' : 'a file name ending in .svg, .png or .vl.json';
    throw new UsageError(`--plot: ${quoteUserText(path)}: give ${hint}`);
  }
  if (isDirectory(path)) throw new UsageError(`--plot: ${quoteUserText(path)} is a folder; give a file name ending in .${format}`);
  const folder = dirname(resolve(path));
  try {
    if (!statSync(folder).isDirectory()) throw new Error('not a folder');
    accessSync(folder, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'does not exist' : code === 'EACCES' ? 'cannot be written' : 'is not a folder that can be written';
    throw new UsageError(`--plot: ${quoteUserText(path)}: the folder ${quoteUserText(dirname(path))} ${why}`);
  }
  return { path, format, ...plotSize(options.plotSize) };
}

/**
 * "1600x1000" (or "1600×1000") → width and height in pixels, each within 400×250 to 6000×6000.
 * @throws UsageError otherwise
 */
export function plotSize(text: string | undefined): { width: number; height: number } {
  if (text === undefined) return { width: DEFAULT_PLOT_WIDTH, height: DEFAULT_PLOT_HEIGHT };
  const match = /^\s*(\d{1,5})\s*[x×]\s*(\d{1,5})\s*$/i.exec(text);
  const width = match ? Number(match[1]) : NaN;
  const height = match ? Number(match[2]) : NaN;
  if (!(width >= MIN_SIZE.width && height >= MIN_SIZE.height && width <= MAX_SIDE && height <= MAX_SIDE)) {
    throw new UsageError(`--plot-size: ${quoteUserText(text)} is not a size in pixels WIDTHxHEIGHT from ${MIN_SIZE.width}x${MIN_SIZE.height} to ${MAX_SIDE}x${MAX_SIDE}, e.g. 1600x1000 (default ${DEFAULT_PLOT_WIDTH}x${DEFAULT_PLOT_HEIGHT})`);
  }
  return { width, height };
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
