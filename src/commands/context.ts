/**
 * What a command may touch: an output sink for stdout, one-line messages for stderr, stdin, and
 * whether to use colour. src/cli.ts builds it from the process (or from test doubles).
 */

export interface OutputSink {
  /** Writes text to stdout, waiting when the consumer is slower (back-pressure). */
  write(text: string): Promise<void>;
}

export interface CommandContext {
  out: OutputSink;
  /** A warning or note: one line on stderr, prefixed "emerge: ". */
  warn(message: string): void;
  /** A line of a report meant for stderr as it is (the CI gate's lines). */
  report(line: string): void;
  /** Progress for long work; a no-op unless stderr is a TTY. */
  progress(message: string): void;
  stdin: NodeJS.ReadableStream;
  /** Colour on stdout (a TTY, or FORCE_COLOR; never with NO_COLOR). */
  color: boolean;
  /** Terminal width when stdout is a TTY. */
  columns: number | undefined;
}
