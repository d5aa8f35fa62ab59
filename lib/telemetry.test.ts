import { context, createContextKey, ROOT_CONTEXT, SpanKind, TraceFlags } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { asV2Span, startTelemetry, stopTelemetry, WORKFLOW_TRACING_MODULE, workerTracing, workflowClientInterceptors } from './telemetry';

describe('tracing only when traces are exported (spans nobody exports cost +22-33 % per workflow)', () => {
  afterEach(() => stopTelemetry());

  // Without an exporter the SDK registered no tracer provider already, but it still installed its
  // context manager and instrumentations, which wrap every request, gRPC call and query.
  it('starts no SDK without an exporter: no context manager (nor instrumentations) installed', () => {
    startTelemetry('unit', { OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318', OTEL_SERVICE_NAME: 'checkout-platform' });
    const key = createContextKey('probe');
    expect(context.with(ROOT_CONTEXT.setValue(key, 1), () => context.active().getValue(key))).toBeUndefined();
  });

  it('gives a worker no interceptors, module or sink without an exporter', () => {
    expect(workerTracing({ OTEL_TRACES_EXPORTER: 'none' })).toEqual({ workflowInterceptorModules: [], activityInterceptors: [], sinks: undefined });
    expect(workflowClientInterceptors({ OTEL_TRACES_EXPORTER: 'none' })).toEqual([]);
  });

  it('gives a worker the workflow module, activity interceptor and sink, and a client its interceptor, with an exporter', () => {
    const tracing = workerTracing({ OTEL_TRACES_EXPORTER: 'otlp' });
    expect(tracing.workflowInterceptorModules).toEqual([WORKFLOW_TRACING_MODULE]);
    expect(tracing.activityInterceptors).toHaveLength(1);
    expect(tracing.sinks?.exporter).toBeDefined();
    expect(workflowClientInterceptors({ OTEL_TRACES_EXPORTER: 'console' })).toHaveLength(1);
  });
});

describe('asV2Span (workflow spans built by the Temporal interceptors in SDK 1.x shape)', () => {
  const traceId = '0af7651916cd43dd8448eb211c80319c';
  const v1Span = () =>
    ({
      name: 'RunWorkflow:checkoutWorkflow',
      kind: SpanKind.INTERNAL,
      spanContext: () => ({ traceId, spanId: 'b7ad6b7169203331', traceFlags: TraceFlags.SAMPLED }),
      parentSpanId: '00f067aa0ba902b7',
      instrumentationLibrary: { name: '@temporalio/interceptors-opentelemetry', version: '1.24.0' },
    }) as unknown as ReadableSpan;

  it('gives the span the parent SDK 2 exporters read, so a workflow span is not exported as a root', () => {
    const span = asV2Span(v1Span());
    expect(span.parentSpanContext).toEqual({ traceId, spanId: '00f067aa0ba902b7', traceFlags: TraceFlags.SAMPLED });
    expect(span.instrumentationScope).toEqual({ name: '@temporalio/interceptors-opentelemetry', version: '1.24.0' });
    expect(span.spanContext().spanId).toBe('b7ad6b7169203331');
  });

  it('leaves a root span without a parent', () => {
    const root = Object.assign(v1Span(), { parentSpanId: undefined });
    expect(asV2Span(root).parentSpanContext).toBeUndefined();
  });
});
