/**
 * `emerge completion bash|zsh|fish`: a completion script built from the option table and the
 * shipped names (law presets, ability ids, model slugs, scenarios).
 */
import { bashScript } from '../completion/bash.js';
import { fishScript } from '../completion/fish.js';
import { completionModel } from '../completion/model.js';
import { zshScript } from '../completion/zsh.js';
import { UsageError } from '../errors.js';
import { loadAbilityCatalog } from '../io/abilities.js';
import { loadLawPresets } from '../io/laws.js';
import { loadModelCatalog } from '../io/models.js';
import { quoteUserText } from '../io/numbers.js';
import { COMPLETION_SHELLS } from '../options/completion.js';
import { COMMAND_SPECS } from '../options/index.js';
import { SIMULATE_SCENARIOS } from '../options/simulate.js';
import type { CommandContext } from './context.js';

const SCRIPTS = { bash: bashScript, zsh: zshScript, fish: fishScript } as const;

export async function runCompletion(shell: string, ctx: CommandContext): Promise<void> {
  if (!(COMPLETION_SHELLS as readonly string[]).includes(shell)) {
    throw new UsageError(`unknown shell ${quoteUserText(shell)}; use one of ${COMPLETION_SHELLS.join(', ')}`);
  }
  const words = {
    laws: [...loadLawPresets().presets.keys()],
    abilities: loadAbilityCatalog().abilities.map((a) => a.id),
    models: loadModelCatalog().map((m) => m.slug),
    scenarios: SIMULATE_SCENARIOS,
  };
  const model = completionModel(COMMAND_SPECS, words, COMPLETION_SHELLS);
  await ctx.out.write(SCRIPTS[shell as keyof typeof SCRIPTS](model));
}
