/** Quoting for the generated shell scripts: every word and description goes through these. */

/** A word in single quotes for sh, bash, zsh and fish ('it'\''s'). */
export function singleQuoted(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The first clause of a help text, for a one-line description in a completion menu. */
export function shortDescription(text: string, max = 70): string {
  const clause = text.split(/[;(]/)[0]!.trim().replace(/\s+/g, ' ');
  return clause.length <= max ? clause : `${clause.slice(0, max - 1).trimEnd()}…`;
}

/** Words a completion offers must be plain (ids, slugs, presets); anything else is left out. */
export function plainWords(words: readonly string[]): string[] {
  return words.filter((w) => /^[A-Za-z0-9._+\-/]+$/.test(w));
}
