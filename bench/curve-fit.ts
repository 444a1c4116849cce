// Timing of the emergence-curve engine on the ObsScaling fixture (8 groups, 60–73 models each):
// grouping, fits, fits with 1000 bootstrap resamples per group, and the back-test at 8.4e22 FLOPs.
// Prints the figures and the fitted table; asserts nothing.  Run: npx tsx bench/curve-fit.ts
import { backtest } from '../src/core/curve-fit/backtest.js';
import { fitEmergenceCurves } from '../src/core/curve-fit/fit-curve.js';
import { groupScores } from '../src/core/curve-fit/group-scores.js';
import { obsScalingRows } from '../test/core/curve-fit/obsscaling.js';
import { timeInProcess as time } from './measure.js';


const coldStart = performance.now();
const coldRows = obsScalingRows('training_flop');
fitEmergenceCurves(groupScores(coldRows), { axis: 'compute', bootstrap: 1000 });
console.log(`${'cold: read + group + fit + 1000 bootstraps/group'.padEnd(48)} ${(performance.now() - coldStart).toFixed(1).padStart(14)} ms   (first run, JIT included)`);

const rows = time('read fixture (613 rows)', 5, () => obsScalingRows('training_flop'));
const groups = time('group and average', 20, () => groupScores(rows));
time('fit 8 groups, no bootstrap', 20, () => fitEmergenceCurves(groups, { axis: 'compute', bootstrap: 0 }));
const curves = time('fit 8 groups, 1000 bootstraps each', 5, () => fitEmergenceCurves(groups, { axis: 'compute', bootstrap: 1000 }));
const bt = time('back-test at 8.4e22 FLOPs', 20, () => backtest(groups, { axis: 'compute', cutoff: 8.4e22 }));

const sci = (v: number) => v.toExponential(2);
console.log('\ngroup'.padEnd(60) + 'threshold (FLOPs)  95% interval            k     10–90%   R²     ΔBIC   verdict');
for (const c of curves) {
  if (!c.fitted) {
    console.log(`${c.label.padEnd(59)}${c.verdict}: ${c.reason}`);
    continue;
  }
  const iv = c.intervals ? `[${sci(c.intervals.threshold.lower)}, ${sci(c.intervals.threshold.upper)}]` : '';
  console.log(
    `${c.label.padEnd(59)}${sci(c.threshold).padEnd(19)}${iv.padEnd(24)}${c.k.toFixed(2).padStart(5)}  ${c.riseWidth.toFixed(2).padStart(5)} dec  ${c.r2.toFixed(3)}  ${c.deltaBic.toFixed(1).padStart(5)}   ${c.verdict}`,
  );
}
const pct = (v: number | undefined) => (v === undefined ? '—' : (100 * v).toFixed(1));
console.log(`\nback-test, cutoff 8.4e22 FLOPs: MAE ${pct(bt.mae)} points (mean-of-training ${pct(bt.maeMeanBaseline)}, largest-training-model ${pct(bt.maeLastBaseline)}) over ${bt.predictions.length} predictions`);
