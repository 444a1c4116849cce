/**
 * "Did you mean" suggestions for unknown names (ability ids, model slugs, presets, YAML keys).
 */

/** Levenshtein edit distance between two strings. */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/**
 * Up to `limit` candidates close to `name`: those containing it (or contained in it), then those
 * within an edit distance of a third of its length, nearest first.
 * @example closeMatches('chain-of-thougt', ['chain-of-thought', 'code-logic']) // ['chain-of-thought']
 */
export function closeMatches(name: string, candidates: readonly string[], limit = 3): string[] {
  const needle = name.toLowerCase();
  const scored = candidates
    .map((candidate) => {
      const c = candidate.toLowerCase();
      const contains = Math.min(needle.length, c.length) >= 3 && (c.includes(needle) || needle.includes(c));
      return { candidate, score: contains ? 0 : editDistance(needle, c) };
    })
    .filter((s) => s.score <= Math.max(2, Math.floor(needle.length / 3)))
    .sort((x, y) => x.score - y.score || x.candidate.localeCompare(y.candidate));
  return scored.slice(0, limit).map((s) => s.candidate);
}

/** " (did you mean a, b?)" or "" when nothing is close. */
export function didYouMean(name: string, candidates: readonly string[]): string {
  const matches = closeMatches(name, candidates);
  return matches.length > 0 ? ` (did you mean ${matches.join(', ')}?)` : '';
}
