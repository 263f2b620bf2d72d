/** Where a benchmark ran, for the header of its report: the machine and the exact code measured. */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

export function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} CPUs, ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${os.platform()} ${os.release()}`;
}

/** The commit, and whether the measured paths differ from it: a result must name the code it measured. */
export function revision(...paths: string[]): string {
  try {
    const git = (...args: string[]) =>
      execFileSync('git', args, {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
    const head = git('rev-parse', '--short', 'HEAD');
    const dirty = git('status', '--porcelain', '--', ...paths) !== '';
    return dirty ? `${head} with uncommitted changes in ${paths.join(', ')}` : head;
  } catch {
    return 'unknown revision (not a git checkout)';
  }
}
