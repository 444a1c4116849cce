// Options are declared once (src/options); the README documents every one of them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCALE_AXES } from '../src/core/curve-fit/axis.js';
import { residualLoss } from '../src/core/fit/law-objective.js';
import { SCENARIO_NAMES } from '../src/core/simulate/scenarios.js';
import { SWEEP_AXES } from '../src/core/simulate/sweep.js';
import { INTERVAL_SCALINGS, VIAS } from '../src/core/forecast/index.js';
import { FIT_AXES, FIT_LOSSES, FORECAST_INTERVALS, FORECAST_VIAS } from '../src/options/fit.js';
import { COMMAND_SPECS } from '../src/options/index.js';
import { SIMULATE_SCENARIOS, SWEEP_AXIS_CHOICES } from '../src/options/simulate.js';
import { longFlag } from '../src/options/spec.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('option specs', () => {
  const flags = COMMAND_SPECS.flatMap((spec) => spec.options.map((o) => [spec.name, longFlag(o)] as const));

  /** The README's section of a command: from "## emerge NAME" to the next "## " heading. */
  const section = (command: string): string => {
    const start = readme.indexOf(`\n## emerge ${command}\n`);
    expect(start, `README has a section "## emerge ${command}"`).toBeGreaterThan(0);
    const end = readme.indexOf('\n## ', start + 1);
    return readme.slice(start, end < 0 ? undefined : end);
  };

  it.each(flags)('emerge %s %s is documented in its README section', (command, flag) => {
    expect(section(command)).toMatch(new RegExp(`${flag}(?![a-z-])`));
  });

  it('every command has examples that name it', () => {
    for (const spec of COMMAND_SPECS) {
      expect(spec.examples.length).toBeGreaterThan(0);
      for (const example of spec.examples) expect(example.command.startsWith(`emerge ${spec.name}`)).toBe(true);
    }
  });
});

// The option specs copy a few lists from the engines (cli.js must not load the engines for --help);
// the copies must not drift.
describe('choices offered by the options', () => {
  it('are the ones the engines accept', () => {
    expect([...FIT_AXES]).toEqual([...SCALE_AXES]);
    expect([...FORECAST_VIAS]).toEqual([...VIAS]);
    expect([...FORECAST_INTERVALS]).toEqual([...INTERVAL_SCALINGS]);
    expect([...SWEEP_AXIS_CHOICES]).toEqual([...SWEEP_AXES]);
    expect([...SIMULATE_SCENARIOS]).toEqual([...SCENARIO_NAMES]);
    for (const kind of FIT_LOSSES) expect(residualLoss(kind).kind).toBe(kind);
  });
});
