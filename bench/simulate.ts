// Timing of the simulate engine: every built-in scenario on a 10^5-point sweep (shipped catalog,
// besiroglu2024, and kaplan2020 for the numeric compute-optimal split), a finite-eval run of 10^6
// binomial draws, and the raw sampler. Prints the figures; asserts nothing.
// Run: npx tsx bench/simulate.ts
import { BinomialSampler } from '../src/core/simulate/binomial.js';
import { BUILTIN_SCENARIOS, runScenario, SCENARIO_NAMES, type ScenarioConfig } from '../src/core/simulate/scenarios.js';
import type { SimulationContext } from '../src/core/simulate/context.js';
import { createRng } from '../src/core/random.js';
import { loadAbilityCatalog } from '../src/io/abilities.js';
import { resolveLaw } from '../src/io/laws.js';

function time<T>(label: string, runs: number, f: () => T): T {
  let result = f(); // warm-up (JIT), not timed
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = f();
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  console.log(`${label.padEnd(58)} median ${ms[runs >> 1]!.toFixed(1).padStart(7)} ms   min ${ms[0]!.toFixed(1).padStart(7)} ms   (${runs} runs)`);
  return result;
}

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
time('mirage over compute under kaplan2020 (numeric allocation)', 3, () => runScenario(withSteps(BUILTIN_SCENARIOS.mirage, STEPS), kaplan));

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
