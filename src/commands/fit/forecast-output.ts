/**
 * `emerge fit --output forecast.yaml` for a forecast: the file `emerge predict --forecast` and
 * `emerge thresholds --forecast` read (src/io/forecast-file.ts), with the data it came from.
 */
import { basename } from 'node:path';
import { forecastSpec, type ForecastModel } from '../../core/forecast/index.js';
import { formatForecastFile } from '../../io/forecast-file.js';
import { writeFileAtomic } from '../../io/output-file.js';
import type { ForecastDocument } from '../../render/forecast-fit-record.js';
import { formatSci } from '../../render/format.js';

export function writeForecastFile(path: string, model: ForecastModel, doc: ForecastDocument): void {
  const [low, high] = doc.compute_range;
  const source = `emerge fit ${doc.file === 'stdin' ? 'stdin' : basename(doc.file)}: ${doc.runs} runs, ${formatSci(low)}–${formatSci(high)} FLOPs`;
  const spec = forecastSpec(model, source);
  const taskInfo = new Map(
    doc.tasks.map((t) => [
      t.id,
      {
        chosen_by: t.chosen_by,
        runs: t.runs,
        ...(t.backtest.two_step || t.backtest.one_step ? { backtest_mae: { ...(t.backtest.two_step ? { two_step: t.backtest.two_step.mae } : {}), ...(t.backtest.one_step ? { one_step: t.backtest.one_step.mae } : {}) } } : {}),
      },
    ]),
  );
  const fit = {
    data: { file: doc.file, rows: doc.rows, runs: doc.runs, compute: doc.compute_range, loss: doc.loss, checkpoints: doc.checkpoints, ...(doc.checkpoints ? { warmup: doc.warmup } : {}) },
    via: doc.via,
    ...(doc.law_fit ? { law_fit: doc.law_fit } : {}),
    origins: doc.origins.map((o) => ({ cutoff: o.cutoff, runs: o.runs, law_refitted: o.law_refitted })),
    ...(doc.skipped.length > 0 ? { skipped: doc.skipped.map((s) => s.id) } : {}),
  };
  const comment = [
    `Forecast of ${doc.tasks.length} tasks written by \`emerge fit --output\` from ${doc.file} (${doc.runs} runs).`,
    `Use it with: emerge predict --forecast ${path} --params 7B --tokens 140B`,
    'two-step: score(L) = floor + (ceiling − floor)·σ(−k·(L − L0)) at L = E + A/N^α + B/D^β; one-step: score(C) = floor + (ceiling − floor)·σ(k·(log10 C − log10 C0)).',
  ];
  writeFileAtomic(path, formatForecastFile({ spec, taskInfo, fit, comment }));
}
