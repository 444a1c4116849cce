/**
 * JSON output: two-space indented, with a trailing newline. Non-finite numbers (which JSON cannot
 * represent) become null, as JSON.stringify writes them (no replacer function: with one it is several
 * times slower); the commands give such values explicit meaning in a neighbouring field (e.g.
 * `beyond_reference_regime`).
 */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
