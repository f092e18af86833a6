import { AppError } from '../http/errors.ts';
import { hashPassword, PASSWORD_COST, type ScryptCost, type Verified, verifyPassword } from './crypto.ts';

/**
 * How many password hashes run at once, and how many may wait. At PASSWORD_COST each takes
 * 128 MiB, so two at a time cap the memory at 256 MiB whatever arrives, and leave two of libuv's
 * four threads for file I/O. Beyond the waiting room a request is answered RATE_LIMITED at once
 * instead of queueing without end.
 */
export const HASHING_LIMITS = { concurrent: 2, waiting: 32, retryAfterSeconds: 2 } as const;

/** Hashes and checks passwords at one cost, through a gate that bounds their memory. */
export class PasswordHasher {
  private readonly gate: Gate;
  constructor(
    readonly cost: ScryptCost = PASSWORD_COST,
    limits: GateLimits = HASHING_LIMITS,
  ) {
    this.gate = new Gate(limits);
  }

  hash(password: string): Promise<string> {
    return this.gate.run(() => hashPassword(password, this.cost));
  }

  verify(password: string, stored: string | null): Promise<Verified> {
    return this.gate.run(() => verifyPassword(password, stored, this.cost));
  }
}

export interface GateLimits {
  concurrent: number;
  waiting: number;
  /** What a refused caller is told to wait. */
  retryAfterSeconds: number;
}

/** At most `concurrent` tasks at once, at most `waiting` queued; more are refused. */
export class Gate {
  private running = 0;
  private readonly queue: (() => void)[] = [];
  constructor(private readonly limits: GateLimits) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running < this.limits.concurrent) this.running++;
    else {
      if (this.queue.length >= this.limits.waiting) {
        throw new AppError(
          'RATE_LIMITED',
          'The server is busy checking passwords; try again in a few seconds.',
          { retryAfterSeconds: this.limits.retryAfterSeconds },
        );
      }
      // The slot is handed over by the task that finishes (below), so `running` stays as it is.
      await new Promise<void>((resolve) => this.queue.push(resolve));
    }
    try {
      return await task();
    } finally {
      const next = this.queue.shift();
      if (next) next();
      else this.running--;
    }
  }
}
