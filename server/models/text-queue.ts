/**
 * The text of a streamed reply between the call that reads it (pushing) and whoever iterates it.
 * The call runs whether or not anyone iterates (so `completion` always settles); leaving the
 * iteration early calls `onReturn`, which cancels the call.
 */
export class TextQueue implements AsyncIterable<string> {
  private readonly items: string[] = [];
  private ended = false;
  private failure: { error: unknown } | null = null;
  private wake: (() => void) | null = null;

  constructor(private readonly onReturn: () => void) {}

  push(text: string): void {
    this.items.push(text);
    this.notify();
  }

  end(): void {
    this.ended = true;
    this.notify();
  }

  fail(error: unknown): void {
    this.failure = { error };
    this.notify();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  [Symbol.asyncIterator](): AsyncIterator<string> {
    return {
      next: async (): Promise<IteratorResult<string>> => {
        for (;;) {
          if (this.items.length > 0) return { value: this.items.shift()!, done: false };
          if (this.failure) throw this.failure.error;
          if (this.ended) return { value: undefined, done: true };
          await new Promise<void>((resolve) => {
            this.wake = resolve;
          });
        }
      },
      return: async (): Promise<IteratorResult<string>> => {
        if (!this.ended && !this.failure) this.onReturn();
        this.ended = true;
        this.items.length = 0;
        return { value: undefined, done: true };
      },
    };
  }
}
