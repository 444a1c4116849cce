// asciichart ships no type declarations; this covers the part of its API that emerge uses.
declare module 'asciichart' {
  export interface PlotConfig {
    height?: number;
    min?: number;
    max?: number;
    offset?: number;
    padding?: string;
    format?: (value: number, index: number) => string;
    colors?: (string | undefined)[];
    symbols?: string[];
  }
  export function plot(series: number[] | number[][], config?: PlotConfig): string;
  export const blue: string;
  export const red: string;
  export const green: string;
  export const magenta: string;
  export const cyan: string;
  export const yellow: string;
  export const lightgray: string;
  export const lightred: string;
  export const reset: string;
  const asciichart: {
    plot: typeof plot;
    blue: string;
    red: string;
    green: string;
    magenta: string;
    cyan: string;
    yellow: string;
    lightgray: string;
    lightred: string;
    reset: string;
  };
  export default asciichart;
}
