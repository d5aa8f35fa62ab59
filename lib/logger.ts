import { isSpanContextValid, trace } from '@opentelemetry/api';
import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * Keys whose values are secrets wherever they appear in a logged object: credentials, session and
 * one-time tokens, card tokens, webhook signatures. Matched by exact key name (headers are lower case).
 */
export const SECRET_KEYS = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'password',
  'currentPassword',
  'newPassword',
  'passwordHash',
  'token',
  'accessToken',
  'refreshToken',
  'resetToken',
  'verificationToken',
  'idToken',
  'cardToken',
  'x-payments-signature',
  'x-carrier-signature',
  'signature',
  'secret',
  'jwtSecret',
  'webhookSecret',
  'clientSecret',
  'apiKey',
  'x-api-key',
] as const;

/** How deep below the logged object a secret key is still found (pino's redact paths have no `**`). */
const REDACT_DEPTH = 6;

/** The pino redact paths: every secret key at the top level and under up to REDACT_DEPTH wildcards. */
export function redactPaths(keys: readonly string[] = SECRET_KEYS, depth = REDACT_DEPTH): string[] {
  const paths: string[] = [];
  for (const key of keys) {
    const leaf = /^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`;
    for (let level = 0; level <= depth; level++) {
      const prefix = '*.'.repeat(level);
      paths.push(leaf.startsWith('[') ? (level === 0 ? leaf : `${prefix.slice(0, -1)}${leaf}`) : `${prefix}${leaf}`);
    }
  }
  return paths;
}

export const REDACTED = '[REDACTED]';

const SECRET_QUERY = /([?&](?:token|access_token|refresh_token|code|signature|password|key)=)[^&#]*/gi;

/** A URL with the values of secret-looking query parameters replaced, for request logs. */
export function redactUrl(url: string): string {
  return url.replace(SECRET_QUERY, `$1${REDACTED}`);
}

/**
 * The ids of the span active where a line is logged (none outside a traced operation), so a log
 * line leads to its trace and a trace to its log lines. Read from the OpenTelemetry context, which
 * the SDK's instrumentations (http, grpc, kafkajs) and Temporal's interceptors keep per request.
 */
export function traceFields(): { trace_id?: string; span_id?: string } {
  const spanContext = trace.getActiveSpan()?.spanContext();
  if (!spanContext || !isSpanContextValid(spanContext)) return {};
  return { trace_id: spanContext.traceId, span_id: spanContext.spanId };
}

/**
 * A JSON logger tagged with the process role (api, services, temporal-worker, …). Secrets are
 * redacted (see SECRET_KEYS) before a line is written; a line written inside a traced operation
 * carries its `trace_id` and `span_id`; `destination` lets tests capture the output.
 */
export function createLogger(role: string, level = 'info', destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { role, pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: redactPaths(), censor: REDACTED },
    mixin: traceFields,
  };
  return destination ? pino(options, destination) : pino(options);
}
