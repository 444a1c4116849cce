// Helpers for the bench scripts: time a function in this process (median of several runs), a command
// once (wall, CPU and peak memory), or a pair of commands side by side (comparePair).
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

const GNU_TIME = '/usr/bin/time';

/**
 * Times `f` in this process: one warm-up run (JIT), then `runs` timed runs; prints the median and
 * the minimum after `label` and returns the last result.
 */
export function timeInProcess<T>(label: string, runs: number, f: () => T, labelWidth = 48): T {
  let result = f();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = f();
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  console.log(`${label.padEnd(labelWidth)} median ${ms[runs >> 1]!.toFixed(1).padStart(7)} ms   min ${ms[0]!.toFixed(1).padStart(7)} ms   (${runs} runs)`);
  return result;
}

/** One run of a command: wall time, CPU time (user + system of the child) and peak memory. */
export interface RunTiming {
  ms: number;
  cpuMs: number;
  peakMb?: number;
}

/** A comparison measured side by side: A and B alternate, and each pair gives one ratio A/B. */
export interface PairedMeasurement {
  a: RunTiming;
  b: RunTiming;
  /** Median over pairs of A's wall time / B's wall time. */
  ratio: number;
  /** Median over pairs of A's CPU time / B's CPU time. */
  cpuRatio: number;
  pairs: number;
}

const RUSAGE = fileURLToPath(new URL('./rusage.py', import.meta.url));
const PYTHON = '/usr/bin/python3';

/**
 * Runs a command once: wall time, CPU time and peak memory of the command alone, measured by
 * bench/rusage.py (to the microsecond) when Debian's Python is there, else by GNU time (CPU to 10 ms,
 * and the wall time includes starting GNU time), else the wall time of the spawn only.
 */
export function runOnce(command: string, args: string[], options: SpawnSyncOptions = {}): RunTiming {
  const spawnOptions: SpawnSyncOptions = { maxBuffer: 1 << 30, ...options, encoding: 'utf8' };
  if (existsSync(PYTHON)) {
    const result = spawnSync(PYTHON, [RUSAGE, command, ...args], { ...spawnOptions, stdio: ['pipe', 'pipe', 'pipe', 'pipe'] });
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${String(result.stderr).slice(-500)}`);
    const [ms, cpuMs, kb] = String(result.output[3]).trim().split(' ').map(Number) as [number, number, number];
    return { ms, cpuMs, peakMb: kb / 1024 };
  }
  const useTime = existsSync(GNU_TIME);
  const start = process.hrtime.bigint();
  const result = useTime ? spawnSync(GNU_TIME, ['-f', '%M %U %S', command, ...args], spawnOptions) : spawnSync(command, args, spawnOptions);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${String(result.stderr).slice(-500)}`);
  if (!useTime) return { ms, cpuMs: Number.NaN };
  const [kb, user, system] = String(result.stderr).trim().split('\n').pop()!.split(' ').map(Number) as [number, number, number];
  return { ms, cpuMs: (user + system) * 1000, peakMb: kb / 1024 };
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const medianTiming = (runs: RunTiming[]): RunTiming => {
  const timing: RunTiming = { ms: median(runs.map((r) => r.ms)), cpuMs: median(runs.map((r) => r.cpuMs)) };
  const peaks = runs.map((r) => r.peakMb).filter((p): p is number => p !== undefined);
  if (peaks.length > 0) timing.peakMb = Math.max(...peaks);
  return timing;
};

/**
 * Measures A against B side by side: one warm-up of each (unless `warmUp` is false), then `pairs`
 * rounds of A then B (the order swapped every other round), so that both see the same machine load.
 * Reports the median of each side and the median of the pairwise ratios, which travels between
 * machines better than either time.
 */
export function comparePair(a: () => RunTiming, b: () => RunTiming, pairs: number, warmUp = true): PairedMeasurement {
  if (warmUp) {
    a();
    b();
  }
  const as: RunTiming[] = [];
  const bs: RunTiming[] = [];
  for (let i = 0; i < pairs; i++) {
    if (i % 2 === 0) {
      as.push(a());
      bs.push(b());
    } else {
      bs.push(b());
      as.push(a());
    }
  }
  return {
    a: medianTiming(as),
    b: medianTiming(bs),
    ratio: median(as.map((t, i) => t.ms / bs[i]!.ms)),
    cpuRatio: median(as.map((t, i) => t.cpuMs / bs[i]!.cpuMs)),
    pairs,
  };
}

export const fmtRun = (t: RunTiming): string => `${t.ms.toFixed(0)} ms wall, ${t.cpuMs.toFixed(0)} ms CPU${t.peakMb !== undefined ? `, peak ${t.peakMb.toFixed(0)} MB` : ''}`;

/**
 * The machine a bench runs on, for its first line: cores, CPU, Node.js, and the load average when it
 * starts (other work on the machine slows both sides of a pair alike: the ratios hold, the times do not).
 */
export function machineLine(): string {
  const cores = cpus();
  return `${cores.length} × ${cores[0]?.model.trim() ?? 'unknown CPU'}, Node.js ${process.version}, load average ${loadavg()[0]!.toFixed(2)}`;
}

/** The ratio line of a paired measurement: "1.23× wall, 1.25× CPU (median of 21 pairs)". */
export const fmtRatio = (p: PairedMeasurement): string => `${p.ratio.toFixed(2)}× wall, ${p.cpuRatio.toFixed(2)}× CPU (${p.pairs === 1 ? 'one pair' : `median of ${p.pairs} pairs`})`;
