import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Latency buckets in seconds, fine below 10 ms where the gateway's own overhead lives. */
const LATENCY_BUCKETS = [
  0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60,
];

export interface Metrics {
  registry: Registry;
  observeRequest(route: string, method: string, status: number, seconds: number): void;
  observeStage(stage: string, seconds: number): void;
  observeUpstream(provider: string, model: string, outcome: string, seconds: number): void;
  countError(code: string): void;
  countRetry(provider: string): void;
  /** Chat requests by the detected language of the user's message (`und` included). */
  countLanguage(language: string): void;
  /** A guard decision other than allow, once per reason: what is kept of a blocked request. */
  countGuard(check: 'input' | 'output' | 'passage', decision: string, reason: string): void;
  /** One group commit of audit records: how many, how long, and whether to the database or the local spool. */
  observeAuditBatch(records: number, seconds: number, where: 'database' | 'spool'): void;
}

/** One registry per platform instance, so tests can run several instances in one process. */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'mizan_process_' });
  const requests = new Counter({
    name: 'mizan_http_requests_total',
    help: 'HTTP requests by route, method and status.',
    labelNames: ['route', 'method', 'status'],
    registers: [registry],
  });
  const requestSeconds = new Histogram({
    name: 'mizan_http_request_duration_seconds',
    help: 'HTTP request latency by route (for streams: until the last byte).',
    labelNames: ['route', 'method'],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const stageSeconds = new Histogram({
    name: 'mizan_pipeline_stage_duration_seconds',
    help: 'Time spent in each pipeline stage.',
    labelNames: ['stage'],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const upstreamSeconds = new Histogram({
    name: 'mizan_upstream_duration_seconds',
    help: 'Model server latency per attempt: to the full answer, or to the first part of a stream.',
    labelNames: ['provider', 'model', 'outcome'],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const errorsTotal = new Counter({
    name: 'mizan_errors_total',
    help: 'Errors returned to clients, by machine-readable code.',
    labelNames: ['code'],
    registers: [registry],
  });
  const retries = new Counter({
    name: 'mizan_upstream_retries_total',
    help: 'Retries of model-server requests.',
    labelNames: ['provider'],
    registers: [registry],
  });

  const languages = new Counter({
    name: 'mizan_chat_requests_by_language_total',
    help: "Chat requests by the detected language of the user's latest message.",
    labelNames: ['language'],
    registers: [registry],
  });

  const guardDecisions = new Counter({
    name: 'mizan_guard_decisions_total',
    help: 'Guard decisions other than allow, by check (input, output, passage), decision and reason.',
    labelNames: ['check', 'decision', 'reason'],
    registers: [registry],
  });

  const auditRecords = new Counter({
    name: 'mizan_audit_records_total',
    help: 'Audit records made durable, in the database or (while it is unreachable) in the local spool.',
    labelNames: ['where'],
    registers: [registry],
  });
  const auditBatchSeconds = new Histogram({
    name: 'mizan_audit_batch_duration_seconds',
    help: 'Time to make one group commit of audit records durable.',
    labelNames: ['where'],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });

  return {
    registry,
    observeRequest(route, method, status, seconds) {
      requests.inc({ route, method, status: String(status) });
      requestSeconds.observe({ route, method }, seconds);
    },
    observeStage: (stage, seconds) => stageSeconds.observe({ stage }, seconds),
    observeUpstream: (provider, model, outcome, seconds) =>
      upstreamSeconds.observe({ provider, model, outcome }, seconds),
    countError: (code) => errorsTotal.inc({ code }),
    countRetry: (provider) => retries.inc({ provider }),
    countLanguage: (language) => languages.inc({ language }),
    countGuard: (check, decision, reason) => guardDecisions.inc({ check, decision, reason }),
    observeAuditBatch(records, seconds, where) {
      auditRecords.inc({ where }, records);
      auditBatchSeconds.observe({ where }, seconds);
    },
  };
}
