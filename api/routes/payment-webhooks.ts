import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import express, { Router } from 'express';
import { z } from 'zod';
import { DomainError } from '../../lib/errors';
import { callUnary } from '../../lib/grpc';
import type { GetPaymentRequest } from '../../proto/generated/checkout/payments/v1/GetPaymentRequest';
import type { Payment__Output } from '../../proto/generated/checkout/payments/v1/Payment';
import type { DomainClients } from '../../proto/services';
import { verifyWebhook, WEBHOOK_SIGNATURE_HEADER } from '../../lib/webhook-signature';
import { checkoutWorkflowId, paymentConfirmedSignal } from '../../workflows/checkout.contract';

/** The body of the payment provider's `slip.paid` webhook. */
export const slipPaidEvent = z.object({
  id: z.string().min(1).max(200),
  type: z.literal('slip.paid'),
  data: z.object({ slipNumber: z.string().min(1).max(64), paidAt: z.string().datetime({ offset: true }) }),
});

/**
 * The payment provider's webhook: a signed (HMAC-SHA256) notice that a konbini / bank-transfer slip
 * was paid, turned into the `paymentConfirmed` signal of the order's checkout workflow.
 */
export function paymentWebhookRoutes(deps: { temporal: Client; clients: DomainClients; secret: string; now?: () => Date }): Router {
  const router = Router();
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
    const payment = await callUnary<GetPaymentRequest, Payment__Output>(deps.clients.payments.getPayment.bind(deps.clients.payments), { slipNumber: event.data.slipNumber });
    try {
      await deps.temporal.workflow
        .getHandle(checkoutWorkflowId(payment.orderId))
        .signal(paymentConfirmedSignal, { paymentId: payment.paymentId, paidAt: event.data.paidAt });
    } catch (err) {
      // The checkout has ended (the slip expired, or the order was cancelled): the provider must refund.
      if (err instanceof WorkflowNotFoundError) throw new DomainError('PAYMENT_EXPIRED', `The order of slip ${event.data.slipNumber} is no longer waiting for payment`);
      throw err;
    }
    res.json({ received: true, eventId: event.id, orderId: payment.orderId });
  });
  return router;
}
