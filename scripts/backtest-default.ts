// The back-test of the default forecast (run: npm run backtest-default): the forecast fitted as
// scripts/default-forecast.ts fits it, on the base models less a held-out set, scored on the held-out
// models' scores beside persistence and the plain sigmoid (src/core/forecast/observational.ts);
// two holdouts, the most recent models (released in 2024) and the largest (the 14 of most compute);
// the interval models compared on them; and the release date as a covariate
// (src/core/forecast/date-covariate.ts). Prints the README's tables (markdown);
// test/core/forecast/default-backtest.test.ts checks the README holds them.
import { fileURLToPath } from 'node:url';
import { dateCovariateBacktest, yearsOf, COVARIATE_VARIANTS, type CovariateBacktest } from '../src/core/forecast/date-covariate.js';
import type { ForecastErrors } from '../src/core/forecast/metrics.js';
import { intervalCandidates, modelHoldout, type IntervalCandidate, type ModelHoldout } from '../src/core/forecast/observational.js';
import { baseModelLadder, readBaseModels, type BaseModel } from '../src/io/base-models.js';
import { SHIPPED } from './default-forecast.js';

/** The recent holdout: the dated models released from this day on. */
export const RECENT_FROM = '2024-01-01';
/** The large holdout: this many models of the most compute. */
export const LARGEST = 14;

/** The interval models compared: each width pooled over benchmarks and scaled by each one's RMSE; and with the family errors. */
export const CANDIDATES: readonly IntervalCandidate[] = [
  ...[0.25, 0.5, 1, 2, 4, 1e6].flatMap((offset) =>
    [false, true].map((scaled) => ({ name: `${offset === 1e6 ? 'constant' : `√(${offset} + d)`}, ${scaled ? 'scaled' : 'pooled'}`, offset, scaled, families: false })),
  ),
  { name: '√(0.25 + d), pooled, families too', offset: 0.25, scaled: false, families: true },
  { name: '√(2 + d), scaled, families too', offset: 2, scaled: true, families: true },
];

export interface DefaultBacktest {
  models: BaseModel[];
  splits: { name: string; what: string; holdout: ModelHoldout; candidates: ReturnType<typeof intervalCandidates> }[];
  covariate: CovariateBacktest;
}

export async function defaultBacktest(): Promise<DefaultBacktest> {
  const { models } = readBaseModels();
  const tasks = baseModelLadder(models);
  const recent = new Set(models.filter((m) => m.released !== undefined && m.released >= RECENT_FROM).map((m) => m.model));
  const byCompute = [...models].sort((a, b) => b.compute - a.compute);
  const largest = new Set(byCompute.slice(0, LARGEST).map((m) => m.model));
  const family = new Map(models.map((m) => [m.model, m.family]));
  const familyOf = (run: string): string => family.get(run)!;
  const smallestHeld = byCompute[LARGEST - 1]!.compute;
  const splits = [];
  for (const [name, what, held] of [
    ['recent', `the ${recent.size} models released from ${RECENT_FROM} (of ${models.filter((m) => m.released).length} with a date)`, recent],
    ['largest', `the ${LARGEST} models of most compute (${smallestHeld.toExponential(2).replace("e+", "e")} FLOPs and more)`, largest],
  ] as const) {
    const holdout = await modelHoldout(tasks, held, SHIPPED);
    splits.push({ name, what, holdout, candidates: intervalCandidates(holdout, CANDIDATES, familyOf) });
  }
  const released = new Map(models.filter((m) => m.released).map((m) => [m.model, yearsOf(m.released!)]));
  return { models, splits, covariate: dateCovariateBacktest(tasks, (run) => released.get(run), recent) };
}

const points = (x: number): string => (x * 100).toFixed(1);
const signed = (x: number): string => `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(1)}`;
const percent = (x: number | undefined): string => (x === undefined ? '' : `${Math.round(x * 100)}%`);
const figures = (e: ForecastErrors, intervals = true): string[] => [points(e.mae), signed(e.bias), ...(intervals ? [percent(e.coverage), points(e.width!), points(e.intervalScore!)] : [])];

/** The README's tables, in markdown: the two holdouts, the interval models, the covariate. */
export function backtestTables(b: DefaultBacktest): string[] {
  const blocks: string[] = [];
  for (const { name, what, holdout } of b.splits) {
    const head = `| ${name}: ${holdout.testRuns} held out, ${holdout.trainRuns} fitted | n | MAE | bias | 80% coverage | width | IS | plain MAE | bias | coverage | width | IS | persistence MAE | bias |`;
    const rows = [...holdout.tasks.map((t) => ({ id: t.id, n: t.n, figures: t.figures })), { id: '**pooled**', n: holdout.pooled.forecast.n, figures: holdout.pooled }].map(
      (t) => `| ${t.id} | ${t.n} | ${[...figures(t.figures.forecast), ...figures(t.figures.plain), ...figures(t.figures.persistence, false)].join(' | ')} |`,
    );
    blocks.push(`Held out: ${what}.\n\n${head}\n|---|${'---:|'.repeat(13)}\n${rows.join('\n')}`);
  }
  const candidateRows = CANDIDATES.map((c, i) => {
    const cells = b.splits.map((s) => {
      const { figures: f, byTask } = s.candidates[i]!;
      const coverages = [...byTask.values()].map((e) => e.coverage!);
      return `${percent(f.coverage)} (${percent(Math.min(...coverages))}–${percent(Math.max(...coverages))}), width ${points(f.width!)}, IS ${points(f.intervalScore!)}`;
    });
    return `| ${c.name} | ${cells.join(' | ')} |`;
  });
  blocks.push(`| interval width w(d) | ${b.splits.map((s) => `${s.name}: coverage (by benchmark), width, IS`).join(' | ')} |\n|---|${b.splits.map(() => '---|').join('')}\n${candidateRows.join('\n')}`);
  const c = b.covariate;
  const covHead = `| recent: ${c.testRuns} held out | ${COVARIATE_VARIANTS.join(' | ')} |`;
  const covRows = [...c.tasks.map((t) => ({ id: t.id, figures: t.figures })), { id: '**pooled**', figures: c.pooled }].map((t) => `| ${t.id} | ${COVARIATE_VARIANTS.map((v) => `${points(t.figures[v].mae)} (${signed(t.figures[v].bias)})`).join(' | ')} |`);
  blocks.push(`${covHead}\n|---|${COVARIATE_VARIANTS.map(() => '---:|').join('')}\n${covRows.join('\n')}\n\nγ fitted: ${c.sharedGamma.toFixed(2)} decades per year for all benchmarks; per benchmark ${[...c.taskGammas].map(([id, g]) => `${id} ${g.toFixed(2)}`).join(', ')}. Fitted on ${c.datedTrainRuns} dated models (all models: ${c.trainRuns}).`);
  return blocks;
}

export function backtestMarkdown(b: DefaultBacktest): string {
  return `${backtestTables(b).join('\n\n')}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(backtestMarkdown(await defaultBacktest()));
}
