/** The gateway benchmark's results as markdown: for the console and for bench/RESULTS.md. */
import { BASELINE, MIZAN, PORTKEY } from './targets.js';

export interface Plan {
  rates: number[];
  /** Alternating rounds over the targets; each cell reports the median of its rounds. */
  rounds: number;
  warmUpMs: number;
  measureMs: number;
  peakConcurrency: number;
  peakWarmUpMs: number;
  peakMs: number;
}

export interface Environment {
  date: string;
  command: string;
  cpus: number;
  cpuModel: string;
  node: string;
  mizan: string;
  portkey: string;
}

/** Milliseconds from the planned send time, each the median over the rounds. */
export interface CellSummary {
  target: string;
  rate: number;
  achievedRate: number;
  p50: number;
  p99: number;
  max: number;
  firstByteP50: number;
  firstByteP99: number;
  /** Summed over the rounds. */
  errors: number;
  failures: Record<string, number>;
  /** How late the load generator sent, at p99: latency includes it, for every target alike. */
  sendLagP99: number;
  /** CPU taken by other processes on the machine while the cell was measured, as a share of one core. */
  backgroundShare: number;
}

export interface PeakSummary {
  target: string;
  rate: number;
  errors: number;
  /** CPU time of the target's process over the window, as a share of one core. */
  cpuShare: number;
}

export interface ModeSummary {
  mode: string;
  stream: boolean;
  cells: CellSummary[];
  peaks: PeakSummary[];
  /** Mizan's time per pipeline stage, from its `server-timing` header. */
  stages: StageTime[];
  /** CPU taken by other processes on the machine during the mode's runs, as a share of one core. */
  backgroundShare: number;
}

export interface StageTime {
  stage: string;
  meanMs: number;
  p50Ms: number;
  p99Ms: number;
}

export interface MemorySummary {
  target: string;
  idleMiB: number;
  afterMiB: number;
  peakMiB: number;
}

const TARGET_RATE = 500;
const TARGET_ADDED_P50_MS = 0.5;
const TARGET_ADDED_P99_MS = 5;
/** Achieving less than this share of the offered rate marks a cell as past capacity. */
const OVERLOAD_SHARE = 0.97;
/** Portkey waits this long before relaying a stream's first chunk, by design. */
const PORTKEY_FIRST_CHUNK_DELAY_MS = 25;

export function renderReport(report: {
  environment: Environment;
  plan: Plan;
  modes: ModeSummary[];
  memory: MemorySummary[];
}): string {
  const { environment: env, plan } = report;
  const seconds = (ms: number): string => `${ms / 1000} s`;
  const sections = [
    '# Gateway benchmark results',
    [
      `- Date: ${env.date}`,
      `- Command: \`${env.command}\``,
      `- Machine: ${env.cpus} CPUs (nproc), ${env.cpuModel}`,
      `- Node: ${env.node}; Mizan ${env.mizan}; Portkey gateway ${env.portkey}`,
      '- Placement: the gateway under test on core 0; the test upstream and the load generator on core 1',
      `- Open loop: ${plan.rates.join(', ')} req/s, ${seconds(plan.warmUpMs)} warm-up then ${seconds(plan.measureMs)} ` +
        `measured per cell, ${plan.rounds} alternating round(s) (${BASELINE}, ${MIZAN}, ${PORTKEY}), median of the rounds`,
      `- Other load on the machine (other processes, hypervisor steal) during the runs: ` +
        `${report.modes.map((mode) => `${mode.mode} ${percent(mode.backgroundShare)}`).join(', ')} of a core ` +
        '(more than a few per cent makes the numbers noisy)',
      `- Load generator's own lag (p99 of send time after planned time, worst cell): ` +
        report.modes
          .map((mode) => `${mode.mode} ${ms(Math.max(...mode.cells.map((cell) => cell.sendLagP99)))}`)
          .join(', '),
      `- Peak: closed loop, ${plan.peakConcurrency} requests in flight, ${seconds(plan.peakWarmUpMs)} warm-up then ` +
        `${seconds(plan.peakMs)} measured`,
    ].join('\n'),
    '## Against the targets (stated, not asserted)',
    report.modes.map(targetLines).join('\n'),
    ...report.modes.flatMap((mode) => [
      `## ${capitalise(mode.mode)}`,
      latencyTable(mode),
      ...notesUnder(mode),
      `### Peak throughput, ${plan.peakConcurrency} in flight, gateway on one core`,
      peakTable(mode),
      ...(mode.stream
        ? [
            `${PORTKEY} holds each stream ${PORTKEY_FIRST_CHUNK_DELAY_MS} ms before its first chunk, so ` +
              `${plan.peakConcurrency} in flight cap it near ${Math.round((plan.peakConcurrency * 1000) / PORTKEY_FIRST_CHUNK_DELAY_MS)} req/s ` +
              'whatever its CPU; the CPU column says whether a gateway was the bottleneck.',
          ]
        : []),
      `### ${MIZAN}'s time per stage (server-timing, all measured open-loop requests)`,
      stageTable(mode),
    ]),
    '## Memory (VmRSS of each process)',
    memoryTable(report.memory),
    `The ${BASELINE} row is the test upstream's process. Idle is after start-up, before any load.`,
  ];
  return `${sections.join('\n\n')}\n`;
}

function targetLines(mode: ModeSummary): string {
  const at = (target: string) =>
    mode.cells.find((cell) => cell.rate === TARGET_RATE && cell.target === target);
  const [baseline, mizan, portkey] = [at(BASELINE), at(MIZAN), at(PORTKEY)];
  const lines: string[] = [];
  if (baseline && mizan && portkey) {
    // For streams the user waits for the first byte; for completions, for the whole answer.
    const [p50, p99, what] = mode.stream
      ? (['firstByteP50', 'firstByteP99', 'time to first byte'] as const)
      : (['p50', 'p99', 'latency'] as const);
    const added = (cell: CellSummary, figure: typeof p50 | typeof p99) => cell[figure] - baseline[figure];
    lines.push(
      `- ${mode.mode}, ${TARGET_RATE} req/s, ${what}: ${MIZAN} adds ${ms(added(mizan, p50))} at p50 ` +
        `(target ≤ ${TARGET_ADDED_P50_MS} ms: ${verdict(added(mizan, p50) <= TARGET_ADDED_P50_MS)}) and ` +
        `${ms(added(mizan, p99))} at p99 (target ≤ ${TARGET_ADDED_P99_MS} ms: ` +
        `${verdict(added(mizan, p99) <= TARGET_ADDED_P99_MS)}); ${PORTKEY} adds ${ms(added(portkey, p50))} and ` +
        `${ms(added(portkey, p99))}`,
    );
  }
  const peakOf = (target: string) => mode.peaks.find((peak) => peak.target === target)?.rate ?? Number.NaN;
  const ratio = peakOf(MIZAN) / peakOf(PORTKEY);
  lines.push(
    `- ${mode.mode}, peak on one core: ${MIZAN} ${Math.round(peakOf(MIZAN))} req/s, ${PORTKEY} ` +
      `${Math.round(peakOf(PORTKEY))} req/s, ratio ${MIZAN}/${PORTKEY} ${ratio.toFixed(2)} ` +
      `(target above 1: ${verdict(ratio > 1)})`,
  );
  return lines.join('\n');
}

type Figure = 'p50' | 'p99' | 'max' | 'firstByteP50' | 'firstByteP99';

interface LatencyRow {
  cell: CellSummary;
  baseline: CellSummary | undefined;
}

function latencyTable(mode: ModeSummary): string {
  const value = (figure: Figure, label: string): Column<LatencyRow> => ({
    header: `${label} (ms)`,
    value: ({ cell }) => cell[figure].toFixed(2),
  });
  const added = (figure: Figure, label: string): Column<LatencyRow> => ({
    header: `Added ${label} (ms)`,
    value: ({ cell, baseline }) =>
      baseline && cell !== baseline ? signed(cell[figure] - baseline[figure]) : '—',
  });
  const rows = mode.cells.map((cell) => ({
    cell,
    baseline: mode.cells.find((other) => other.rate === cell.rate && other.target === BASELINE),
  }));
  return table<LatencyRow>(
    [
      { header: 'Rate (req/s)', value: ({ cell }) => String(cell.rate) },
      { header: 'Target', value: ({ cell }) => cell.target, left: true },
      {
        header: 'Achieved (req/s)',
        value: ({ cell }) => `${cell.achievedRate.toFixed(0)}${overloaded(cell) ? '*' : ''}`,
      },
      ...(mode.stream
        ? [
            value('firstByteP50', 'TTFB p50'),
            value('firstByteP99', 'TTFB p99'),
            added('firstByteP50', 'TTFB p50'),
            added('firstByteP99', 'TTFB p99'),
            value('p50', 'TTLB p50'),
            value('p99', 'TTLB p99'),
            value('max', 'TTLB max'),
            added('p50', 'TTLB p50'),
            added('p99', 'TTLB p99'),
          ]
        : [
            value('p50', 'p50'),
            value('p99', 'p99'),
            value('max', 'max'),
            added('p50', 'p50'),
            added('p99', 'p99'),
          ]),
      { header: 'Errors', value: ({ cell }) => String(cell.errors) },
      { header: 'Other load', value: ({ cell }) => percent(cell.backgroundShare) },
    ],
    rows,
  );
}

/** Answers falling behind the offered rate: the target is past its capacity and its latency is queueing. */
const overloaded = (cell: CellSummary): boolean => cell.achievedRate < cell.rate * OVERLOAD_SHARE;

function notesUnder(mode: ModeSummary): string[] {
  const notes: string[] = [];
  if (mode.cells.some(overloaded)) {
    notes.push(
      '\\* Below the offered rate: past its capacity, so its latency is mostly time spent queueing.',
    );
  }
  const failed = mode.cells.filter((cell) => cell.errors > 0);
  if (failed.length === 0) return notes;
  return [
    ...notes,
    failed
      .map((cell) => {
        const kinds = Object.entries(cell.failures).map(([failure, count]) => `${count} × ${failure}`);
        return `- Errors, ${cell.target} at ${cell.rate} req/s: ${kinds.join(', ')}`;
      })
      .join('\n'),
  ];
}

function peakTable(mode: ModeSummary): string {
  return table<PeakSummary>(
    [
      { header: 'Target', value: (peak) => peak.target, left: true },
      { header: 'Peak (req/s)', value: (peak) => peak.rate.toFixed(0) },
      { header: 'CPU of its process (share of a core)', value: (peak) => percent(peak.cpuShare) },
      { header: 'Errors', value: (peak) => String(peak.errors) },
    ],
    mode.peaks,
  );
}

function stageTable(mode: ModeSummary): string {
  const generate = mode.stream ? 'until the first part of the stream' : 'the whole upstream round trip';
  const figure = (header: string, pick: (row: StageTime) => number): Column<StageTime> => ({
    header: `${header} (ms)`,
    value: (row) => pick(row).toFixed(3),
  });
  return [
    table<StageTime>(
      [
        { header: 'Stage', value: (row) => row.stage, left: true },
        figure('Mean', (row) => row.meanMs),
        figure('p50', (row) => row.p50Ms),
        figure('p99', (row) => row.p99Ms),
      ],
      mode.stages,
    ),
    `Sum of the means: ${mode.stages.reduce((sum, stage) => sum + stage.meanMs, 0).toFixed(3)} ms. ` +
      `\`generate\` includes ${generate}; a stage's time also counts any stall of the event loop while it waits.`,
  ].join('\n\n');
}

function memoryTable(memory: MemorySummary[]): string {
  return table<MemorySummary>(
    [
      { header: 'Target', value: (row) => row.target, left: true },
      { header: 'RSS idle (MiB)', value: (row) => row.idleMiB.toFixed(0) },
      { header: 'RSS after the runs (MiB)', value: (row) => row.afterMiB.toFixed(0) },
      { header: 'Peak RSS, VmHWM (MiB)', value: (row) => row.peakMiB.toFixed(0) },
    ],
    memory,
  );
}

interface Column<Row> {
  header: string;
  value: (row: Row) => string;
  /** Text is left-aligned; numbers, the default, right-aligned. */
  left?: boolean;
}

/** A markdown table padded so that it also reads well as plain text. */
function table<Row>(columns: Column<Row>[], rows: Row[]): string {
  const cells = rows.map((row) => columns.map((column) => column.value(row)));
  const widths = columns.map((column, index) =>
    Math.max(column.header.length, 3, ...cells.map((row) => row[index]!.length)),
  );
  const line = (values: string[]): string =>
    `| ${values
      .map((text, index) =>
        columns[index]!.left ? text.padEnd(widths[index]!) : text.padStart(widths[index]!),
      )
      .join(' | ')} |`;
  const rule = `| ${widths
    .map((width, index) => (columns[index]!.left ? '-'.repeat(width) : `${'-'.repeat(width - 1)}:`))
    .join(' | ')} |`;
  return [line(columns.map((column) => column.header)), rule, ...cells.map(line)].join('\n');
}

export const ms = (value: number): string => `${value.toFixed(2)} ms`;
export const percent = (share: number): string => `${(share * 100).toFixed(0)}%`;
const signed = (value: number): string => `${value >= 0 ? '+' : ''}${value.toFixed(2)}`;
const verdict = (met: boolean): string => (met ? 'met' : 'missed');
const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
