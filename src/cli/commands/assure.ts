import { existsSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { PackSummary } from '../../assurance/pack.js';
import type { AssuranceReport } from '../../assurance/types.js';
import { errors } from '../../errors.js';
import type { AssuranceRun } from '../../store/assurance-store.js';
import { withOversightClient, type OversightClient, type OversightOptions } from '../oversight-client.js';
import { printRows, UsageError } from '../output.js';

const USAGE = `usage:
  mizan assure packs
  mizan assure run PACK --app APP_ID --model MODEL [--concurrency N] [--seed N] [--html FILE] [--json]
  mizan assure resume RUN_ID [--pack PATH] [--concurrency N] [--html FILE] [--json]
  mizan assure show RUN_ID
  mizan assure list [--app APP_ID]
  mizan assure report RUN_ID [--html]
PACK is a shipped pack's id or the path of a pack file; a run resumes with the seed it was started with.
run and resume exit with 0 when the report passed, 3 when it failed, 1 on error.`;

/** The exit status of `assure run` and `assure resume` when the run finished with a failing report. */
const REPORT_FAILED_EXIT_CODE = 3;
/** The shell's convention for a command stopped by Ctrl-C. */
const INTERRUPTED_EXIT_CODE = 130;
const POLL_MS = 500;
/** A run not yet seen running is given this long to start before it counts as stopped. */
const START_GRACE_MS = 5_000;
const BAR_WIDTH = 20;

/** A command-line token, as `parseArgs({ tokens: true })` gives them. */
export interface ArgToken {
  kind: 'option' | 'positional' | 'option-terminator';
  index: number;
  name?: string;
  value?: string | undefined;
}

export interface AssureArgs {
  /** The whole line: `--html` is a flag of `report` but takes a file with `run` and `resume`. */
  tokens: ArgToken[];
  values: Record<string, string | string[] | boolean | undefined>;
}

/** A run as GET /assurance/runs/{id} answers it: dates as ISO strings, with its progress. */
type RunWire = Omit<AssuranceRun, 'startedAt' | 'finishedAt'> & {
  startedAt: string;
  finishedAt: string | null;
};
type RunProgress = RunWire & { done: number; running: boolean };

const path = (...segments: string[]) => segments.map((s) => `/${encodeURIComponent(s)}`).join('');
const printJson = (value: unknown) => console.log(JSON.stringify(value, null, 2));

/** What `loadPack` reads as a shipped pack's id; anything else is a file, sent as an absolute path. */
const PACK_ID = /^[a-z0-9][a-z0-9-]*$/;
const packArgument = (pack: string) => (PACK_ID.test(pack) ? pack : resolve(pack));

/** The command line read before the platform is reached, so that bad usage fails fast with status 2. */
function reader(args: AssureArgs, htmlTakesFile: boolean) {
  const fail = (): never => {
    throw new UsageError(USAGE);
  };
  const htmlAt = args.tokens.findIndex((t) => t.kind === 'option' && t.name === 'html');
  const htmlToken = htmlTakesFile && htmlAt >= 0 ? args.tokens[htmlAt + 1] : undefined;
  if (htmlTakesFile && htmlAt >= 0 && htmlToken?.kind !== 'positional') {
    throw new UsageError('--html takes the file to write the report to');
  }
  // Command and action are the first two positionals; the HTML file is not one of the command's.
  const positionals = args.tokens
    .filter((t) => t.kind === 'positional' && t !== htmlToken)
    .slice(2)
    .map((t) => t.value ?? '');
  const optional = (name: string): string | undefined => {
    const value = args.values[name];
    return typeof value === 'string' && value.trim() !== '' ? value : undefined;
  };
  return {
    positional: (index: number): string => positionals[index] ?? fail(),
    /** No positional beyond those the action takes: a stray one is a mistake, e.g. a file after a flag. */
    noMoreThan: (count: number): void => {
      if (positionals.length > count) fail();
    },
    required: (name: string): string => optional(name) ?? fail(),
    optional,
    flag: (name: string): boolean => args.values[name] === true,
    number: (name: string): number | undefined => {
      const value = optional(name);
      if (value === undefined) return undefined;
      if (!/^\d+$/.test(value)) throw new UsageError(`--${name} takes a whole number`);
      return Number(value);
    },
    htmlFile: (): string | undefined => {
      if (htmlToken?.value === undefined) return undefined;
      const file = resolve(htmlToken.value);
      // Checked now rather than after a run of many minutes.
      if (!existsSync(dirname(file))) throw new UsageError(`--html: no folder ${dirname(file)}`);
      return file;
    },
  };
}

type Reader = ReturnType<typeof reader>;

/** Runs `mizan assure ACTION …`: assurance packs and runs, through the `/v1/oversight/assurance` API. */
export async function assure(
  action: string | undefined,
  args: AssureArgs,
  options: OversightOptions,
): Promise<void> {
  const read = reader(args, action === 'run' || action === 'resume');
  const work = actionFor(action, read, options.json);
  if (!work) throw new UsageError(USAGE);
  await withOversightClient(options, work);
}

function actionFor(
  action: string | undefined,
  read: Reader,
  json: boolean,
): ((client: OversightClient) => Promise<void>) | undefined {
  switch (action) {
    case 'packs':
      read.noMoreThan(0);
      return async (client) => {
        const { data } = await client.request<{ data: PackSummary[] }>('GET', '/assurance/packs');
        printRows(
          json
            ? data.map((p) => ({ ...p }))
            : data.map((p) => ({ id: p.id, version: p.version, title: p.title, recipes: p.recipes })),
          json,
        );
      };
    case 'run': {
      const pack = packArgument(read.positional(0));
      read.noMoreThan(1);
      const concurrency = read.number('concurrency');
      const seed = read.number('seed');
      const body = {
        pack,
        application: read.required('app'),
        model: read.required('model'),
        ...(concurrency === undefined ? {} : { concurrency }),
        ...(seed === undefined ? {} : { seed }),
      };
      const html = read.htmlFile();
      return (client) =>
        whileFollowing(async (interrupted) => {
          const run = await client.request<RunWire>('POST', '/assurance/runs', body);
          console.error(`run ${run.id}: pack ${run.packId} v${run.packVersion} on ${run.modelId}`);
          await followToTheEnd(client, run.id, interrupted, { json, html });
        });
    }
    case 'resume': {
      const id = read.positional(0);
      read.noMoreThan(1);
      const pack = read.optional('pack');
      const concurrency = read.number('concurrency');
      const body = {
        ...(pack === undefined ? {} : { pack: packArgument(pack) }),
        ...(concurrency === undefined ? {} : { concurrency }),
      };
      const html = read.htmlFile();
      return (client) =>
        whileFollowing(async (interrupted) => {
          await client.request<RunWire>('POST', `${path('assurance', 'runs', id)}/resume`, body);
          console.error(`run ${id}: resumed`);
          await followToTheEnd(client, id, interrupted, { json, html });
        });
    }
    case 'show': {
      const id = read.positional(0);
      read.noMoreThan(1);
      return async (client) => {
        const run = await client.request<RunProgress>('GET', path('assurance', 'runs', id));
        if (json) return printJson(run);
        const fields: Array<[string, string]> = [
          ['run', run.id],
          ['application', run.applicationId],
          ['pack', `${run.packId} v${run.packVersion}`],
          ['model', run.modelId],
          ['status', run.status],
          ['progress', `${run.done}/${run.totalCases} cases`],
          ['grade', run.grade === null ? '-' : `${run.grade} (${run.passed ? 'passed' : 'failed'})`],
          ['started', `${run.startedAt} by ${run.startedBy}`],
          ['finished', run.finishedAt ?? '-'],
        ];
        for (const [name, value] of fields) console.log(`${name}: ${value}`);
      };
    }
    case 'list': {
      read.noMoreThan(0);
      const application = read.optional('app');
      const query = application === undefined ? '' : `?${new URLSearchParams({ application })}`;
      return async (client) => {
        const { data } = await client.request<{ data: RunWire[] }>('GET', `/assurance/runs${query}`);
        printRows(
          json
            ? data.map((r) => ({ ...r }))
            : data.map((r) => ({
                id: r.id,
                applicationId: r.applicationId,
                pack: `${r.packId} v${r.packVersion}`,
                model: r.modelId,
                status: r.status,
                cases: r.totalCases,
                grade: r.grade,
                passed: r.passed,
                startedAt: r.startedAt,
              })),
          json,
        );
      };
    }
    case 'report': {
      const id = read.positional(0);
      read.noMoreThan(1);
      const html = read.flag('html');
      return async (client) => {
        const report = await client.request<AssuranceReport | string>(
          'GET',
          `${path('assurance', 'runs', id, 'report')}${html ? '?format=html' : ''}`,
        );
        if (typeof report === 'string') process.stdout.write(report);
        else printJson(report);
      };
    }
    default:
      return undefined;
  }
}

/** `[#####-----] 120/480 cases`. */
function progressLine(done: number, total: number): string {
  const filled = total === 0 ? BAR_WIDTH : Math.min(BAR_WIDTH, Math.floor((done / total) * BAR_WIDTH));
  return `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${done}/${total} cases`;
}

/** Redrawn in place on a terminal; in a log (not a terminal), one line at each further tenth. */
function progressBar(stream: NodeJS.WriteStream) {
  const terminal = stream.isTTY === true;
  let drawn = false;
  let tenth = -1;
  return {
    draw(done: number, total: number) {
      if (terminal) {
        stream.write(`\r${progressLine(done, total)}`);
        drawn = true;
        return;
      }
      const reached = total === 0 ? 10 : Math.floor((done * 10) / total);
      if (reached <= tenth) return;
      tenth = reached;
      stream.write(`${progressLine(done, total)}\n`);
    },
    /** Ends the line being redrawn, so that what follows starts on a line of its own. */
    end() {
      if (drawn) stream.write('\n');
      drawn = false;
    },
  };
}

/**
 * Ctrl-C, from before the run is started until it is followed to its end, stops the following rather than the
 * process. When the run lives in this process (the CLI's own platform), leaving the action then closes the
 * platform, which stops the run and marks it interrupted: it stays resumable.
 */
async function whileFollowing(follow: (interrupted: AbortSignal) => Promise<void>): Promise<void> {
  const interrupted = new AbortController();
  const onInterrupt = () => interrupted.abort();
  // Once only: a second Ctrl-C falls back to Node's default and ends the process at once.
  process.once('SIGINT', onInterrupt);
  try {
    await follow(interrupted.signal);
  } finally {
    process.off('SIGINT', onInterrupt);
  }
}

/** Polls the run until it is finished, then prints its summary and writes its HTML report. */
async function followToTheEnd(
  client: OversightClient,
  id: string,
  interrupted: AbortSignal,
  output: { json: boolean; html: string | undefined },
): Promise<void> {
  const bar = progressBar(process.stderr);
  const since = Date.now();
  let seenRunning = false;
  for (;;) {
    const run = await client.request<RunProgress>('GET', path('assurance', 'runs', id));
    bar.draw(run.done, run.totalCases);
    if (run.status === 'finished') break;
    seenRunning ||= run.running;
    const stopped =
      run.status === 'interrupted' || (!run.running && (seenRunning || Date.now() - since > START_GRACE_MS));
    if (stopped) {
      bar.end();
      throw errors.internal(
        'assurance_run_stopped',
        `run ${id} stopped at ${run.done}/${run.totalCases} cases without finishing (its log says why); ` +
          `its results are kept: mizan assure resume ${id}`,
      );
    }
    if (interrupted.aborted) {
      bar.end();
      console.error(
        `interrupted: run ${id} keeps its ${run.done}/${run.totalCases} results; go on with\n` +
          `  mizan assure resume ${id}\n` +
          `(a run started through a running server goes on there: mizan assure show ${id})`,
      );
      process.exitCode = INTERRUPTED_EXIT_CODE;
      return;
    }
    await sleep(POLL_MS, undefined, { signal: interrupted }).catch(() => undefined);
  }
  bar.end();
  const report = await client.request<AssuranceReport>('GET', path('assurance', 'runs', id, 'report'));
  if (output.html !== undefined) {
    const page = await client.request<string>(
      'GET',
      `${path('assurance', 'runs', id, 'report')}?format=html`,
    );
    writeFileSync(output.html, page);
    console.error(`report written to ${output.html}`);
  }
  if (output.json) printJson(report);
  else printSummary(report);
  if (!report.passed) process.exitCode = REPORT_FAILED_EXIT_CODE;
}

function printSummary(report: AssuranceReport): void {
  console.log(
    `${report.pack.id} v${report.pack.version} on ${report.model.id}` +
      `${report.application ? ` for ${report.application.name} (${report.application.id})` : ''}: ` +
      `grade ${report.grade}, ${report.passed ? 'PASSED' : 'FAILED'} (passing grade ${report.passingGrade})`,
  );
  printRows(
    report.recipes.map((r) => ({
      grade: r.grade,
      recipe: r.id,
      metric: r.metric,
      value: Number(r.value.toFixed(4)),
      cases: r.cases,
      errors: r.errors,
    })),
    false,
  );
}
