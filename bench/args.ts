/** Reading a benchmark's command-line options: `--flag`, `--name value`, `--name positive-number`. */
/** What every benchmark that compares with peers accepts. */
export interface PeerBenchOptions {
  runs: number;
  /** `--no-peers`: Mizan alone. */
  peers: boolean;
  /** `--no-pin`: do not pin the measured process to one core. */
  pin: boolean;
  /** `--out FILE`: where the markdown report goes. */
  out: string;
}

export interface BenchArgs {
  flag(name: string): boolean;
  value(name: string): string | undefined;
  positive(name: string, fallback: number): number;
}

export function benchArgs(args: readonly string[]): BenchArgs {
  const value = (name: string): string | undefined => {
    const i = args.indexOf(name);
    if (i < 0) return undefined;
    const v = args[i + 1];
    if (v === undefined || v.startsWith('--')) throw new Error(`${name} needs a value`);
    return v;
  };
  return {
    flag: (name) => args.includes(name),
    value,
    positive(name, fallback) {
      const v = value(name);
      if (v === undefined) return fallback;
      const n = Number(v);
      if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} needs a positive number`);
      return n;
    },
  };
}
