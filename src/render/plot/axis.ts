/**
 * Axes of the pictures: log axes for parameters, FLOPs and tokens with ticks at powers of ten,
 * labelled as people write them (100M, 1B, 10B for counts; 1e22 for FLOPs), and linear axes for
 * probabilities and losses. The domain and tick values are computed here, so that every picture of
 * the same data has the same axes.
 */

/** How tick labels read: counts (1B, 10T), FLOPs (1e22), percentages, or plain decimals. */
export type TickFormat = 'count' | 'flops' | 'percent' | 'decimal';

export interface PlotAxis {
  /** Axis title, with its unit. */
  title: string;
  scale: 'log' | 'linear';
  format: TickFormat;
  /** Domain; by default from the data (whole decades on a log axis). */
  domain?: readonly [number, number];
  /** Ticks; by default each power of ten on a log axis (every other one past 12 decades). */
  ticks?: readonly number[];
  /** Values decrease to the right (a loss axis: larger models to the right). */
  reverse?: boolean;
}

/**
 * Vega expression of a tick label. Counts: 1e9 → "1B", 3e10 → "30B", beyond 1e15 "1e16"; FLOPs:
 * "1e22" (mantissa shown when not 1: "3e22").
 */
export function labelExpression(format: TickFormat): string | undefined {
  const sci = "replace(replace(format(datum.value, '~e'), 'e+', 'e'), 'e-', 'e−')";
  if (format === 'flops') return sci;
  if (format === 'count') {
    const unit = (scale: string, suffix: string): string => `format(datum.value / ${scale}, '~g') + '${suffix}'`;
    return [
      `datum.value >= 1e15 || datum.value < 1 ? ${sci}`,
      `datum.value >= 1e12 ? ${unit('1e12', 'T')}`,
      `datum.value >= 1e9 ? ${unit('1e9', 'B')}`,
      `datum.value >= 1e6 ? ${unit('1e6', 'M')}`,
      `datum.value >= 1e3 ? ${unit('1e3', 'K')}`,
      "format(datum.value, '~g')",
    ].join(' : ');
  }
  return undefined;
}

/** d3 format string of the linear formats. */
export function tickFormat(format: TickFormat): string | undefined {
  if (format === 'percent') return '.0%';
  if (format === 'decimal') return '~g';
  return undefined;
}

/** The domain of a log axis: from the decade at or below the smallest value to the one at or above the largest. */
export function logDomain(values: readonly number[]): [number, number] {
  const positive = values.filter((v) => Number.isFinite(v) && v > 0);
  if (positive.length === 0) return [1, 10];
  let lo = Math.floor(Math.log10(Math.min(...positive)) + 1e-9);
  let hi = Math.ceil(Math.log10(Math.max(...positive)) - 1e-9);
  if (hi <= lo) hi = lo + 1;
  return [10 ** lo, 10 ** hi];
}

/** Ticks at the powers of ten of a log domain (every other past 12 decades; 1-2-5 within 2 decades). */
export function logTicks(domain: readonly [number, number]): number[] {
  const lo = Math.ceil(Math.log10(domain[0]) - 1e-9);
  const hi = Math.floor(Math.log10(domain[1]) + 1e-9);
  const span = hi - lo;
  const ticks: number[] = [];
  if (span <= 2) {
    for (let d = lo - 1; d <= hi; d++) for (const m of [1, 2, 5]) {
      const t = m * 10 ** d;
      if (t >= domain[0] * (1 - 1e-9) && t <= domain[1] * (1 + 1e-9)) ticks.push(Number(t.toPrecision(12)));
    }
    return ticks;
  }
  const step = span > 12 ? 2 : 1;
  for (let d = lo; d <= hi; d += step) ticks.push(Number((10 ** d).toPrecision(12)));
  return ticks;
}

/** A linear domain padded by 5% on each side (nothing below zero for non-negative data). */
export function paddedDomain(values: readonly number[]): [number, number] {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return [0, 1];
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  const pad = hi > lo ? 0.05 * (hi - lo) : Math.abs(hi) * 0.05 || 1;
  return [lo >= 0 && lo - pad < 0 ? 0 : lo - pad, hi + pad];
}

/** The Vega-Lite scale and axis of an encoding channel. */
export function axisEncoding(axis: PlotAxis, values: readonly number[]): { scale: Record<string, unknown>; axis: Record<string, unknown>; title: string } {
  const domain = axis.domain ?? (axis.scale === 'log' ? logDomain(values) : paddedDomain(values));
  const scale: Record<string, unknown> = { type: axis.scale, domain: [...domain], nice: false, ...(axis.scale === 'linear' ? { zero: false } : {}), ...(axis.reverse ? { reverse: true } : {}) };
  const guide: Record<string, unknown> = { grid: true };
  const ticks = axis.ticks ?? (axis.scale === 'log' ? logTicks(domain) : undefined);
  if (ticks) guide.values = [...ticks];
  else guide.tickCount = axis.format === 'percent' ? 10 : 8;
  const expression = labelExpression(axis.format);
  if (expression) guide.labelExpr = expression;
  const format = tickFormat(axis.format);
  if (format) guide.format = format;
  return { scale, axis: guide, title: axis.title };
}
