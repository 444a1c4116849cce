/**
 * What a command may touch: an output sink for stdout, one-line messages for stderr, stdin, and
 * whether to use colour. src/cli.ts builds it from the process (or from test doubles).
 */

export interface OutputSink {
  /** Writes text (or UTF-8 bytes) to stdout, waiting when the consumer is slower (back-pressure). */
  write(text: string | Uint8Array): Promise<void>;
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
 * become a few thousand writes to stdout instead of a million. Each piece is encoded as UTF-8 into
 * the chunk as it is added, while it is fresh (joining a million rows' strings into one and then
 * encoding that took longer than making them). `add` is synchronous; `drain` writes what has
 * gathered once it is large (call it between chunks of input), `flush` writes the rest.
 */
export class OutputBuffer {
  static readonly CHUNK = 65536;
  private chunk = Buffer.allocUnsafe(OutputBuffer.CHUNK);
  private used = 0;
  /** Full chunks, and text too long for a chunk, waiting for `drain` or `flush`. */
  private ready: (Uint8Array | string)[] = [];
  private readySize = 0;

  constructor(private readonly out: OutputSink) {}

  add(text: string): void {
    // A UTF-16 code unit takes at most 3 bytes of UTF-8.
    if (text.length * 3 > this.chunk.length - this.used) {
      this.seal();
      if (text.length * 3 > this.chunk.length) {
        this.ready.push(text);
        this.readySize += text.length;
        return;
      }
    }
    this.used += this.chunk.write(text, this.used);
  }

  /** Text already encoded as UTF-8. */
  addBytes(bytes: Uint8Array): void {
    if (bytes.length > this.chunk.length - this.used) {
      this.seal();
      if (bytes.length > this.chunk.length) {
        this.ready.push(bytes);
        this.readySize += bytes.length;
        return;
      }
    }
    this.chunk.set(bytes, this.used);
    this.used += bytes.length;
  }

  async drain(): Promise<void> {
    if (this.readySize + this.used >= OutputBuffer.CHUNK) await this.flush();
  }

  async flush(): Promise<void> {
    this.seal();
    const ready = this.ready;
    this.ready = [];
    this.readySize = 0;
    for (const piece of ready) await this.out.write(piece);
  }

  /** Moves the chunk being filled to `ready` (a written chunk belongs to the sink: a new one is made). */
  private seal(): void {
    if (this.used === 0) return;
    this.ready.push(this.chunk.subarray(0, this.used));
    this.readySize += this.used;
    this.chunk = Buffer.allocUnsafe(OutputBuffer.CHUNK);
    this.used = 0;
  }
}
