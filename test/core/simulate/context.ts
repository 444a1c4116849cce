// Shared fixtures of the scenario tests: the default law, the seed's reference regime, and the
// abilities the built-in scenarios name (test/helpers/catalog.ts).
import type { SimulationContext } from '../../../src/core/simulate/context.js';
import { seedCatalog } from '../../helpers/catalog.js';
import { besiroglu2024 } from '../../helpers/laws.js';

export const context: SimulationContext = { law: besiroglu2024, referenceTokens: 3e11, catalog: seedCatalog };
