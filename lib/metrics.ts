import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export type RequestKind = 'http' | 'grpc' | 'activity' | 'event';

/** The metrics of one process: Node defaults plus one request-duration histogram, labelled by role. */
export interface Metrics {
  readonly registry: Registry;
  readonly requestDuration: Histogram<'kind' | 'operation' | 'outcome'>;
  /** Times `fn` and records it under kind/operation with outcome ok or error. */
  time<T>(kind: RequestKind, operation: string, fn: () => Promise<T>): Promise<T>;
}

export function createMetrics(role: string): Metrics {
  const registry = new Registry();
  registry.setDefaultLabels({ role });
  collectDefaultMetrics({ register: registry });
  const requestDuration = new Histogram({
    name: 'request_duration_seconds',
    help: 'Duration of requests handled by this process: HTTP routes, gRPC methods, activities, events',
    labelNames: ['kind', 'operation', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  return {
    registry,
    requestDuration,
    async time(kind, operation, fn) {
      const end = requestDuration.startTimer({ kind, operation });
      try {
        const result = await fn();
        end({ outcome: 'ok' });
        return result;
      } catch (err) {
        end({ outcome: 'error' });
        throw err;
      }
    },
  };
}

/** Serves GET /metrics for processes without an HTTP server of their own. Resolves once listening. */
export async function startMetricsServer(
  metrics: Metrics,
  port: number,
  host = '127.0.0.1',
): Promise<{ port: number; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/metrics') {
      metrics.registry.metrics().then(
        (body) => {
          res.writeHead(200, { 'content-type': metrics.registry.contentType });
          res.end(body);
        },
        () => {
          res.writeHead(500).end();
        },
      );
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { code: 'NOT_FOUND', message: 'Only GET /metrics is served here' } }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
