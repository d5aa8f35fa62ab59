import { ApiError, EXIT, type OpsClient } from './api-client';
import { runOps } from './commands';

/** A fake api that records each request and answers from `answer` (throwing an ApiError for an error). */
function fakeApi(answer: (method: string, path: string) => { status?: number; body: unknown } | ApiError = () => ({ body: {} })) {
  const calls: { method: string; path: string; body?: unknown; query?: Record<string, string | number | undefined> }[] = [];
  const client: OpsClient = {
    async request<T>(method: 'GET' | 'POST', path: string, options: { body?: unknown; query?: Record<string, string | number | undefined> } = {}) {
      calls.push({ method, path, ...options });
      const a = answer(method, path);
      if (a instanceof ApiError) throw a;
      return { status: a.status ?? 200, body: a.body as T };
    },
  };
  return { client, calls };
}

async function run(argv: string[], api = fakeApi()) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runOps(argv, { api: () => api.client, io: { out: (t) => out.push(t), err: (t) => err.push(t) } });
  return { code, out: out.join('\n'), err: err.join('\n'), calls: api.calls };
}

describe('npm run ops command line', () => {
  it('maps the api’s answers to distinct exit codes and prints its code and message on stderr', async () => {
    const cases: [ApiError, number][] = [
      [new ApiError(404, 'NOT_FOUND', 'no order'), EXIT.NOT_FOUND],
      [new ApiError(409, 'ORDER_NOT_CANCELLABLE', 'delivery booked'), EXIT.REFUSED],
      [new ApiError(403, 'FORBIDDEN', 'no permission'), EXIT.REFUSED],
      [new ApiError(400, 'VALIDATION_FAILED', 'bad id'), EXIT.USAGE],
      [new ApiError(503, 'UNAVAILABLE', 'later'), EXIT.FAILED],
    ];
    for (const [error, exit] of cases) {
      const r = await run(['orders', 'cancel', 'o-1'], fakeApi(() => error));
      expect({ code: r.code, err: r.err }).toEqual({ code: exit, err: expect.stringContaining(`[ops] ${error.code} (HTTP ${error.status}): ${error.message}`) });
    }
  });

  it('finds by customer email or id: an argument with @ is an email', async () => {
    const page = { body: { orders: [], total: 0, page: 1, pageSize: 20 } };
    const byEmail = await run(['orders', 'find', '--customer', 'hanako@example.com', '--status', 'failed'], fakeApi(() => page));
    expect(byEmail.calls[0]?.query).toMatchObject({ customerEmail: 'hanako@example.com', status: 'FAILED' });
    const byId = await run(['orders', 'find', '--customer', 'cust-1'], fakeApi(() => page));
    expect(byId.calls[0]?.query).toMatchObject({ customerId: 'cust-1' });
    expect(byId.out).toContain('no orders');
  });

  it('rejects a wrong command line with exit 2 before calling the api', async () => {
    for (const argv of [[], ['orders'], ['orders', 'show'], ['orders', 'find', '--id', 'x', '--status', 'FAILED'], ['compensations', 'resolve', 'o', 'void-payment'], ['retry', 'o']]) {
      const r = await run(argv);
      expect({ argv, code: r.code, calls: r.calls.length }).toEqual({ argv, code: EXIT.USAGE, calls: 0 });
    }
    expect((await run(['retry', 'o'])).err).toContain('"retry" is now "orders retry"');
  });

  it('shows an order with no checkout, and reports NOT_FOUND (exit 3) only when both are missing', async () => {
    const missing = new ApiError(404, 'NOT_FOUND', 'none');
    const orderOnly = await run(['orders', 'show', 'o-1'], fakeApi((_m, p) => (p.endsWith('/saga') ? missing : { body: { orderId: 'o-1', status: 'FAILED', lines: [], history: [] } })));
    expect([orderOnly.code, orderOnly.out]).toEqual([EXIT.OK, expect.stringContaining('saga: none')]);
    const neither = await run(['orders', 'show', 'o-1'], fakeApi(() => missing));
    expect([neither.code, neither.err]).toEqual([EXIT.NOT_FOUND, expect.stringContaining('NOT_FOUND (HTTP 404)')]);
  });
});
