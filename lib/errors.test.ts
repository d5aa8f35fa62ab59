import * as grpc from '@grpc/grpc-js';
import { DomainError, DOMAIN_ERROR_CODES } from './errors';
import { fromServiceError, toServiceError } from './grpc';

describe('domain errors across gRPC', () => {
  it.each(Object.keys(DOMAIN_ERROR_CODES) as (keyof typeof DOMAIN_ERROR_CODES)[])('%s survives the trip with its message and details', (code) => {
    const status = toServiceError(new DomainError(code, `because ${code}`, { sku: 'A-1' }));
    const back = fromServiceError({ ...new Error('x'), code: status.code!, details: status.details!, metadata: status.metadata! } as grpc.ServiceError);
    expect(back.code).toBe(code);
    expect(back.message).toBe(`because ${code}`);
    expect(back.details).toEqual({ sku: 'A-1' });
  });

  it('hides the message of an unexpected error', () => {
    const status = toServiceError(new Error('password=hunter2 leaked'));
    expect(status.code).toBe(grpc.status.INTERNAL);
    expect(status.details).toBe('internal error');
  });

  it('treats a transport failure without a domain code as UNAVAILABLE (retryable)', () => {
    const err = { ...new Error('x'), code: grpc.status.UNAVAILABLE, details: 'No connection established', metadata: new grpc.Metadata() } as grpc.ServiceError;
    expect(fromServiceError(err).code).toBe('UNAVAILABLE');
    expect(DOMAIN_ERROR_CODES.UNAVAILABLE.retryable).toBe(true);
  });
});
