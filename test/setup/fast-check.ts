// Property tests run from a fixed seed, so that a CI run is reproducible; FC_SEED=<n> picks another
// seed and FC_SEED=random a new one each run (fast-check prints the seed of any failure).
import fc from 'fast-check';

const seed = process.env.FC_SEED;
if (seed !== 'random') fc.configureGlobal({ seed: seed === undefined ? 20221128 : Number(seed) });
