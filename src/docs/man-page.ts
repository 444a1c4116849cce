/**
 * The manual page, man/emerge.1, generated from the option table that --help, the README test and
 * shell completion read (scripts/make-man.ts writes it; a test checks the committed file is current).
 */
import type { CommandSpec, OptionSpec } from '../options/spec.js';

export interface ManPageInput {
  version: string;
  description: string;
  specs: readonly CommandSpec[];
  exitCodes: readonly { code: number; meaning: string }[];
}

/** Roff escapes: backslashes, and a line may not start with a control character ('.' or "'"). */
function text(value: string): string {
  return value
    .replace(/\\/g, '\\e')
    .replace(/-/g, '\\-')
    .split('\n')
    .map((line) => (/^[.']/.test(line) ? `\\&${line}` : line))
    .join('\n');
}

/** "--params <size>" → \fB\-\-params\fR \fIsize\fR */
function flagLine(option: OptionSpec): string {
  return option.flags
    .split(/,\s*/)
    .map((part) => part.replace(/^(\S+)(?:\s+<([^>]+)>)?$/, (_, flag: string, value?: string) => `\\fB${text(flag)}\\fR${value ? ` \\fI${text(value)}\\fR` : ''}`))
    .join(', ');
}

export function manPage(input: ManPageInput): string {
  const lines = [
    `.TH EMERGE 1 "" "emerge ${input.version}" "User Commands"`,
    '.SH NAME',
    `emerge \\- ${text(input.description)}`,
    '.SH SYNOPSIS',
    ...input.specs.flatMap((spec) => ['.B emerge', `.B ${spec.name}`, `${(spec.arguments ?? []).map((a) => `\\fI${text(a.syntax)}\\fR`).join(' ')} [\\fIoptions\\fR]`, '.br']),
    '.SH DESCRIPTION',
    text(input.description.charAt(0).toUpperCase() + input.description.slice(1)),
    '.PP',
    'Run \\fBemerge\\fR \\fIcommand\\fR \\fB\\-\\-help\\fR for the options of a command.',
  ];
  for (const spec of input.specs) {
    lines.push(`.SH "EMERGE ${spec.name.toUpperCase()}"`, text(spec.description));
    for (const argument of spec.arguments ?? []) lines.push('.TP', `\\fI${text(argument.syntax)}\\fR`, text(argument.description));
    for (const option of spec.options) {
      lines.push('.TP', flagLine(option), text(option.defaultHelp ? `${option.description} (default: ${option.defaultHelp})` : option.description));
      if (option.choices) lines.push(`One of: ${text(option.choices.join(', '))}.`);
    }
    lines.push('.PP', 'Examples:');
    for (const example of spec.examples) lines.push('.PP', '.RS', `\\f(CW${text(example.command)}\\fR`, '.br', text(example.explain), '.RE');
  }
  lines.push('.SH "EXIT STATUS"');
  for (const { code, meaning } of input.exitCodes) lines.push('.TP', `\\fB${code}\\fR`, text(meaning));
  lines.push('.SH "SEE ALSO"', 'The README of the package, with the mathematics, the data sources and their licences.');
  return `${lines.join('\n')}\n`;
}
