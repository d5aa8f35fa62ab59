import { createLogger, REDACTED, redactUrl } from './logger';

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

  it('scrubs token-like query parameters from URLs and keeps the rest', () => {
    expect(redactUrl('/v1/me?token=abc&page=2&access_token=def')).toBe(`/v1/me?token=${REDACTED}&page=2&access_token=${REDACTED}`);
    expect(redactUrl('/v1/products?q=tea')).toBe('/v1/products?q=tea');
  });
});
