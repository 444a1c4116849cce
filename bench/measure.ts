// Helpers for the bench scripts: time a command (median of several runs) and its peak memory.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface Measurement {
  /** Median wall time in milliseconds. */
  ms: number;
  /** Peak resident memory in MB (GNU time), when /usr/bin/time is available. */
  peakMb?: number;
}

const GNU_TIME = '/usr/bin/time';

/** Runs `command args` `runs` times (after one warm-up) and returns the median time and peak memory. */
export function measure(command: string, args: string[], runs: number, options: SpawnSyncOptions = {}): Measurement {
  const times: number[] = [];
  let peakMb: number | undefined;
  for (let i = 0; i <= runs; i++) {
    const useTime = existsSync(GNU_TIME);
    const start = process.hrtime.bigint();
    const result = useTime
      ? spawnSync(GNU_TIME, ['-f', '%M', command, ...args], { ...options, encoding: 'utf8' })
      : spawnSync(command, args, { ...options, encoding: 'utf8' });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${String(result.stderr).slice(-500)}`);
    if (useTime) {
      const kb = Number(String(result.stderr).trim().split('\n').pop());
      if (Number.isFinite(kb)) peakMb = Math.max(peakMb ?? 0, kb / 1024);
    }
    if (i > 0) times.push(ms);
  }
  times.sort((a, b) => a - b);
  const measurement: Measurement = { ms: times[Math.floor(times.length / 2)]! };
  if (peakMb !== undefined) measurement.peakMb = peakMb;
  return measurement;
}

export const fmt = (m: Measurement): string => `${m.ms.toFixed(0)} ms${m.peakMb !== undefined ? `, peak ${m.peakMb.toFixed(0)} MB` : ''}`;

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
