/** Frees a slot; calling it again does nothing. */
export type Release = () => void;

export interface Slots {
  /**
   * Resolves with a slot once one is free, in order of arrival; rejects with `full()` when the queue is full and
   * with `cancelled()` when the signal aborts before a slot was granted (the request leaves the queue).
   */
  acquire(signal: AbortSignal): Promise<Release>;
  readonly busy: number;
  readonly waiting: number;
}

export interface SlotsOptions {
  capacity: number;
  maxWaiting: number;
  full: () => Error;
  cancelled: () => Error;
}

/** A counting semaphore with a bounded first-in, first-out queue: the engine's concurrency limit. */
export function createSlots(options: SlotsOptions): Slots {
  let free = options.capacity;
  const queue: Array<() => void> = [];

  const releaser = (): Release => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      // The slot passes straight to the next in line, so a newcomer cannot overtake the queue.
      const next = queue.shift();
      if (next) next();
      else free++;
    };
  };

  return {
    acquire(signal) {
      if (signal.aborted) return Promise.reject(options.cancelled());
      if (free > 0) {
        free--;
        return Promise.resolve(releaser());
      }
      if (queue.length >= options.maxWaiting) return Promise.reject(options.full());
      return new Promise<Release>((resolve, reject) => {
        const grant = () => {
          signal.removeEventListener('abort', leave);
          resolve(releaser());
        };
        const leave = () => {
          queue.splice(queue.indexOf(grant), 1);
          reject(options.cancelled());
        };
        signal.addEventListener('abort', leave, { once: true });
        queue.push(grant);
      });
    },
    get busy() {
      return options.capacity - free;
    },
    get waiting() {
      return queue.length;
    },
  };
}
