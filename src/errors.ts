/**
 * Typed errors. Everything below the CLI throws one of these; src/cli.ts alone turns them into a
 * one-line message on stderr and an exit code (0 ok, 1 check failed / bad input data / fit failed,
 * 2 usage error).
 */

/** A bad flag, flag value or combination of flags. Exit code 2. */
export class UsageError extends Error {
  readonly exitCode = 2;
  override name = 'UsageError';
}

/** Invalid input data in a file (or stdin): names the file and, when known, the line. Exit code 1. */
export class InputError extends Error {
  readonly exitCode = 1;
  override name = 'InputError';
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly detail: string,
  ) {
    super(line === undefined ? `${file}: ${detail}` : `${file}:${line}: ${detail}`);
  }
}

/** A fit that could not be carried out or did not converge. Exit code 1. */
export class FitError extends Error {
  readonly exitCode = 1;
  override name = 'FitError';
}

/** A check asked for by the user failed (the CI gate). Exit code 1; the report is already written. */
export class CheckFailed extends Error {
  readonly exitCode = 1;
  override name = 'CheckFailed';
}

/** Any of the errors emerge throws on purpose (each has an `exitCode`); test one with `isEmergeError`. */
export type EmergeError = UsageError | InputError | FitError | CheckFailed;

const NAMES = new Set(['UsageError', 'InputError', 'FitError', 'CheckFailed']);

/**
 * One of the errors above. Checked by name and exit code rather than `instanceof`: each subcommand
 * is its own bundle (scripts/build.mjs), with its own copy of these classes.
 */
export function isEmergeError(error: unknown): error is EmergeError {
  return error instanceof Error && NAMES.has(error.name) && typeof (error as Partial<EmergeError>).exitCode === 'number';
}
