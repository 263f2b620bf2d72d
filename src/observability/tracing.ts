import { AsyncLocalStorage } from 'node:async_hooks';
import {
  INVALID_SPAN_CONTEXT,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  defaultTextMapGetter,
  defaultTextMapSetter,
  trace,
  type Attributes,
  type Context,
  type Span,
} from '@opentelemetry/api';
import { ExportResultCode, W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  BatchSpanProcessor,
  ParentBasedSampler,
  TraceIdRatioBasedSampler,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-base';
import { ATTR_ERROR_TYPE, ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import type { MizanConfig } from '../config/schema.js';
import { isMizanError } from '../errors.js';
import type { Logger } from './logger.js';

export { SpanKind, SpanStatusCode, type Attributes, type Span };

export interface SpanOptions {
  kind?: SpanKind;
  attributes?: Attributes;
}

/**
 * OpenTelemetry traces, made explicitly (no auto-instrumentation): the HTTP server, the pipeline and the model
 * providers open their own spans here. Attributes name routes, stages, models and decisions, never what a person
 * wrote or who they are (Law 09-08): callers pass only such values.
 *
 * Each platform has its own tracer and its own active-span storage, so nothing global is registered and several
 * platforms can run in one process (the tests do).
 */
export interface Tracing {
  readonly enabled: boolean;
  /** Runs `work` in a new span, child of the active one, ended when `work` settles; a failure marks it an error. */
  inSpan<T>(name: string, options: SpanOptions, work: (span: Span) => Promise<T> | T): Promise<T>;
  /**
   * Starts the span of an incoming request, continuing the caller's trace when its headers carry a W3C
   * `traceparent`; the caller ends it and runs the request's work in it with `withSpan`.
   */
  startServerSpan(name: string, headers: Record<string, unknown>, attributes: Attributes): Span;
  withSpan<T>(span: Span, work: () => T): T;
  /** Adds attributes to the active span, if any. */
  annotate(attributes: Attributes): void;
  /** The W3C trace-context headers (`traceparent`, `tracestate`) of the active span, for an outgoing request. */
  propagationHeaders(): Record<string, string>;
  /** Sends the spans ended so far. */
  flush(): Promise<void>;
  /** Sends the remaining spans and stops. */
  close(): Promise<void>;
}

/** One non-recording span stands for every span when tracing is off, so that nothing is allocated per request. */
const NON_RECORDING_SPAN = trace.wrapSpanContext(INVALID_SPAN_CONTEXT);

/** Tracing off: every call runs its work and records nothing. */
export const disabledTracing: Tracing = {
  enabled: false,
  inSpan: async (_name, _options, work) => work(NON_RECORDING_SPAN),
  startServerSpan: () => NON_RECORDING_SPAN,
  withSpan: (_span, work) => work(),
  annotate: () => {},
  propagationHeaders: () => ({}),
  flush: async () => {},
  close: async () => {},
};

/** What a failure is called on a span: its machine-readable code, never its message (which may quote a request). */
export const errorType = (error: unknown): string => (isMizanError(error) ? error.code : 'internal_error');

/** Marks a span failed with a code only: no message and no recorded exception, which could carry content. */
export function markFailed(span: Span, code: string): void {
  span.setAttribute(ATTR_ERROR_TYPE, code);
  span.setStatus({ code: SpanStatusCode.ERROR });
}

export function createTracing(config: MizanConfig['tracing'], logger: Logger): Tracing {
  if (!config.enabled || config.otlp_endpoint === undefined) return disabledTracing;
  const exporter = new OTLPTraceExporter({ url: config.otlp_endpoint, headers: config.headers });
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: config.service_name }),
    // A request that continues a caller's trace follows the caller's sampling decision.
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(config.sample_ratio) }),
    spanProcessors: [new BatchSpanProcessor(loggingFailures(exporter, logger))],
  });
  const tracer = provider.getTracer('mizan');
  const propagator = new W3CTraceContextPropagator();
  const active = new AsyncLocalStorage<Context>();
  const activeContext = () => active.getStore() ?? ROOT_CONTEXT;
  const activeSpan = () => trace.getSpan(activeContext());

  return {
    enabled: true,
    inSpan(name, options, work) {
      const span = tracer.startSpan(name, options, activeContext());
      return active.run(trace.setSpan(activeContext(), span), async () => {
        try {
          return await work(span);
        } catch (error) {
          markFailed(span, errorType(error));
          throw error;
        } finally {
          span.end();
        }
      });
    },
    startServerSpan(name, headers, attributes) {
      const parent = propagator.extract(ROOT_CONTEXT, headers, defaultTextMapGetter);
      return tracer.startSpan(name, { kind: SpanKind.SERVER, attributes }, parent);
    },
    withSpan: (span, work) => active.run(trace.setSpan(ROOT_CONTEXT, span), work),
    annotate(attributes) {
      activeSpan()?.setAttributes(attributes);
    },
    propagationHeaders() {
      const headers: Record<string, string> = {};
      propagator.inject(activeContext(), headers, defaultTextMapSetter);
      return headers;
    },
    flush: () => provider.forceFlush(),
    close: () => provider.shutdown(),
  };
}

/** The exporter, with its failures logged: OpenTelemetry would otherwise drop them silently. */
function loggingFailures(exporter: SpanExporter, logger: Logger): SpanExporter {
  return {
    export(spans, done) {
      exporter.export(spans, (result) => {
        if (result.code !== ExportResultCode.SUCCESS) {
          logger.warn(
            { spans: spans.length, err: result.error },
            'traces could not be sent to the collector',
          );
        }
        done(result);
      });
    },
    shutdown: () => exporter.shutdown(),
    forceFlush: async () => exporter.forceFlush?.(),
  };
}
