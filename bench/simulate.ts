// Timing of `emerge simulate`: the engine (every built-in scenario on a 10^5-point sweep, shipped
// catalog, besiroglu2024, and kaplan2020 for its compute-optimal split; a finite-eval run of 10^6
// binomial draws; the raw sampler), then the whole CLI path through the built binary (process start,
// run, rendering, writing 10^5-point CSVs to /dev/null). Prints the figures; asserts nothing.
// Run: npm run build && npx tsx bench/simulate.ts
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { BinomialSampler } from '../src/core/simulate/binomial.js';
import { BUILTIN_SCENARIOS, runScenario, SCENARIO_NAMES, type ScenarioConfig } from '../src/core/simulate/scenarios.js';
import type { SimulationContext } from '../src/core/simulate/context.js';
import { createRng } from '../src/core/random.js';
import { loadAbilityCatalog } from '../src/io/abilities.js';
import { resolveLaw } from '../src/io/laws.js';
import { timeInProcess } from './measure.js';

const time = <T>(label: string, runs: number, f: () => T): T => timeInProcess(label, runs, f, 58);
const catalog = loadAbilityCatalog();
const context: SimulationContext = { law: resolveLaw(undefined), referenceTokens: catalog.referenceTokens, catalog: catalog.abilities };
const STEPS = 100_000;

function withSteps(config: ScenarioConfig, steps: number): ScenarioConfig {
  return { ...config, sweep: { ...config.sweep, steps } };
}

const cold = performance.now();
runScenario(withSteps(BUILTIN_SCENARIOS.abilities, STEPS), context);
console.log(`${'cold: abilities, 10^5 points (JIT included)'.padEnd(58)} ${(performance.now() - cold).toFixed(1).padStart(14)} ms`);

console.log(`\nBuilt-in scenarios at ${STEPS.toLocaleString('en')} grid points (law ${context.law.id}, ${catalog.abilities.length} catalog abilities):`);
for (const name of SCENARIO_NAMES) {
  if (name === 'finite-eval') continue;
  const config = withSteps(BUILTIN_SCENARIOS[name], STEPS);
  const sim = time(`${name} (${config.sweep.over})`, 5, () => runScenario(config, context));
  console.log(`${''.padEnd(4)}${sim.series.length} series × ${STEPS.toLocaleString('en')} points = ${(sim.series.length * STEPS).toLocaleString('en')} values`);
}
const kaplan = { ...context, law: resolveLaw('kaplan2020') };
const mirageLoss: ScenarioConfig = { ...BUILTIN_SCENARIOS.mirage, perToken: 'loss', sweep: { over: 'compute', from: 1e18, to: 1e28, steps: STEPS, quality: 1 } };
time('mirage, per_token: loss over compute under besiroglu2024', 5, () => runScenario(mirageLoss, context));
time('mirage, per_token: loss over compute under kaplan2020', 3, () => runScenario(mirageLoss, kaplan));

console.log('\nFinite-eval (164 items, HumanEval-sized), 10^6 binomial draws:');
const fe = BUILTIN_SCENARIOS['finite-eval'];
time('finite-eval, 1000 scales × 1000 trials', 5, () => runScenario({ ...withSteps(fe, 1000), trials: 1000 } as ScenarioConfig, context));
time('finite-eval, 100 scales × 10000 trials', 5, () => runScenario({ ...withSteps(fe, 100), trials: 10_000 } as ScenarioConfig, context));
time('finite-eval, 10^5 scales × 10 trials', 5, () => runScenario({ ...withSteps(fe, STEPS), trials: 10, sampleTrials: 3 } as ScenarioConfig, context));

console.log('\nBinomialSampler, 10^6 draws each:');
for (const [n, p, method] of [
  [164, 0.02, 'inversion'],
  [20, 0.3, 'inversion'],
  [164, 0.3, 'BTPE'],
  [1000, 0.5, 'BTPE'],
  [1e6, 0.4, 'BTPE'],
] as const) {
  const sampler = new BinomialSampler(n, p);
  time(`n = ${n}, p = ${p} (${method})`, 5, () => {
    const rng = createRng(1);
    let sum = 0;
    for (let i = 0; i < 1_000_000; i++) sum += sampler.draw(rng);
    return sum;
  });
}

// The whole CLI path: a new node process per run, as a shell pipeline runs it.
const ROOT = fileURLToPath(new URL('..', import.meta.url));
function timeCli(command: string, runs: number): void {
  const ms: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const start = performance.now();
    const result = spawnSync('bash', ['-c', `node bin/emerge.js ${command} > /dev/null`], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const elapsed = performance.now() - start;
    if (result.status !== 0) throw new Error(`emerge ${command}: exit ${result.status}: ${result.stderr}`);
    if (i > 0) ms.push(elapsed); // the first run warms the file cache
  }
  ms.sort((a, b) => a - b);
  console.log(`$ emerge ${command} > /dev/null`);
  console.log(`${''.padEnd(4)}median ${ms[runs >> 1]!.toFixed(0).padStart(5)} ms   min ${ms[0]!.toFixed(0).padStart(5)} ms   (${runs} runs, wall clock, node start included)`);
}

console.log('\nThe CLI path (built binary; run `npm run build` first):');
timeCli('--version', 5);
timeCli('simulate --scenario mirage --steps 100000 --format csv', 5);
timeCli('simulate --config fixtures/mirage-loss.yaml --steps 100000 --format csv', 5);
timeCli('simulate --scenario composition --steps 100000 --format csv', 5);
timeCli('simulate --scenario phase --steps 100000 --format csv', 5);
timeCli('simulate --scenario multitask --steps 100000 --format csv', 3); // 12 series: 1.2M rows
timeCli('simulate --scenario abilities --steps 100000 --format csv', 3); // 36 series: 3.6M rows, ~190 MB
timeCli('simulate --scenario finite-eval --steps 1000 --trials 1000 --format csv', 5);
timeCli('simulate --scenario finite-eval --steps 100000 --trials 10 --format csv', 5);
timeCli('simulate --scenario mirage --steps 100000', 5);
timeCli('simulate --scenario mirage --steps 100000 --format json', 5);
