/**
 * What shell completion offers, derived from the option table (src/options) that --help and the
 * README read: subcommands, their flags, and for each flag that takes a value what to complete
 * there. The words themselves (law presets, ability ids, model slugs, scenarios) are passed in, so
 * this module stays free of I/O.
 */
import type { CommandSpec, OptionSpec } from '../options/spec.js';
import { longFlag } from '../options/spec.js';

/** The shipped names a value can be completed from. */
export interface CompletionWords {
  laws: readonly string[];
  abilities: readonly string[];
  models: readonly string[];
  scenarios: readonly string[];
}

export interface CompletedFlag {
  flag: string;
  /** Short form, e.g. "-V". */
  short?: string;
  description: string;
  /** Whether the flag takes a value. */
  takesValue: boolean;
  /** Words offered for the value. */
  words: readonly string[];
  /** Whether file names are offered too. */
  files: boolean;
  /** A comma-separated list (--ability a,b): each item is completed after the last comma. */
  list: boolean;
}

export interface CompletedCommand {
  name: string;
  summary: string;
  flags: CompletedFlag[];
  /** Whether the positional argument is a file (all of emerge's are), or the shells of `completion`. */
  argumentWords: readonly string[];
  argumentFiles: boolean;
}

export interface CompletionModel {
  program: string;
  commands: CompletedCommand[];
  /** Flags of the program itself (--help, --version). */
  globalFlags: CompletedFlag[];
}

/**
 * What a flag's value completes to, from its declaration: its `choices`; a `<name|file>` law; a
 * `<name>` scenario; `<ids>` abilities (a list); a `<slug>` model; a `<file>`, or a value whose help
 * says it may be a file.
 */
export function completeValue(option: OptionSpec, words: CompletionWords): Pick<CompletedFlag, 'takesValue' | 'words' | 'files' | 'list'> {
  const placeholder = /<([^>]+)>/.exec(option.flags)?.[1];
  if (placeholder === undefined) return { takesValue: false, words: [], files: false, list: false };
  const flag = longFlag(option);
  const value = (w: readonly string[], files: boolean, list = false) => ({ takesValue: true, words: w, files, list });
  if (option.choices) return value(option.choices, false);
  if (flag === '--law') return value(words.laws, true);
  if (flag === '--scenario') return value(words.scenarios, false);
  if (placeholder === 'ids') return value(words.abilities, false, true);
  if (placeholder === 'slug') return value(words.models, false);
  if (placeholder === 'grid') return value(['standard', 'coarse'], true);
  if (flag === '--quality') return value(['low', 'standard', 'high'], false);
  return value([], /file|dir/.test(placeholder));
}

const HELP: CompletedFlag = { flag: '--help', short: '-h', description: 'display help', takesValue: false, words: [], files: false, list: false };
const VERSION: CompletedFlag = { flag: '--version', short: '-V', description: 'output the version number', takesValue: false, words: [], files: false, list: false };

/** The completion model of the program from its command specs. */
export function completionModel(specs: readonly CommandSpec[], words: CompletionWords, shells: readonly string[]): CompletionModel {
  const commands = specs.map((spec): CompletedCommand => {
    const flags = spec.options.map((option) => ({ flag: longFlag(option), description: option.description, ...completeValue(option, words) }));
    const argument = spec.arguments?.[0];
    const isShell = argument?.syntax.includes('shell') ?? false;
    return { name: spec.name, summary: spec.summary, flags: [...flags, HELP], argumentWords: isShell ? shells : [], argumentFiles: argument !== undefined && !isShell };
  });
  return { program: 'emerge', commands, globalFlags: [HELP, VERSION] };
}
