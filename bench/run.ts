/**
 * `npm run bench -- <name> [options]`: runs one benchmark. Each is a module exporting `run(args)`, loaded only
 * when asked for, so a new benchmark is one more entry in the map.
 */
import { killChildren, stopChildren } from './processes.js';

interface Benchmark {
  run(args: string[]): Promise<void>;
}

const benchmarks: Record<string, () => Promise<Benchmark>> = {
  assurance: () => import('./assurance.js'),
  audit: () => import('./audit.js'),
  gateway: () => import('./gateway.js'),
  guard: () => import('./guard.js'),
  lang: () => import('./lang.js'),
  pii: () => import('./pii.js'),
  retrieval: () => import('./retrieval.js'),
  scale: () => import('./scale.js'),
};

const [name, ...args] = process.argv.slice(2);
const load = name === undefined ? undefined : benchmarks[name];
if (!load) {
  console.error(`usage: npm run bench -- <${Object.keys(benchmarks).join('|')}> [options]`);
  process.exit(2);
}

// Children must not outlive us: stop them on Ctrl-C, and kill whatever is left when we exit for any reason.
process.once('exit', killChildren);
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const) {
  process.once(signal, () => void stopChildren().finally(() => process.exit(code)));
}

try {
  await (await load()).run(args);
} catch (error) {
  console.error(error);
  process.exitCode = 1;
}
