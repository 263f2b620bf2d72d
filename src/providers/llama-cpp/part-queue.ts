/**
 * Turns the engine's callbacks into an async iterable: parts are pushed as they are generated and read at the
 * reader's pace; a failure is raised after the parts that came before it.
 */
export class PartQueue<T> {
  private readonly buffered: T[] = [];
  private ended = false;
  private failure: { error: unknown } | undefined;
  private wake: (() => void) | undefined;

  push(part: T): void {
    this.buffered.push(part);
    this.notify();
  }

  end(): void {
    this.ended = true;
    this.notify();
  }

  fail(error: unknown): void {
    this.failure = { error };
    this.end();
  }

  /** Resolves once a part is ready or the queue ended; rejects if it failed before any part. */
  async firstPart(): Promise<void> {
    while (this.buffered.length === 0 && !this.ended) await this.nextChange();
    if (this.buffered.length === 0 && this.failure) throw this.failure.error;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    for (;;) {
      const part = this.buffered.shift();
      if (part !== undefined) {
        yield part;
      } else if (this.failure) {
        throw this.failure.error;
      } else if (this.ended) {
        return;
      } else {
        await this.nextChange();
      }
    }
  }

  private nextChange(): Promise<void> {
    return new Promise((resolve) => (this.wake = resolve));
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
