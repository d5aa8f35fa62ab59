import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import express, { Router } from 'express';
import { z } from 'zod';
import { DomainError } from '../../lib/errors';
import { callUnary } from '../../lib/grpc';
import type { ConfirmSlipRequest } from '../../proto/generated/checkout/payments/v1/ConfirmSlipRequest';
import type { GetPaymentRequest } from '../../proto/generated/checkout/payments/v1/GetPaymentRequest';
import type { Payment__Output } from '../../proto/generated/checkout/payments/v1/Payment';
import type { PaymentRef } from '../../proto/generated/checkout/payments/v1/PaymentRef';
import type { DomainClients } from '../../proto/services';
import { verifyWebhook, WEBHOOK_SIGNATURE_HEADER } from '../../lib/webhook-signature';
import { checkoutWorkflowId, paymentConfirmedSignal } from '../../workflows/checkout.contract';

/** The body of the payment provider's `slip.paid` webhook. */
export const slipPaidEvent = z.object({
  id: z.string().min(1).max(200),
  type: z.literal('slip.paid'),
  data: z.object({ slipNumber: z.string().min(1).max(64), paidAt: z.string().datetime({ offset: true }) }),
});

/** What the webhook did with the money. */
export const WEBHOOK_OUTCOMES = ['confirmed', 'refunded_after_cancellation', 'already_recorded'] as const;
export type WebhookOutcome = (typeof WEBHOOK_OUTCOMES)[number];

/** The webhook's answer: what happened to the payment, so the provider (and an operator) can tell. */
export const webhookReceipt = z.object({
  received: z.literal(true),
  eventId: z.string(),
  orderId: z.string().uuid(),
  paymentId: z.string(),
  outcome: z.enum(WEBHOOK_OUTCOMES).meta({
    description:
      '`confirmed`: the payment is recorded and the waiting checkout was told; `refunded_after_cancellation`: the checkout no longer ' +
      'waited for it (cancelled, failed or the slip expired), so the money was recorded and refunded at once; `already_recorded`: ' +
      'an earlier notice recorded this payment, nothing more was done',
  }),
  paymentStatus: z.string().meta({ description: 'The payment after this notice: PAID, or REFUNDED' }),
});
export type WebhookReceipt = z.infer<typeof webhookReceipt>;

/** Statuses of a slip whose money was already recorded (a REFUNDED slip was paid first). */
const MONEY_RECORDED = ['PAID', 'REFUNDED'];

/**
 * The payment provider's webhook: a signed (HMAC-SHA256) notice that a konbini / bank-transfer slip
 * was paid. The money is recorded first, whatever the checkout is doing (a slip voided or expired is
 * refunded at once), then the checkout waiting for it gets the `paymentConfirmed` signal.
 */
export function paymentWebhookRoutes(deps: { temporal: Client; clients: DomainClients; secret: string; now?: () => Date }): Router {
  const router = Router();
  const payments = deps.clients.payments;
  const getPayment = (request: GetPaymentRequest) => callUnary<GetPaymentRequest, Payment__Output>(payments.getPayment.bind(payments), request);
  const confirmSlip = (request: ConfirmSlipRequest) => callUnary<ConfirmSlipRequest, Payment__Output>(payments.confirmSlip.bind(payments), request);
  const refund = (request: PaymentRef) => callUnary<PaymentRef, Payment__Output>(payments.refund.bind(payments), request);

  // The signature covers the exact bytes sent, so this route reads the raw body itself.
  router.post('/v1/webhooks/payments', express.raw({ type: '*/*', limit: '64kb' }), async (req, res) => {
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const verification = verifyWebhook(deps.secret, req.get(WEBHOOK_SIGNATURE_HEADER), raw, (deps.now ?? (() => new Date()))());
    if (!verification.valid) throw new DomainError('UNAUTHENTICATED', `The webhook signature is not valid (${verification.reason})`);
    let parsedJson: unknown;
    try {
      parsedJson = JSON.parse(raw.toString('utf8'));
    } catch {
      throw new DomainError('VALIDATION_FAILED', 'The webhook body is not JSON');
    }
    const event = slipPaidEvent.parse(parsedJson);
    let payment = await getPayment({ slipNumber: event.data.slipNumber });
    let outcome: WebhookOutcome = 'already_recorded';
    if (!MONEY_RECORDED.includes(payment.status)) {
      payment = await confirmSlip({ paymentId: payment.paymentId, paidAt: event.data.paidAt, idempotencyKey: `slip-paid:${event.id}` });
      outcome = payment.status === 'PAID' ? 'confirmed' : 'refunded_after_cancellation';
    }
    if (payment.status === 'PAID') {
      try {
        // The checkout goes on; its own ConfirmSlip finds the slip PAID.
        await deps.temporal.workflow
          .getHandle(checkoutWorkflowId(payment.orderId))
          .signal(paymentConfirmedSignal, { paymentId: payment.paymentId, paidAt: event.data.paidAt });
      } catch (err) {
        if (!(err instanceof WorkflowNotFoundError)) throw err;
        if (outcome === 'confirmed') {
          // The checkout ended before it could be told (its undo then refunded the slip), or was
          // terminated without undoing anything: either way nobody will use this money.
          payment = await refund({ paymentId: payment.paymentId, idempotencyKey: `slip-paid:${event.id}:refund` });
          outcome = 'refunded_after_cancellation';
        }
      }
    }
    const receipt: WebhookReceipt = { received: true, eventId: event.id, orderId: payment.orderId, paymentId: payment.paymentId, outcome, paymentStatus: payment.status };
    res.json(receipt);
  });
  return router;
}
