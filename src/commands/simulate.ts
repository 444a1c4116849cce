/**
 * `emerge simulate`: sweep scale under a scenario (built-in or a YAML file), then print charts, the
 * summary and notes, or every series as CSV or JSON.
 */
import { runSimulation, simulationDocument } from '../api/simulate.js';
import { applyOptions, SCENARIO_NAMES, SCENARIO_SUMMARIES, BUILTIN_SCENARIOS } from '../core/simulate/index.js';
import { UsageError } from '../errors.js';
import { loadAbilityCatalog } from '../io/abilities.js';
import { quoteUserText } from '../io/numbers.js';
import type { SimulateCommandOptions } from '../options/simulate.js';
import { csvDocument } from '../render/csv.js';
import { toJson } from '../render/json.js';
import { createPalette } from '../render/palette.js';
import { simulationCsvChunks } from '../render/simulation-data.js';
import { simulationPicture } from '../render/plot/simulation-plot.js';
import { renderScenarioList, renderSimulation, sweepText } from '../render/simulation-view.js';
import { OutputBuffer, type CommandContext } from './context.js';
import { plotTarget, writePicture } from './shared/plot.js';
import { chartSize, simulateOptions } from './simulate/flags.js';
import { scenarioLaw, scenarioSource } from './simulate/scenario-source.js';

export async function runSimulate(flags: SimulateCommandOptions, ctx: CommandContext, file?: string): Promise<void> {
  if (file !== undefined && flags.config !== undefined) throw new UsageError(`--config: the scenario file is already given as the argument (${quoteUserText(file)}); give it once`);
  const options = file === undefined ? flags : { ...flags, config: file };
  const format = options.format ?? 'table';
  if (options.listScenarios) return listScenarios(format, ctx);
  const catalog = loadAbilityCatalog(options.abilities);
  const source = scenarioSource(options, catalog);
  const config = applyOptions(source.config, simulateOptions(options, catalog));
  const law = scenarioLaw(options, source);
  const plot = plotTarget(options);
  const size = format === 'table' ? chartSize(options, ctx.columns) : undefined;
  // A large sweep takes a moment (the engine is synchronous): say so on a terminal.
  const large = config.sweep.steps >= 100_000;
  if (large) ctx.progress(`simulating ${config.scenario} over ${config.sweep.steps} points...`);
  const simulation = runSimulation(config, law, catalog);
  if (large) ctx.progress('');
  if (plot) {
    const sweep = `Sweep over ${sweepText(config.sweep, catalog.referenceTokens)}; law ${law.id}.`;
    await writePicture(plot, simulationPicture(simulation, { sweep, ...(config.description ? { description: config.description } : {}) }));
  }

  if (format === 'csv') {
    const out = new OutputBuffer(ctx.out);
    for (const chunk of simulationCsvChunks(simulation)) {
      out.add(chunk);
      await out.drain();
    }
    return out.flush();
  }
  if (format === 'json') {
    return ctx.out.write(toJson(simulationDocument(config, simulation, law, catalog)));
  }
  const view = { simulation, sweep: config.sweep, law: law.id, referenceTokens: catalog.referenceTokens, ...(config.description ? { description: config.description } : {}) };
  return ctx.out.write(renderSimulation(view, { ...size!, color: ctx.color, textWidth: textWidth(ctx), palette: createPalette(ctx.color) }));
}

/** Paragraphs wrap at the terminal's width (100 columns off a terminal), within 60–110. */
function textWidth(ctx: CommandContext): number {
  return Math.max(60, Math.min(110, ctx.columns ?? 100));
}

async function listScenarios(format: string, ctx: CommandContext): Promise<void> {
  if (format === 'json') {
    return ctx.out.write(toJson(SCENARIO_NAMES.map((name) => ({ name, summary: SCENARIO_SUMMARIES[name], description: BUILTIN_SCENARIOS[name].description ?? null }))));
  }
  if (format === 'csv') return ctx.out.write(csvDocument(['scenario', 'summary'], SCENARIO_NAMES.map((name) => [name, SCENARIO_SUMMARIES[name]])));
  const list = renderScenarioList(SCENARIO_NAMES.map((name) => ({ name, summary: SCENARIO_SUMMARIES[name] })), textWidth(ctx));
  return ctx.out.write(`${list}\n\nRun one with --scenario NAME; data/scenarios/NAME.yaml is its YAML form, a starting point for --config.\n`);
}
