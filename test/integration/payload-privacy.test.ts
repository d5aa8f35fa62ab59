import { Client } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { codecEndpoint } from '../../api/routes/codec';
import { createLogger } from '../../lib/logger';
import { AesGcmPayloadCodec } from '../../lib/payload-codec';
import { checkoutWorkflowId } from '../../workflows/checkout.contract';
import { createDeliverySlot, createProduct, customerToken } from '../support/fixtures';
import { startPlatform, type RunningPlatform } from '../support/platform';
import { recordHistory } from '../support/record-history';
import { testConfig } from '../support/test-config';

interface JsonPayload {
  metadata?: Record<string, string>;
  data?: string;
}

/** Every `payloads` array of a history in proto3 JSON (inputs, results, activity arguments, queries' and updates' payloads). */
function payloadsOf(node: unknown, found: JsonPayload[] = []): JsonPayload[] {
  if (Array.isArray(node)) for (const item of node) payloadsOf(item, found);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'payloads' && Array.isArray(value)) found.push(...(value as JsonPayload[]));
      else payloadsOf(value, found);
    }
  }
  return found;
}

const decodedText = (payloads: JsonPayload[]) => payloads.map((p) => Buffer.from(p.data ?? '', 'base64').toString('utf8')).join('\n');

/**
 * What a checkout leaves in Temporal is unreadable without the keys: one card checkout on the real
 * stack (api, worker, PostgreSQL, Redis, Kafka, the Temporal dev server), its history read back raw,
 * as anyone with access to the Temporal server or its database would see it; then the same payloads
 * decoded through the codec endpoint the Web UI calls, as an operator sees them.
 */
describe('private payloads (real Temporal: encrypted histories, decoded by the codec endpoint)', () => {
  let platform: RunningPlatform;
  let codecServer: Server;
  let codecUrl = '';
  const uiOrigin = 'http://127.0.0.1:8233';

  beforeAll(async () => {
    platform = await startPlatform(testConfig());
    const app = express();
    app.use('/codec', codecEndpoint({ codec: new AesGcmPayloadCodec(platform.config.PAYLOAD_KEYRING), uiOrigins: [uiOrigin], auth: { jwtSecret: platform.config.JWT_SECRET, redis: platform.redis }, logger: createLogger('codec', 'warn') }));
    codecServer = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    codecUrl = `http://127.0.0.1:${(codecServer.address() as AddressInfo).port}/codec`;
  });
  afterAll(async () => {
    await new Promise((resolve) => codecServer?.close(resolve));
    await platform?.stop();
  });

  it('keeps the address, email and card token out of the raw history, and the codec endpoint shows them to an operator', async () => {
    const sku = await createProduct(platform, { priceMinor: 1200, stock: 5 });
    const slot = await createDeliverySlot(platform, 5);
    const customer = customerToken(platform);
    const cardToken = 'tok_visa';
    const line1 = `7-8-9 Privacy-${customer.customerId.slice(-8)}`;
    const res = await fetch(`${platform.api}/v1/checkouts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${customer.token}`, Prefer: 'wait=30' },
      body: JSON.stringify({
        lines: [{ sku, quantity: 1 }],
        address: { name: 'Hanako Yamada', postalCode: slot.postalCode, prefecture: 'Tokyo', city: 'Shibuya', line1 },
        payment: { type: 'card', cardToken },
        deliverySlotId: slot.slotId,
      }),
    });
    const order = (await res.json()) as { orderId: string; state: string };
    expect(order.state).toBe('COMPLETED');

    // No data converter: the bytes as the Temporal server stores and serves them.
    const raw = new Client({ connection: platform.temporal.connection, namespace: platform.config.TEMPORAL_NAMESPACE });
    const handle = raw.workflow.getHandle(checkoutWorkflowId(order.orderId));
    const history = JSON.parse(historyToJSON(await handle.fetchHistory())) as unknown;
    const payloads = payloadsOf(history);
    expect(payloads.length).toBeGreaterThan(5);
    const rawText = `${JSON.stringify(history)}\n${decodedText(payloads)}`;
    for (const secret of [line1, 'Hanako Yamada', customer.email, cardToken]) expect(rawText).not.toContain(secret);
    // Only the SDK's own marker data (written by Temporal's core, beneath the data converter) stays plain:
    // a patch marker's id, and a local activity's id, type, attempt and times. A local activity's
    // result is a payload of its own, encrypted like any other.
    const PATCH_MARKER = ['deprecated', 'id'];
    const LOCAL_ACTIVITY_MARKER = ['activity_id', 'activity_type', 'attempt', 'backoff', 'complete_time', 'original_schedule_time', 'seq'];
    const unencrypted = payloads.filter((p) => Buffer.from(p.metadata?.encoding ?? '', 'base64').toString('utf8') !== 'binary/encrypted');
    for (const p of unencrypted) expect([PATCH_MARKER, LOCAL_ACTIVITY_MARKER]).toContainEqual(Object.keys(JSON.parse(Buffer.from(p.data ?? '', 'base64').toString('utf8')) as object).sort());
    expect(unencrypted.length).toBeLessThan(payloads.length / 2);
    await recordHistory('checkout-card-completed-encrypted', handle);

    const operator = customerToken(platform, `op-${customer.customerId}`, 'operator');
    const decode = (headers: Record<string, string>) =>
      fetch(`${codecUrl}/decode`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-namespace': platform.config.TEMPORAL_NAMESPACE, origin: uiOrigin, ...headers }, body: JSON.stringify({ payloads }) });
    const decoded = await decode({ authorization: `Bearer ${operator.token}` });
    expect(decoded.status).toBe(200);
    expect(decoded.headers.get('access-control-allow-origin')).toBe(uiOrigin);
    const plain = ((await decoded.json()) as { payloads: JsonPayload[] }).payloads;
    expect(plain).toHaveLength(payloads.length);
    const shown = decodedText(plain);
    for (const secret of [line1, 'Hanako Yamada', customer.email, cardToken]) expect(shown).toContain(secret);

    // Staff only: a customer, or no token, sees nothing.
    expect((await decode({ authorization: `Bearer ${customer.token}` })).status).toBe(403);
    expect((await decode({})).status).toBe(401);

    // The Web UI's preflight from its origin is allowed, with the headers it sends; another origin is not.
    const preflight = (origin: string) =>
      fetch(`${codecUrl}/decode`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-namespace,authorization' } });
    const allowed = await preflight(uiOrigin);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(uiOrigin);
    expect(allowed.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('x-namespace');
    expect((await preflight('http://evil.example')).headers.get('access-control-allow-origin')).toBeNull();

    // encode, as the UI does before sending a signal: the result decodes back through the platform's codec.
    const encoded = await fetch(`${codecUrl}/encode`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${operator.token}` },
      body: JSON.stringify({ payloads: [{ metadata: { encoding: Buffer.from('json/plain').toString('base64') }, data: Buffer.from('"hello"').toString('base64') }] }),
    });
    const [sealed] = ((await encoded.json()) as { payloads: JsonPayload[] }).payloads;
    expect(Buffer.from(sealed?.metadata?.encoding ?? '', 'base64').toString()).toBe('binary/encrypted');
    const [opened] = await new AesGcmPayloadCodec(platform.config.PAYLOAD_KEYRING).decode([{ metadata: { encoding: Buffer.from(sealed?.metadata?.encoding ?? '', 'base64'), 'encryption-key-id': Buffer.from(sealed?.metadata?.['encryption-key-id'] ?? '', 'base64') }, data: Buffer.from(sealed?.data ?? '', 'base64') }]);
    expect(Buffer.from(opened?.data ?? []).toString()).toBe('"hello"');
  }, 90_000);
});
