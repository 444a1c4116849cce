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

/**
 * Collects small pieces of output (a row at a time) into chunks of about 64 KB: a million rows
 * become a few hundred writes to stdout instead of a million. `add` is synchronous; `drain` writes
 * what has gathered once it is large (call it between chunks of input), `flush` writes the rest.
 */
export class OutputBuffer {
  private pending: string[] = [];
  private size = 0;

  constructor(private readonly out: OutputSink) {}

  add(text: string): void {
    this.pending.push(text);
    this.size += text.length;
  }

  async drain(): Promise<void> {
    if (this.size >= 65536) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.size === 0) return;
    const text = this.pending.join('');
    this.pending = [];
    this.size = 0;
    await this.out.write(text);
  }
}
