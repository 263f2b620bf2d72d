/** One counter of one window: `key` names the scope, the metric and the window it counts. */
export interface Counter {
  key: string;
  /** The window's length: the counter is forgotten once it has passed. */
  ttlMs: number;
}

export interface Check extends Counter {
  limit: number;
  /** Taken from the allowance on admission: 1 for a request counter, 0 for a token counter (charged later). */
  cost: number;
}

/** Where counters live: this process's memory, or Redis for every replica. */
export interface CounterStore {
  /**
   * In one step: if a check's counter is at its limit, or its cost would take it past it, nothing is taken and the
   * index of that check is returned; otherwise every check's cost is taken and -1 returned.
   */
  admit(checks: readonly Check[]): Promise<number>;
  /** Adds to counters (tokens once they are known). */
  add(counters: readonly Counter[], amount: number): Promise<void>;
  close(): Promise<void>;
}

/** Expired counters are swept once this many have been created since the last sweep. */
const SWEEP_EVERY = 1_000;

/** Counters in this process's memory: exact for one process, per replica when there are several. */
export function createMemoryStore(now: () => number = Date.now): CounterStore {
  const counters = new Map<string, { value: number; expiresAt: number }>();
  let created = 0;
  const valueOf = (key: string, t: number) => {
    const counter = counters.get(key);
    return counter && counter.expiresAt > t ? counter.value : 0;
  };
  const addTo = (counter: Counter, amount: number, t: number) => {
    const existing = counters.get(counter.key);
    if (existing && existing.expiresAt > t) existing.value += amount;
    else {
      counters.set(counter.key, { value: amount, expiresAt: t + counter.ttlMs });
      if (++created >= SWEEP_EVERY) {
        created = 0;
        for (const [key, c] of counters) if (c.expiresAt <= t) counters.delete(key);
      }
    }
  };
  return {
    async admit(checks) {
      const t = now();
      const refused = checks.findIndex((check) => {
        const value = valueOf(check.key, t);
        return value >= check.limit || value + check.cost > check.limit;
      });
      if (refused >= 0) return refused;
      for (const check of checks) if (check.cost > 0) addTo(check, check.cost, t);
      return -1;
    },
    async add(list, amount) {
      const t = now();
      for (const counter of list) addTo(counter, amount, t);
    },
    async close() {
      counters.clear();
    },
  };
}
