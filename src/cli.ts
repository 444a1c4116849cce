/**
 * The command-line program. The only place that reads argv, writes to stdout and stderr and decides
 * the exit code: 0 success; 1 a check failed, input data invalid or a fit failed; 2 usage error.
 * Subcommands are registered from their specs (src/options) and loaded on demand, so that
 * `emerge --help` or `emerge predict` load only what they use.
 */
import { EventEmitter, once } from 'node:events';
import { fstatSync, statSync, writeSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import packageJson from '../package.json' with { type: 'json' };
import type { CommandContext } from './commands/context.js';
import { isEmergeError } from './errors.js';
import { COMMAND_SPECS, EXIT_CODES, PROGRAM_DESCRIPTION } from './options/index.js';

type Runner = (args: string[], options: Record<string, unknown>, ctx: CommandContext) => Promise<void>;

/** Each subcommand's code is imported only when it runs. */
const RUNNERS: Record<string, Runner> = {
  predict: async (args, options, ctx) => (await import('./commands/predict.js')).runPredict(options, ctx, args[0]),
  thresholds: async (args, options, ctx) => (await import('./commands/thresholds.js')).runThresholds(options, ctx, args[0]),
  fit: async (args, options, ctx) => (await import('./commands/fit.js')).runFit(args, options, ctx),
  simulate: async (args, options, ctx) => (await import('./commands/simulate.js')).runSimulate(options, ctx, args[0]),
  completion: async (args, _options, ctx) => (await import('./commands/completion.js')).runCompletion(args[0]!, ctx),
};

export interface ProcessIO {
  stdout: Pick<NodeJS.WritableStream, 'write'> & NodeJS.EventEmitter & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream;
  env: Record<string, string | undefined>;
}

/** Runs the program on `argv` (without node and script) and returns the exit code. */
export async function main(argv: string[], io: ProcessIO): Promise<number> {
  const errorLine = (text: string): void => {
    io.stderr.write(`${withoutControls(text.replace(/\s*\n\s*/g, ' ').trim())}\n`);
  };
  const ctx = createContext(io);
  let commandName = '';
  const program = new Command('emerge')
    .description(`${PROGRAM_DESCRIPTION.charAt(0).toUpperCase()}${PROGRAM_DESCRIPTION.slice(1)}.`)
    .version(packageJson.version, '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s), outputError: () => {} })
    .showSuggestionAfterError(true)
    .addHelpText('after', `\nExit codes: ${EXIT_CODES.map((e) => `${e.code} ${e.meaning}`).join('; ')}.\nRun "emerge <command> --help" for a command's options and examples.`);

  for (const spec of COMMAND_SPECS) {
    const run = RUNNERS[spec.name]!;
    const command = program.command(spec.name).summary(spec.summary).description(spec.description).exitOverride();
    for (const argument of spec.arguments ?? []) command.argument(argument.syntax, argument.description);
    for (const option of spec.options) {
      // Defaults are applied by the commands (a config file may set them too), so help only names them.
      const built = new Option(option.flags, option.defaultHelp ? `${option.description} (default: ${option.defaultHelp})` : option.description);
      if (option.choices) built.choices(option.choices);
      command.addOption(built);
    }
    command.addHelpText('after', `\nExamples:\n${spec.examples.map((e) => `  $ ${e.command}\n      ${e.explain}`).join('\n')}\n`);
    command.action(async (...actionArgs: unknown[]) => {
      commandName = spec.name;
      const cmd = actionArgs[actionArgs.length - 1] as Command;
      await run(cmd.args, cmd.opts(), ctx);
    });
  }

  try {
    if (argv.length === 0) {
      io.stderr.write(program.helpInformation());
      return 2;
    }
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
      const where = argv[0] && COMMAND_SPECS.some((c) => c.name === argv[0]) ? `emerge ${argv[0]}` : 'emerge';
      errorLine(`${where}: ${error.message.replace(/^error: /, '')}`);
      return 2;
    }
    if (isEmergeError(error)) {
      if (error.message) errorLine(`emerge${commandName ? ` ${commandName}` : ''}: ${error.message}`);
      return error.exitCode;
    }
    const detail = io.env.EMERGE_DEBUG ? (error as Error).stack ?? String(error) : (error as Error).message ?? String(error);
    errorLine(`emerge${commandName ? ` ${commandName}` : ''}: internal error: ${detail} (please report it; EMERGE_DEBUG=1 shows the stack)`);
    return 1;
  }
}

/** User text can reach a message (a file name, a bad value): escape control characters in it. */
function withoutControls(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function createContext(io: ProcessIO): CommandContext {
  const force = io.env.FORCE_COLOR;
  const color = force !== undefined && force !== '' ? force !== '0' && force !== 'false' : !io.env.NO_COLOR && io.stdout.isTTY === true;
  let progressShown = false;
  return {
    out: {
      async write(text: string) {
        if (!io.stdout.write(text)) await once(io.stdout, 'drain');
      },
    },
    warn(message) {
      if (progressShown) io.stderr.write('\r\u001b[K');
      progressShown = false;
      io.stderr.write(`emerge: ${withoutControls(message)}\n`);
    },
    report(line) {
      io.stderr.write(`${withoutControls(line)}\n`);
    },
    progress(message) {
      if (io.stderr.isTTY !== true) return;
      io.stderr.write(`\r\u001b[K${message}`);
      progressShown = message !== '';
    },
    get stdin() {
      return io.stdin;
    },
    color,
    columns: io.stdout.isTTY ? io.stdout.columns : undefined,
  };
}

/** Entry point of bin/emerge.js: runs on the real process and sets its exit code. */
export async function runFromProcess(): Promise<void> {
  const io: ProcessIO = {
    stdout: processStdout(),
    // process.stderr and process.stdin are created on first access (a few ms each): only what a
    // command uses is paid for.
    get stderr() {
      return process.stderr;
    },
    get stdin() {
      return process.stdin;
    },
    env: process.env,
  };
  const code = await main(process.argv.slice(2), io);
  process.exitCode = code;
}

/** A closed pipe (`emerge ... | head -1`) ends the program quietly, with success. */
function endOnClosedPipe(error: NodeJS.ErrnoException): void {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
}

/**
 * Standard output of the real process: process.stdout for a terminal (colour, width), else a
 * DirectStdout. (Creating process.stdout loads Node's streams, and node:net for a pipe: a good part
 * of a short command's start-up.)
 */
function processStdout(): ProcessIO['stdout'] {
  let direct = false;
  try {
    const out = fstatSync(1);
    direct = out.isFile() || out.isFIFO() || out.isSocket() || (out.isCharacterDevice() && out.rdev === statSync('/dev/null').rdev);
  } catch {
    // No usable file descriptor 1: let process.stdout deal with it.
  }
  return direct ? new DirectStdout() : process.stdout.on('error', endOnClosedPipe);
}

/**
 * File descriptor 1 written with fs.writeSync, as process.stdout writes files and pipes on Linux
 * (synchronously), without creating it. Should a write find the descriptor non-blocking and full,
 * the rest of the output goes through process.stdout, whose 'drain' this emits.
 */
class DirectStdout extends EventEmitter {
  readonly isTTY = false;
  private stream: NodeJS.WriteStream | undefined;

  write(chunk: string | Uint8Array): boolean {
    if (this.stream) return this.stream.write(chunk);
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    let written = 0;
    try {
      while (written < bytes.length) written += writeSync(1, bytes, written);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') endOnClosedPipe(error as NodeJS.ErrnoException);
      this.stream = process.stdout.on('error', endOnClosedPipe).on('drain', () => this.emit('drain'));
      return this.stream.write(bytes.subarray(written));
    }
  }
}
