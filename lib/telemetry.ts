import { getNodeAutoInstrumentations } from '@opentelemetry/auto-instrumentations-node';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { BatchSpanProcessor, ConsoleSpanExporter, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { Config } from './config';

let sdk: NodeSDK | undefined;

/**
 * Starts the OpenTelemetry SDK. Call it first thing in an entry point, before the modules it
 * instruments (http, express, grpc, pg, ioredis) are loaded. Exporting is off unless configured.
 */
export function startTelemetry(role: string, config: Pick<Config, 'OTEL_TRACES_EXPORTER' | 'OTEL_EXPORTER_OTLP_ENDPOINT' | 'OTEL_SERVICE_NAME'>): void {
  if (sdk) return;
  const spanProcessors: SpanProcessor[] = [];
  if (config.OTEL_TRACES_EXPORTER === 'console') spanProcessors.push(new BatchSpanProcessor(new ConsoleSpanExporter()));
  if (config.OTEL_TRACES_EXPORTER === 'otlp') {
    spanProcessors.push(new BatchSpanProcessor(new OTLPTraceExporter({ url: `${config.OTEL_EXPORTER_OTLP_ENDPOINT}/v1/traces` })));
  }
  sdk = new NodeSDK({
    serviceName: `${config.OTEL_SERVICE_NAME}-${role}`,
    spanProcessors,
    // Explicitly empty: otherwise the SDK reads OTEL_* defaults and tries to export logs over OTLP.
    logRecordProcessors: [],
    instrumentations: [
      getNodeAutoInstrumentations({
        '@opentelemetry/instrumentation-fs': { enabled: false },
        '@opentelemetry/instrumentation-dns': { enabled: false },
        '@opentelemetry/instrumentation-net': { enabled: false },
      }),
    ],
  });
  sdk.start();
}

/** Flushes and stops the SDK (a no-op when it was never started). */
export async function stopTelemetry(): Promise<void> {
  await sdk?.shutdown();
  sdk = undefined;
}
