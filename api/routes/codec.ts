import type { Payload, PayloadCodec } from '@temporalio/common';
import cors from 'cors';
import express, { type Express, type Request, type RequestHandler } from 'express';
import { z } from 'zod';
import type { Logger } from '../../lib/logger';
import { authenticate, principalOf, requirePermission, type AuthDeps } from '../auth';
import { errorHandler, notFoundHandler } from '../error-handler';
import { securityHeaders } from '../security';

export interface CodecEndpointDeps {
  codec: PayloadCodec;
  /** Browser origins of the Temporal Web UI allowed to call it (exact matches). */
  uiOrigins: readonly string[];
  /** Staff tokens with orders:operate required (the operators who use the Web UI); undefined lets anyone in (config CODEC_ENDPOINT_AUTH=none, development only). */
  auth: AuthDeps | undefined;
  logger: Logger;
}

const base64 = z.string().max(4_000_000).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64');
// Temporal's remote codec protocol: payloads in proto3 JSON, whose bytes fields are base64.
const body = z.object({
  payloads: z
    .array(z.object({ metadata: z.record(z.string(), base64).nullish(), data: base64.nullish() }))
    .max(10_000),
});
type JsonPayload = z.infer<typeof body>['payloads'][number];

const fromJson = (p: JsonPayload): Payload => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, new Uint8Array(Buffer.from(v, 'base64'))])),
  data: new Uint8Array(Buffer.from(p.data ?? '', 'base64')),
});
const toJson = (p: Payload) => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')])),
  data: Buffer.from(p.data ?? new Uint8Array()).toString('base64'),
});

/**
 * The remote codec endpoint of the Temporal Web UI and CLI (`--ui-codec-endpoint <api>/codec`):
 * POST /codec/decode and /codec/encode with `{payloads:[...]}`, so an operator reads encrypted
 * workflow inputs and results in the UI. Its own app, mounted at /codec before the api's: the UI is a
 * different origin with its own CORS needs (`X-Namespace`), and a history page sends more than the
 * api's 100 kB body limit. Every decode is logged with who asked, since it reveals customers' data.
 */
export function codecEndpoint(deps: CodecEndpointDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders());
  const allowed = new Set(deps.uiOrigins);
  app.use(
    cors({
      origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
      allowedHeaders: ['Authorization', 'Content-Type', 'X-Namespace'],
      methods: ['POST', 'OPTIONS'],
      // The UI may be configured to send its session cookie (codec.includeCredentials).
      credentials: true,
      maxAge: 600,
    }),
  );
  app.use(express.json({ limit: '8mb' }));
  // orders:operate, not orders:read:any: a decoded history is every customer's address and card token at once.
  const guard: RequestHandler[] = deps.auth ? [authenticate(deps.auth), requirePermission('orders:operate')] : [];
  const who = (req: Request) => (deps.auth ? principalOf(req).id : 'anyone (CODEC_ENDPOINT_AUTH=none)');

  const route = (operation: 'decode' | 'encode') =>
    app.post(`/${operation}`, ...guard, async (req, res) => {
      const { payloads } = body.parse(req.body);
      const out = await deps.codec[operation](payloads.map(fromJson));
      res.set('Cache-Control', 'no-store');
      deps.logger.info({ operation, payloads: payloads.length, namespace: req.get('x-namespace'), by: who(req) }, `codec endpoint: ${operation}`);
      res.json({ payloads: out.map(toJson) });
    });
  route('decode');
  route('encode');

  app.use(notFoundHandler);
  app.use(errorHandler(deps.logger));
  return app;
}
