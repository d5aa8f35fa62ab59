import { SpanKind, TraceFlags } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { asV2Span } from './telemetry';

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
