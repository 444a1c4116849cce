// Abilities named by the built-in scenarios, typed in from the seed (thresholds of §2.2.3, §2.4.2
// and §5.1, as DESIGN.md and data/abilities.yaml carry them), independently of the catalog loader.
import type { Ability } from '../../src/core/catalog.js';

function seedAbility(id: string, thresholdParams: number, source: string): Ability {
  return { id, name: { en: id, zh: id }, category: 'test', thresholdParams, source, curve: { shape: 'logistic', width: 0.5, floor: 0, ceiling: 1 } };
}

export const seedCatalog: Ability[] = [
  seedAbility('in-context-learning', 1e10, 'seed §2.1.3'),
  seedAbility('chain-of-thought', 1e11, 'seed §2.2.3'),
  seedAbility('code-syntax', 1e9, 'seed §2.4.2'),
  seedAbility('code-logic', 1e10, 'seed §2.4.2'),
  seedAbility('code-quality', 5e10, 'seed §2.4.2'),
  seedAbility('code-complex-algorithms', 1e11, 'seed §2.4.2'),
  seedAbility('bigbench-reasoning', 1e11, 'seed §5.1'),
  seedAbility('bigbench-programming', 5e10, 'seed §5.1'),
  seedAbility('bigbench-language', 1e10, 'seed §5.1'),
];
