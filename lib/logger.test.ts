import { createLogger, REDACTED, redactJsonLine, redactUrl } from './logger';

describe('createLogger redaction', () => {
  function logged(obj: Record<string, unknown>): string {
    const lines: string[] = [];
    createLogger('test', 'info', { write: (line: string) => void lines.push(line) }).info(obj, 'line');
    return lines.join('');
  }

  it('redacts secret keys at the top level, in headers and deep inside objects and arrays', () => {
    const out = logged({
      password: 'top-secret-1',
      req: { headers: { authorization: 'Bearer top-secret-2', cookie: 'sid=top-secret-3', 'x-payments-signature': 't=1,v1=top-secret-4' } },
      res: { headers: { 'set-cookie': ['sid=top-secret-5'] } },
      err: { details: { request: { payment: { cardToken: 'top-secret-6' } } } },
      lines: [{ refreshToken: 'top-secret-7' }],
      sku: '抹茶',
    });
    expect(out).not.toMatch(/top-secret/);
    expect(out).toContain(REDACTED);
    expect(out).toContain('抹茶');
  });

  it('redacts at any depth, and whole values that are objects, arrays, numbers or literals', () => {
    const out = logged({
      a: { b: { c: { d: { e: { f: { g: { h: { password: 'top-secret-8' } } } } } } } },
      token: { nested: '{"]top-secret-9' },
      secret: ['top-secret-10', { x: 1 }],
      apiKey: 12345,
      clientSecret: null,
      after: 'kept',
    });
    expect(out).not.toMatch(/top-secret|12345/);
    const line = JSON.parse(out) as Record<string, unknown>;
    expect(line).toMatchObject({ token: REDACTED, secret: REDACTED, apiKey: REDACTED, clientSecret: REDACTED, after: 'kept', msg: 'line' });
    expect(JSON.stringify(line.a)).toContain(`"password":"${REDACTED}"`);
  });

  it('leaves key-like text inside string values alone, and lines without secrets as they are', () => {
    const out = logged({ note: 'a body of {"password":"x"} quoted', path: 'C:\\tmp\\"token":' });
    expect(JSON.parse(out)).toMatchObject({ note: 'a body of {"password":"x"} quoted', path: 'C:\\tmp\\"token":' });
    const plain = '{"level":"info","msg":"order email sent","eventId":"e1"}';
    expect(redactJsonLine(plain)).toBe(plain);
  });

  it('scrubs token-like query parameters from URLs and keeps the rest', () => {
    expect(redactUrl('/v1/me?token=abc&page=2&access_token=def')).toBe(`/v1/me?token=${REDACTED}&page=2&access_token=${REDACTED}`);
    expect(redactUrl('/v1/products?q=tea')).toBe('/v1/products?q=tea');
  });
});
