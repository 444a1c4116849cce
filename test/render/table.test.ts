// src/render/table.ts draws cli-table3's compact style itself (cli-table3 cost 10–25 ms of every
// start of the CLI); on any table it must print exactly what cli-table3 prints.
import Table from 'cli-table3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderFields, renderTable, type Align } from '../../src/render/table.js';

function cliTable3(head: string[], rows: string[][], align: Align[]): string {
  const table = new Table({ head, style: { head: [], border: [], compact: true }, colAligns: align });
  for (const row of rows) table.push(row);
  return table.toString();
}

const cell = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', 'B', '7', '.', '%', ' ', '-', '·', '─', 'é') }),
  fc.constantFrom('上下文学习', 'BIG-Bench：推理', '\u001b[32memerged\u001b[39m', '\u001b[1m思维链推理\u001b[22m', '1.34e23', '+0.85', ''),
);

describe('renderTable', () => {
  it('prints what cli-table3 prints, for any table', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }).chain((n) => fc.tuple(fc.array(cell, { minLength: n, maxLength: n }), fc.array(fc.array(cell, { minLength: n, maxLength: n }), { maxLength: 6 }), fc.array(fc.constantFrom<Align>('left', 'right', 'center'), { minLength: n, maxLength: n }))), ([head, rows, align]) => {
        expect(renderTable({ head, rows, align })).toBe(cliTable3(head, rows, align));
      }),
      { numRuns: 300 },
    );
  });

  it('draws the compact box style', () => {
    expect(renderTable({ head: ['id', 'P'], rows: [['a', '1%'], ['上下文', '10%']], align: ['left', 'right'] })).toBe(
      ['┌────────┬─────┐', '│ id     │   P │', '├────────┼─────┤', '│ a      │  1% │', '│ 上下文 │ 10% │', '└────────┴─────┘'].join('\n'),
    );
  });
});

describe('renderFields', () => {
  it('pads the labels to a common width', () => {
    expect(renderFields([['Model', '70B'], ['Effective size', '2.18T']])).toBe('Model           70B\nEffective size  2.18T');
  });
});
