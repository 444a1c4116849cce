/**
 * Kebab-case ids from names: "Chain-of-thought: StrategyQA" → "chain-of-thought-strategyqa",
 * "Llama-3.1-405B" → "llama-3-1-405b". Used for the Wei et al. ability ids and the model slugs.
 */
export function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
