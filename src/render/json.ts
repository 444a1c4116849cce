/**
 * JSON output: two-space indented, with a trailing newline. Non-finite numbers (which JSON cannot
 * represent) become null; the commands give such values explicit meaning in a neighbouring field
 * (e.g. `beyond_reference_regime`).
 */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`;
}
