// How many dashboard reads run at once, and which goes next: the one whose request arrived
// first. A dashboard figure takes several reads one after another (the data version, then
// the counts, then the labels). In a first-come queue each of those waits behind every
// request that arrived meanwhile, so under a burst (a cold cache after a restart) every
// request gets slower together and most miss their deadline; served oldest request first,
// a request that has started finishes before newer ones start, and the burst drains in
// arrival order.
//
// A read whose request was abandoned (the client closed the connection) leaves the queue
// without running.
import { AppError } from '../graphql/app-error.js';

/** The request a read belongs to: when it arrived, and whether its client is still there. */
export interface ReadOwner {
  /** Arrival time of the request (ms, any monotonic clock); smaller goes first. */
  arrivedAt: number;
  signal?: AbortSignal;
}

/** Thrown to a read whose client has gone: nobody will see its answer. */
export class RequestAbandonedError extends AppError {
  constructor() {
    super('CLIENT_CLOSED_REQUEST', 'the client closed the request before its answer was ready');
    this.name = 'RequestAbandonedError';
  }
}

interface Waiter {
  arrivedAt: number;
  seq: number;
  start: () => void;
}

export class ReadGate {
  private running = 0;
  /** Sorted by (arrivedAt, seq): the first waits longest. */
  private readonly waiting: Waiter[] = [];
  private seq = 0;

  constructor(readonly permits: number) {
    if (!Number.isInteger(permits) || permits < 1)
      throw new RangeError(`a read gate needs at least one permit, not ${permits}`);
  }

  /** Reads waiting for a turn. */
  get queued(): number {
    return this.waiting.length;
  }

  async run<T>(owner: ReadOwner, read: () => Promise<T>): Promise<T> {
    await this.turn(owner);
    try {
      return await read();
    } finally {
      this.release();
    }
  }

  private turn({ arrivedAt, signal }: ReadOwner): Promise<void> {
    if (signal?.aborted) return Promise.reject(new RequestAbandonedError());
    if (this.running < this.permits && this.waiting.length === 0) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        const i = this.waiting.indexOf(waiter);
        if (i >= 0) this.waiting.splice(i, 1);
        reject(new RequestAbandonedError());
      };
      const waiter: Waiter = {
        arrivedAt,
        seq: this.seq++,
        start: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.splice(this.insertionIndex(waiter), 0, waiter);
    });
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next.start();
    else this.running--;
  }

  /** Binary search: after every waiter that arrived earlier (or at the same time, sooner). */
  private insertionIndex(w: Waiter): number {
    let lo = 0;
    let hi = this.waiting.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const m = this.waiting[mid]!;
      if (m.arrivedAt < w.arrivedAt || (m.arrivedAt === w.arrivedAt && m.seq < w.seq)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
