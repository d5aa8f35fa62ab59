import * as grpc from '@grpc/grpc-js';
import { DomainError } from './errors';
import { callUnary, startGrpcServer, unary, type CallContext, type RunningGrpcServer } from './grpc';
import { createLogger } from './logger';
import { createMetrics } from './metrics';

// A one-method service with JSON messages, so the test needs no .proto file.
const json = {
  // Like protobuf, refuses a field of the wrong type before anything is sent.
  requestSerialize: (v: unknown) => {
    if (typeof (v as { sku?: unknown }).sku !== 'string') throw new TypeError('sku: string expected');
    return Buffer.from(JSON.stringify(v));
  },
  requestDeserialize: (b: Buffer) => JSON.parse(b.toString()) as unknown,
  responseSerialize: (v: unknown) => Buffer.from(JSON.stringify(v)),
  responseDeserialize: (b: Buffer) => JSON.parse(b.toString()) as unknown,
};
const definition: grpc.ServiceDefinition = {
  Echo: { path: '/test.Echo/Echo', requestStream: false, responseStream: false, ...json },
};

describe('gRPC errors across the wire', () => {
  let server: RunningGrpcServer;
  let client: grpc.Client & { Echo: grpc.MethodDefinition<unknown, unknown> & ((...args: unknown[]) => grpc.ClientUnaryCall) };
  const handler = jest.fn<Promise<unknown>, [{ sku: string }, CallContext]>();

  beforeAll(async () => {
    const deps = { metrics: createMetrics('test'), logger: createLogger('test', 'silent') };
    server = await startGrpcServer('127.0.0.1', 0, [
      { name: 'test.Echo', definition, implementation: { Echo: unary('Echo', handler, deps) }, packageDefinition: {} },
    ]);
    const Client = grpc.makeGenericClientConstructor(definition, 'Echo');
    client = new Client(`127.0.0.1:${server.port}`, grpc.credentials.createInsecure()) as unknown as typeof client;
  });
  afterAll(async () => {
    client.close();
    await server.stop();
  });

  const echo = (request: { sku: string }) => callUnary(client.Echo.bind(client) as never, request, 5_000);

  it('carries a domain error whose details are Japanese text, and the server keeps answering', async () => {
    handler.mockImplementationOnce(async ({ sku }) => {
      throw new DomainError('OUT_OF_STOCK', `${sku} の在庫がありません`, { sku, names: ['抹茶', 'ほうじ茶 🍵'] });
    });
    const err = await echo({ sku: '抹茶' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({ code: 'OUT_OF_STOCK', details: { sku: '抹茶', names: ['抹茶', 'ほうじ茶 🍵'] } });

    handler.mockImplementationOnce(async ({ sku }) => ({ sku }));
    await expect(echo({ sku: '煎茶' })).resolves.toEqual({ sku: '煎茶' });
  });

  it('fails a request that cannot be encoded as VALIDATION_FAILED (non-retryable), not INTERNAL (retried forever)', async () => {
    const err = await echo({ sku: 42 as unknown as string }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(handler).not.toHaveBeenCalledWith({ sku: 42 }, expect.anything());
  });

  it('answers UNAVAILABLE (retried by callers, 503 at the api) when the database is unreachable', async () => {
    handler.mockImplementationOnce(async () => {
      throw Object.assign(new Error("Can't reach database server at 127.0.0.1:5432"), { code: 'P1001' });
    });
    expect(await echo({ sku: 'x' }).catch((e: unknown) => e)).toMatchObject({ code: 'UNAVAILABLE' });
  });

  it('answers INTERNAL, without its message, for an unexpected error', async () => {
    handler.mockImplementationOnce(async () => {
      throw new TypeError('secret internals');
    });
    const err = await echo({ sku: 'x' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'INTERNAL' });
    expect((err as Error).message).not.toContain('secret internals');
  });

  it('hands the handler the caller\'s deadline, so it can give up when nobody waits any more', async () => {
    let seen: CallContext | undefined;
    handler.mockImplementationOnce(async ({ sku }, context) => {
      seen = context;
      return { sku };
    });
    const before = Date.now();
    await echo({ sku: 'x' });
    // The client asked for 5 s from `before` (give or take the rounding of the grpc-timeout header).
    expect(seen?.deadline).toBeInstanceOf(Date);
    expect(seen!.deadline!.getTime()).toBeGreaterThan(before + 4_000);
    expect(seen!.deadline!.getTime()).toBeLessThan(before + 6_000);

    handler.mockImplementationOnce(async ({ sku }, context) => {
      seen = context;
      return { sku };
    });
    await new Promise<void>((resolve, reject) => client.Echo({ sku: 'y' }, (err: unknown) => (err ? reject(err) : resolve())));
    expect(seen).toEqual({});
  });
});
