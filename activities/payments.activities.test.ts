import { ApplicationFailure } from '@temporalio/common';
import type { Payment__Output } from '../proto/generated/checkout/payments/v1/Payment';
import type { PaymentsServiceClient } from '../proto/services';
import { createPaymentsActivities } from './payments.activities';

/** A payments client whose ConfirmSlip answers with the given payment. */
function confirmingClient(payment: Payment__Output): PaymentsServiceClient {
  const confirmSlip = (_request: unknown, _options: unknown, callback: (err: null, response: Payment__Output) => void) => callback(null, payment);
  return { confirmSlip } as unknown as PaymentsServiceClient;
}

const slip = (status: string): Payment__Output => ({
  paymentId: 'pay-1',
  orderId: 'order-1',
  method: 'konbini',
  status,
  amountMinor: 3300,
  currency: 'JPY',
  slipNumber: '123456789012',
  expiresAt: '2026-12-04T00:00:00.000Z',
  providerReference: '',
});

describe('payments activities', () => {
  const input = { paymentId: 'pay-1', paidAt: '2026-12-02T00:00:00.000Z', idempotencyKey: 'checkout:order-1:confirm-slip' };

  it('confirmSlipPayment returns a PAID slip', async () => {
    const { confirmSlipPayment } = createPaymentsActivities({ payments: confirmingClient(slip('PAID')) });
    expect(await confirmSlipPayment(input)).toMatchObject({ status: 'PAID' });
  });

  it('confirmSlipPayment fails non-retryably when the money was refunded because the slip was voided or expired', async () => {
    const { confirmSlipPayment } = createPaymentsActivities({ payments: confirmingClient(slip('REFUNDED')) });
    const err = await confirmSlipPayment(input).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ApplicationFailure);
    expect(err).toMatchObject({ type: 'PAYMENT_EXPIRED', nonRetryable: true, details: [{ paymentId: 'pay-1', status: 'REFUNDED' }] });
  });
});
