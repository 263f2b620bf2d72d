import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const COMMAND_TIMEOUT_MS = 60_000;

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Variables that would let the developer's own setup leak into the commands under test. */
export const isolatedEnv = (): NodeJS.ProcessEnv =>
  Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(MIZAN_|PORT$|DATABASE_URL$|NODE_TEST_CONTEXT$|NODE_OPTIONS$)/.test(name),
    ),
  );

/** Starts `mizan ARGS` from the repository root, as a user would after `npm ci`. */
export const startCli = (
  args: string[],
  env: NodeJS.ProcessEnv,
  stdin: 'ignore' | 'pipe' = 'ignore',
): ChildProcess =>
  spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: REPO_ROOT,
    env,
    stdio: [stdin, 'pipe', 'pipe'],
  });

/** Runs `mizan ARGS` to completion, feeding `input` on standard input when given. */
export const runCli = (args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<CliRun> =>
  new Promise((resolve, reject) => {
    const child = startCli(args, env, input === undefined ? 'ignore' : 'pipe');
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`mizan ${args.join(' ')} did not finish: ${stdout}${stderr}`));
    }, COMMAND_TIMEOUT_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    if (input !== undefined) child.stdin!.end(input);
  });

export interface ServeRun {
  child: ChildProcess;
  /** The address `mizan serve` listens on, once it says so; rejects if it exits or stays silent first. */
  listening: Promise<string>;
  exited: Promise<number | null>;
  /** Everything it wrote so far, both streams. */
  output(): string;
}

/** Watches a started `mizan serve` until it listens, keeping its output for the assertions that follow. */
export function watchServe(child: ChildProcess): ServeRun {
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const listening = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${output}`)), COMMAND_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      for (const line of output.split('\n')) {
        if (!line.includes('Mizan is listening')) continue;
        clearTimeout(timer);
        resolve((JSON.parse(line) as { address: string }).address);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => reject(new Error(`serve exited with ${code}: ${output}`)));
  });
  return { child, listening, exited, output: () => output };
}
