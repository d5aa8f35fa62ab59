import { randomUUID } from 'node:crypto';
import { callUnary, startGrpcServer, type RunningGrpcServer } from '../../lib/grpc';
import { createPrisma, type PrismaClient } from '../../lib/prisma';
import type { CreateShipmentRequest } from '../../proto/generated/checkout/delivery/v1/CreateShipmentRequest';
import type { Shipment__Output } from '../../proto/generated/checkout/delivery/v1/Shipment';
import { closeDomainClients, createDomainClients, type DomainClients } from '../../proto/services';
import { deliveryRegistration } from '../../services/delivery/delivery.grpc';
import { freePort } from '../support/platform';
import { rejection } from '../support/rejection';
import { serviceDeps } from '../support/service-deps';
import { testConfig } from '../support/test-config';

/**
 * The carrier sandbox's CreateShipment (every fulfilment's first call): one shipment per shipment id,
 * the idempotency key's first answer replayed, success or rejection, and the shipment read back as
 * it was answered.
 */
describe('carrier sandbox CreateShipment (real PostgreSQL over gRPC)', () => {
  let prisma: PrismaClient;
  let server: RunningGrpcServer;
  let clients: DomainClients;
  const shipmentIds: string[] = [];

  beforeAll(async () => {
    prisma = createPrisma(testConfig().DATABASE_URL);
    const port = await freePort();
    clients = createDomainClients(`127.0.0.1:${port}`);
    server = await startGrpcServer('127.0.0.1', port, [deliveryRegistration(serviceDeps({ prisma, clients }))]);
  });
  afterAll(async () => {
    if (prisma && shipmentIds.length > 0) await prisma.deliveryShipment.deleteMany({ where: { id: { in: shipmentIds } } });
    if (clients) closeDomainClients(clients);
    await server?.stop();
    await prisma?.$disconnect();
  });

  const newShipmentId = () => {
    const id = `test-shipment-${randomUUID()}`;
    shipmentIds.push(id);
    return id;
  };
  const createShipment = (req: Partial<CreateShipmentRequest> & { shipmentId: string }): Promise<Shipment__Output> =>
    callUnary<CreateShipmentRequest, Shipment__Output>(clients.delivery.createShipment.bind(clients.delivery), {
      orderId: `order-${req.shipmentId}`,
      postalCode: '150-0001',
      idempotencyKey: `fulfilment-${req.shipmentId}:create-shipment`,
      ...req,
    });
  const getShipment = (shipmentId: string): Promise<Shipment__Output> =>
    callUnary(clients.delivery.getShipment.bind(clients.delivery), { shipmentId, trackingNumber: '' });
  const scan = (trackingNumber: string, status: string, occurredAt: string) =>
    callUnary<object, Shipment__Output>(clients.delivery.recordTrackingEvent.bind(clients.delivery), {
      eventId: `carrier-evt-${randomUUID()}`,
      trackingNumber,
      status,
      occurredAt,
      detail: `${status} scan`,
    });

  it('creates a LABEL_CREATED shipment with a 12-digit tracking number, answered as a read shows it', async () => {
    const shipmentId = newShipmentId();
    const shipment = await createShipment({ shipmentId, orderId: 'order-a', postalCode: '530-0001' });
    expect(shipment).toEqual({ shipmentId, orderId: 'order-a', trackingNumber: expect.stringMatching(/^[1-9]\d{11}$/), postalCode: '530-0001', status: 'LABEL_CREATED', events: [] });
    expect(await getShipment(shipmentId)).toEqual(shipment);
    expect(await prisma.deliveryShipment.findUniqueOrThrow({ where: { id: shipmentId } })).toMatchObject({ orderId: 'order-a', trackingNumber: shipment.trackingNumber, status: 'LABEL_CREATED' });
  });

  it("replays the key's first answer: the same key for another shipment id answers the first shipment and creates nothing", async () => {
    const shipmentId = newShipmentId();
    const key = `fulfilment-${shipmentId}:create-shipment`;
    const first = await createShipment({ shipmentId, idempotencyKey: key });
    const otherId = newShipmentId();
    expect(await createShipment({ shipmentId: otherId, orderId: 'order-other', idempotencyKey: key })).toEqual(first);
    expect(await prisma.deliveryShipment.findUnique({ where: { id: otherId } })).toBeNull();
    // Even once the parcel moved, the key answers what it answered first (a reset of the fulfilment sees the same shipment).
    await scan(first.trackingNumber, 'DISPATCHED', '2030-01-15T01:00:00.000Z');
    expect(await createShipment({ shipmentId, idempotencyKey: key })).toEqual(first);
    expect(await prisma.deliveryShipment.count({ where: { id: { in: [shipmentId, otherId] } } })).toBe(1);
  });

  it('answers a repeated shipment id under another key with the existing shipment and its scans, oldest first', async () => {
    const shipmentId = newShipmentId();
    const first = await createShipment({ shipmentId });
    await scan(first.trackingNumber, 'OUT_FOR_DELIVERY', '2030-01-15T03:00:00.123Z');
    await scan(first.trackingNumber, 'DISPATCHED', '2030-01-15T01:00:00.000Z');
    const again = await createShipment({ shipmentId, idempotencyKey: `${shipmentId}:again` });
    expect(again).toEqual({
      ...first,
      status: 'OUT_FOR_DELIVERY',
      events: [
        { eventId: expect.any(String), status: 'DISPATCHED', occurredAt: '2030-01-15T01:00:00.000Z', detail: 'DISPATCHED scan' },
        { eventId: expect.any(String), status: 'OUT_FOR_DELIVERY', occurredAt: '2030-01-15T03:00:00.123Z', detail: 'OUT_FOR_DELIVERY scan' },
      ],
    });
    expect(again).toEqual(await getShipment(shipmentId));
  });

  it("refuses another order's shipment id with CONFLICT, and replays that rejection for its key", async () => {
    const shipmentId = newShipmentId();
    const first = await createShipment({ shipmentId, orderId: 'order-1' });
    const key = `${shipmentId}:intruder`;
    expect(await rejection(createShipment({ shipmentId, orderId: 'order-2', idempotencyKey: key }))).toMatchObject({ code: 'CONFLICT', details: { shipmentId } });
    // The key's answer is the rejection, whatever the retry asks.
    expect(await rejection(createShipment({ shipmentId, orderId: 'order-1', idempotencyKey: key }))).toMatchObject({ code: 'CONFLICT' });
    expect(await getShipment(shipmentId)).toEqual(first);
  });

  it('rejects a request without shipment id, order id or postal code, and replays the rejection for its key', async () => {
    const shipmentId = newShipmentId();
    const key = `${shipmentId}:invalid`;
    expect(await rejection(createShipment({ shipmentId, postalCode: '', idempotencyKey: key }))).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'postalCode' } });
    expect(await rejection(createShipment({ shipmentId, idempotencyKey: key }))).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await prisma.deliveryShipment.findUnique({ where: { id: shipmentId } })).toBeNull();
    expect(await rejection(createShipment({ shipmentId: '', orderId: 'order-x', idempotencyKey: `${shipmentId}:no-id` }))).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'shipmentId' } });
  });

  it('creates one shipment when calls for one shipment id under different keys arrive at once, all answered with it', async () => {
    const shipmentId = newShipmentId();
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => createShipment({ shipmentId, idempotencyKey: `${shipmentId}:concurrent-${i}` })));
    expect(new Set(answers.map((a) => a.trackingNumber)).size).toBe(1);
    expect(answers.every((a) => a.status === 'LABEL_CREATED' && a.orderId === `order-${shipmentId}`)).toBe(true);
    expect(await prisma.deliveryShipment.count({ where: { id: shipmentId } })).toBe(1);
  });
});
