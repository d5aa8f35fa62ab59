import { TraceFlags, type SpanContext } from '@opentelemetry/api';
import { getNodeAutoInstrumentations } from '@opentelemetry/auto-instrumentations-node';
import { ExpressLayerType } from '@opentelemetry/instrumentation-express';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes, type Resource } from '@opentelemetry/resources';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { BatchSpanProcessor, ConsoleSpanExporter, type ReadableSpan, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import {
  makeWorkflowExporter,
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
  OpenTelemetryWorkflowClientInterceptor,
} from '@temporalio/interceptors-opentelemetry';
import type { Config } from './config';

let sdk: NodeSDK | undefined;
/** The started SDK's span processors and resource: workflow spans (sent out of the sandbox by a sink) go to the same ones. */
let exportTo: { processors: SpanProcessor[]; resource: Resource } | undefined;

export type TelemetryConfig = Pick<Config, 'OTEL_TRACES_EXPORTER' | 'OTEL_EXPORTER_OTLP_ENDPOINT' | 'OTEL_SERVICE_NAME'>;

/**
 * Whether traces leave the process. Everything that builds spans (the SDK with its auto-instrumentations,
 * the Temporal client, workflow and activity interceptors) is installed only then: with nothing to
 * export, spans are pure cost (+22-33 % per workflow measured on B0 with the interceptors and no exporter).
 */
export function tracesExported(config: Pick<Config, 'OTEL_TRACES_EXPORTER'>): boolean {
  return config.OTEL_TRACES_EXPORTER !== 'none';
}

/**
 * Starts the OpenTelemetry SDK when traces are exported (tracesExported); otherwise nothing is
 * instrumented and log lines carry no trace ids. Call it first thing in an entry point, before the
 * modules it instruments (http, express, grpc, pg, ioredis, kafkajs) are loaded.
 */
export function startTelemetry(role: string, config: TelemetryConfig): void {
  if (sdk || !tracesExported(config)) return;
  const spanProcessors: SpanProcessor[] = [];
  if (config.OTEL_TRACES_EXPORTER === 'console') spanProcessors.push(new BatchSpanProcessor(new ConsoleSpanExporter()));
  if (config.OTEL_TRACES_EXPORTER === 'otlp') {
    spanProcessors.push(new BatchSpanProcessor(new OTLPTraceExporter({ url: `${config.OTEL_EXPORTER_OTLP_ENDPOINT}/v1/traces` })));
  }
  const serviceName = `${config.OTEL_SERVICE_NAME}-${role}`;
  exportTo = { processors: spanProcessors, resource: resourceFromAttributes({ 'service.name': serviceName }) };
  sdk = new NodeSDK({
    serviceName,
    spanProcessors,
    // Explicitly empty: otherwise the SDK reads OTEL_* defaults and tries to export logs over OTLP.
    logRecordProcessors: [],
    instrumentations: [
      getNodeAutoInstrumentations({
        '@opentelemetry/instrumentation-fs': { enabled: false },
        '@opentelemetry/instrumentation-dns': { enabled: false },
        '@opentelemetry/instrumentation-net': { enabled: false },
        // One span per middleware and router (≈40 per request) buries the request's own work; with
        // express 5 they come from both the express and the router instrumentations.
        '@opentelemetry/instrumentation-express': { ignoreLayersType: [ExpressLayerType.MIDDLEWARE, ExpressLayerType.ROUTER] },
        '@opentelemetry/instrumentation-router': { enabled: false },
        // lib/logger.ts adds trace_id/span_id itself (a pino mixin), which also works where no
        // require hook runs (jest); the instrumentation would write the same keys a second time.
        '@opentelemetry/instrumentation-pino': { enabled: false },
      }),
    ],
  });
  sdk.start();
}

/** Flushes and stops the SDK (a no-op when it was never started). */
export async function stopTelemetry(): Promise<void> {
  await sdk?.shutdown();
  sdk = undefined;
  exportTo = undefined;
}

/**
 * A span in the shape the OpenTelemetry SDK 1.x gives it (`parentSpanId`, `instrumentationLibrary`),
 * which is what @temporalio/interceptors-opentelemetry 1.24 builds inside the workflow sandbox.
 */
type V1Span = ReadableSpan & { parentSpanId?: string; instrumentationLibrary?: ReadableSpan['instrumentationScope'] };

/**
 * The same span as SDK 2.x reads it: its exporters take the parent from `parentSpanContext` and the
 * scope from `instrumentationScope`, so without this a workflow span is exported as a root span
 * (the trace breaks at the workflow) under an unnamed scope.
 */
export function asV2Span(span: V1Span): ReadableSpan {
  const parentSpanContext: SpanContext | undefined =
    span.parentSpanContext ??
    (span.parentSpanId ? { traceId: span.spanContext().traceId, spanId: span.parentSpanId, traceFlags: TraceFlags.SAMPLED } : undefined);
  const instrumentationScope = span.instrumentationScope ?? span.instrumentationLibrary ?? { name: '@temporalio/interceptors-opentelemetry' };
  // Keep the object (spanContext() is a method on it); only add the fields SDK 2 reads.
  return Object.assign(span, { parentSpanContext, instrumentationScope });
}

/** Hands workflow spans, converted to SDK 2's shape, to the started SDK's processors (dropped when none). */
const workflowSpanProcessor: SpanProcessor = {
  onStart: () => undefined,
  onEnd: (span) => {
    for (const processor of exportTo?.processors ?? []) processor.onEnd(asV2Span(span as V1Span));
  },
  forceFlush: async () => {
    await Promise.all((exportTo?.processors ?? []).map((p) => p.forceFlush()));
  },
  shutdown: async () => undefined,
};

/**
 * The worker's sinks for the workflow interceptors: a workflow cannot do I/O, so its spans leave the
 * sandbox through this sink and are exported by the process's SDK like any other span.
 */
export function workflowTracingSinks() {
  // The interceptors package is typed against SDK 1.x's Resource/SpanProcessor; at run time it only
  // calls onEnd and passes the resource through, which workflowSpanProcessor handles.
  const resource = exportTo?.resource ?? resourceFromAttributes({});
  return { exporter: makeWorkflowExporter(workflowSpanProcessor as never, resource as never) };
}

/** Workflow interceptor module (bundled into the workflow sandbox): RunWorkflow/StartActivity spans from the headers. */
export const WORKFLOW_TRACING_MODULE = require.resolve('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors');

/** Activity interceptors: each activity runs in a RunActivity span, child of the workflow's StartActivity span. */
export const activityTracingInterceptor = (ctx: ConstructorParameters<typeof OpenTelemetryActivityInboundInterceptor>[0]) => ({
  inbound: new OpenTelemetryActivityInboundInterceptor(ctx),
  outbound: new OpenTelemetryActivityOutboundInterceptor(ctx),
});

/** Client interceptor: StartWorkflow (and signal, update, query) spans whose context travels in the workflow's headers. */
export function workflowClientTracingInterceptor(): OpenTelemetryWorkflowClientInterceptor {
  return new OpenTelemetryWorkflowClientInterceptor();
}

/** A Temporal client's workflow interceptors: the tracing one only when traces are exported. */
export function workflowClientInterceptors(config: Pick<Config, 'OTEL_TRACES_EXPORTER'>): OpenTelemetryWorkflowClientInterceptor[] {
  return tracesExported(config) ? [workflowClientTracingInterceptor()] : [];
}

/**
 * What a worker needs for tracing: the workflow interceptor module to build into its bundle (it is part
 * of the bundle's cache key), the activity interceptor and the sink that carries workflow spans out of
 * the sandbox. None of them when traces are not exported. The workflow interceptors add no commands,
 * so a workflow started under one setting replays under the other.
 */
export function workerTracing(config: Pick<Config, 'OTEL_TRACES_EXPORTER'>): {
  workflowInterceptorModules: string[];
  activityInterceptors: (typeof activityTracingInterceptor)[];
  sinks: ReturnType<typeof workflowTracingSinks> | undefined;
} {
  if (!tracesExported(config)) return { workflowInterceptorModules: [], activityInterceptors: [], sinks: undefined };
  return { workflowInterceptorModules: [WORKFLOW_TRACING_MODULE], activityInterceptors: [activityTracingInterceptor], sinks: workflowTracingSinks() };
}
