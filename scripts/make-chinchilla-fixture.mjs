// Writes fixtures/chinchilla_runs.csv (the 240 Chinchilla training runs Besiroglu et al. 2024 keep) and
// fixtures/chinchilla_epoch_points.csv (all 245, verbatim) from the shared reference file.
// Numbers are copied as text, never re-formatted: the fixture holds exactly the digits of the source.
//
//   node scripts/make-chinchilla-fixture.mjs ../shared/data/chinchilla_epoch_points.csv
import { readFileSync, writeFileSync, copyFileSync } from 'node:fs';

const source = process.argv[2];
if (!source) {
  console.error('usage: node scripts/make-chinchilla-fixture.mjs PATH/TO/chinchilla_epoch_points.csv');
  process.exit(2);
}
const lines = readFileSync(source, 'utf8').split(/\r?\n/).filter((line) => line.length > 0);
const header = lines[0].split(',');
const column = (name) => {
  const index = header.indexOf(name);
  if (index < 0) throw new Error(`${source}: no column ${name}`);
  return index;
};
const params = column('model_size_params');
const tokens = column('training_tokens');
const compute = column('training_flop');
const loss = column('loss');
const excluded = column('epoch_excluded_outlier');

const out = ['params,tokens,compute,loss'];
for (const line of lines.slice(1)) {
  const cells = line.split(',');
  if (cells[excluded] === '1') continue;
  if (cells[excluded] !== '0') throw new Error(`${source}: unexpected epoch_excluded_outlier ${cells[excluded]}`);
  out.push([cells[params], cells[tokens], cells[compute], cells[loss]].join(','));
}
const target = new URL('../fixtures/', import.meta.url);
writeFileSync(new URL('chinchilla_runs.csv', target), out.join('\n') + '\n');
copyFileSync(source, new URL('chinchilla_epoch_points.csv', target));
console.log(`fixtures/chinchilla_runs.csv: ${out.length - 1} runs; fixtures/chinchilla_epoch_points.csv: ${lines.length - 1} rows`);
