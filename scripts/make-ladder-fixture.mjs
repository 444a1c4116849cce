// Writes the forecasting fixtures from the shared Gadre et al. 2024 ladder (../shared/data/ladder_gadre_scaling.csv):
// - fixtures/ladder_gadre.csv: every run (104) and downstream task (46) in the long format of
//   `emerge fit`, one row per run and task, with the run's C4 validation loss as the loss column;
// - fixtures/ladder_rpj_paper.csv: the RedPajama runs the authors fitted (in_paper_default_fit) and
//   their two larger targets (role=target);
// - fixtures/ladder_rpj_targets.csv: the two targets as a plan (name, params, tokens) for `emerge predict`.
// Numbers are copied as text, never re-formatted: the fixtures hold exactly the digits of the source.
//
//   node scripts/make-ladder-fixture.mjs ../shared/data/ladder_gadre_scaling.csv
import { readFileSync, writeFileSync } from 'node:fs';

const LOSS_TASK = 'c4_val';
const source = process.argv[2];
if (!source) {
  console.error('usage: node scripts/make-ladder-fixture.mjs PATH/TO/ladder_gadre_scaling.csv');
  process.exit(2);
}
const lines = readFileSync(source, 'utf8').split(/\r?\n/).filter((line) => line.length > 0);
/** The cells of a CSV line; a quoted cell (the source's `derived` notes) may hold commas. */
const split = (line) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].slice(0, -1).map((m) => m[1]);
const header = split(lines[0]);
const column = (name) => {
  const index = header.indexOf(name);
  if (index < 0) throw new Error(`${source}: no column ${name}`);
  return index;
};
const c = Object.fromEntries(
  ['ladder', 'model', 'role', 'in_paper_default_fit', 'params', 'training_tokens', 'training_flop', 'task', 'metric', 'value', 'random_baseline', 'checkpoint_step'].map((name) => [name, column(name)]),
);
const rows = lines.slice(1).map((line) => {
  const cells = split(line);
  if (cells.length !== header.length) throw new Error(`${source}: a row with ${cells.length} cells, not ${header.length}`);
  if (cells[c.checkpoint_step] !== '') throw new Error(`${source}: a checkpoint row; this script expects final checkpoints only`);
  return cells;
});

const loss = new Map(rows.filter((r) => r[c.metric] === 'ce_loss' && r[c.task] === LOSS_TASK).map((r) => [r[c.model], r[c.value]]));
const out = ['ladder,model,role,in_paper_default_fit,params,tokens,training_flop,task,score,random_baseline,loss'];
const paper = [out[0]];
const targets = ['name,params,tokens'];
const seenTargets = new Set();
for (const r of rows) {
  if (r[c.metric] !== 'acc') continue;
  const runLoss = loss.get(r[c.model]);
  if (runLoss === undefined) throw new Error(`${source}: no ${LOSS_TASK} loss for ${r[c.model]}`);
  const line = [r[c.ladder], r[c.model], r[c.role], r[c.in_paper_default_fit], r[c.params], r[c.training_tokens], r[c.training_flop], r[c.task], r[c.value], r[c.random_baseline], runLoss].join(',');
  out.push(line);
  if (r[c.ladder] !== 'openlm_rpj') continue;
  if (r[c.in_paper_default_fit] !== '' || r[c.role] === 'target') paper.push(line);
  if (r[c.role] === 'target' && !seenTargets.has(r[c.model])) {
    seenTargets.add(r[c.model]);
    targets.push([r[c.model], r[c.params], r[c.training_tokens]].join(','));
  }
}
const target = new URL('../fixtures/', import.meta.url);
writeFileSync(new URL('ladder_gadre.csv', target), out.join('\n') + '\n');
writeFileSync(new URL('ladder_rpj_paper.csv', target), paper.join('\n') + '\n');
writeFileSync(new URL('ladder_rpj_targets.csv', target), targets.join('\n') + '\n');
console.log(`fixtures/ladder_gadre.csv: ${out.length - 1} rows; fixtures/ladder_rpj_paper.csv: ${paper.length - 1} rows; fixtures/ladder_rpj_targets.csv: ${targets.length - 1} targets`);
