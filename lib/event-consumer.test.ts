import { DomainError } from './errors';
import { DEFAULT_RETRY_POLICY, isTransientError, retryDelayMs } from './event-consumer';

describe('isTransientError', () => {
  it('treats outages as transient: refused connections, SMTP and Prisma connection codes, unavailable services', () => {
    expect(isTransientError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isTransientError(Object.assign(new Error('Connection closed unexpectedly'), { code: 'ECONNECTION' }))).toBe(true);
    expect(isTransientError(Object.assign(new Error("Can't reach database server"), { code: 'P1001' }))).toBe(true);
    expect(isTransientError(new DomainError('UNAVAILABLE', 'No connection established'))).toBe(true);
    expect(isTransientError(new Error('query failed', { cause: new Error('Connection terminated unexpectedly') }))).toBe(true);
  });

  it("treats everything else as the message's fault, counted towards the dead-letter topic", () => {
    expect(isTransientError(new TypeError("Cannot read properties of undefined (reading 'orderId')"))).toBe(false);
    expect(isTransientError(new DomainError('VALIDATION_FAILED', 'bad sku'))).toBe(false);
    expect(isTransientError(new DomainError('INTERNAL', 'ECONNREFUSED in the message text of a domain error does not count'))).toBe(false);
    expect(isTransientError('a string')).toBe(false);
  });
});

describe('retryDelayMs', () => {
  it('doubles from the initial delay and stops at the cap', () => {
    const policy = { ...DEFAULT_RETRY_POLICY, initialDelayMs: 100, maxDelayMs: 1_000 };
    expect([1, 2, 3, 4, 5, 10].map((attempt) => retryDelayMs(policy, attempt))).toEqual([100, 200, 400, 800, 1_000, 1_000]);
  });
});
