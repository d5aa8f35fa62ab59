import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { Router } from 'express';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { DOMAIN_ERROR_CODES, DomainError, type DomainErrorCode } from '../../lib/errors';
import { callUnary } from '../../lib/grpc';
import type { GetSaleRequest } from '../../proto/generated/checkout/pos/v1/GetSaleRequest';
import type { Sale__Output } from '../../proto/generated/checkout/pos/v1/Sale';
import type { PosServiceClient } from '../../proto/pos-client';
import { POS_REFUND_WORKFLOW_TYPE, posRefundWorkflowId, type PosRefundInput, type PosRefundResult } from '../../workflows/pos-refund.contract';
import { POS_SALE_WORKFLOW_TYPE, posSaleWorkflowId, type PosReceipt, type PosSaleInput, type PosSaleResult } from '../../workflows/pos-sale.contract';
import { authenticate, principalOf, requirePermission, type AuthDeps, type Principal } from '../auth';
import type { IdempotencyKeys } from '../idempotency';

const line = z.object({ sku: z.string().trim().min(1).max(64), quantity: z.number().int().min(1).max(999) }).strict();
const payment = z.discriminatedUnion('type', [
  z.object({ type: z.literal('cash'), tenderedMinor: z.number().int().min(0).max(100_000_000).meta({ description: 'Cash handed over, in the minor unit; must cover the total' }) }).strict(),
  z.object({ type: z.literal('card'), cardToken: z.string().min(1).max(100) }).strict(),
  z.object({ type: z.literal('qr'), qrToken: z.string().min(1).max(100).meta({ description: 'The QR wallet’s payment token (the sandbox accepts the card tokens, e.g. tok_visa)' }) }).strict(),
]);

/** The request body of POST /v1/pos/sales. */
export const createSaleBody = z.object({ lines: z.array(line).min(1).max(100), payment }).strict();
/** The path parameters of GET /v1/pos/sales/:saleId. */
export const saleIdParam = z.object({ saleId: z.string().uuid() });
/** The Idempotency-Key header of POST /v1/pos/sales. */
export const saleIdempotencyKeyHeader = z
  .string()
  .min(1)
  .max(255)
  .optional()
  .meta({ description: 'Maps to the sale id: a till that retries with the same key and body gets the same sale, never a second charge' });

/** The request body of POST /v1/pos/sales/:saleId/refunds. */
export const createRefundBody = z.object({ reason: z.string().trim().min(1).max(500).meta({ description: 'Why the goods came back (shown on the refund receipt)' }) }).strict();
/** The Idempotency-Key header of POST /v1/pos/sales/:saleId/refunds. */
export const refundIdempotencyKeyHeader = z
  .string()
  .min(1)
  .max(255)
  .optional()
  .meta({ description: 'A till that retries with the same key and body gets the same refund; another body with the key is IDEMPOTENCY_KEY_REUSED' });

/** Sale statuses a refund may start from (or find its own refund in): anything else is refused before a workflow starts. */
const REFUNDABLE_STATUSES = new Set(['COMPLETED', 'REFUNDING', 'REFUNDED']);

/** How long the api waits for a sale's outcome: a counter sale takes a second or two. */
const SALE_WAIT_MS = 30_000;

/** The merchant a cashier's or merchant's token acts for; staff without one act for no merchant. */
export function merchantOf(principal: Principal): string | undefined {
  return principal.merchantId;
}

/**
 * Whose data a read may show: the token's merchant; every merchant's for staff (operator, admin)
 * without one; nobody's for a cashier or merchant account whose token names no merchant.
 */
export function tenancyOf(principal: Principal): { merchantId: string } | 'any' | 'none' {
  if (principal.merchantId) return { merchantId: principal.merchantId };
  return principal.role === 'operator' || principal.role === 'admin' ? 'any' : 'none';
}

/** The receipt's consumption tax per rate (10 %, 8 %), floored once per rate. */
function taxTotalsOf(sale: Sale__Output) {
  return sale.taxTotals.map((t) => ({ ratePercent: t.ratePercent, taxableMinor: Number(t.taxableMinor), taxMinor: Number(t.taxMinor) }));
}

/** A receipt as answered by the api (the workflow's receipt, or a sale read back from the pos service). */
export function receiptOf(sale: Sale__Output): PosReceipt {
  return {
    saleId: sale.saleId,
    merchantId: sale.merchantId,
    cashierId: sale.cashierId,
    lines: sale.lines.map((l) => ({ sku: l.sku, name: l.name, quantity: l.quantity, unitPriceMinor: Number(l.unitPriceMinor), lineTotalMinor: Number(l.lineTotalMinor) })),
    totalMinor: sale.totalMinor,
    currency: sale.currency,
    payment: {
      method: sale.paymentMethod as PosReceipt['payment']['method'],
      ...(sale.paymentId ? { paymentId: sale.paymentId } : {}),
      ...(sale.paymentMethod === 'cash' ? { tenderedMinor: sale.tenderedMinor, changeMinor: sale.changeMinor } : {}),
    },
    completedAt: sale.completedAt,
    businessDate: sale.businessDate,
  };
}

/**
 * Point-of-sale routes: a cashier rings up a sale (the POS saga, answered with its receipt) and reads
 * sales back. A token acts only for the merchant it names (claim mid): another merchant's sale is
 * NOT_FOUND, exactly like an unknown one.
 */
export function posRoutes(deps: { temporal: Client; taskQueue: string; idempotency: IdempotencyKeys; pos: PosServiceClient; auth: AuthDeps }): Router {
  const router = Router();
  router.use('/v1/pos', authenticate(deps.auth));
  const guard = requirePermission('pos:checkout');

  router.post('/v1/pos/sales', guard, async (req, res) => {
    const key = saleIdempotencyKeyHeader.parse(req.get('Idempotency-Key'));
    const body = createSaleBody.parse(req.body ?? {});
    const principal = principalOf(req);
    const merchantId = merchantOf(principal);
    if (!merchantId) throw new DomainError('FORBIDDEN', 'This token names no merchant (claim mid): a sale is rung up at one merchant’s counter');
    const scope = `pos-sales:${principal.id}`;
    const { id: saleId, replay } = key ? await deps.idempotency.begin(scope, key, body, randomUUID()) : { id: randomUUID(), replay: false };
    const workflowId = posSaleWorkflowId(saleId);
    if (!replay) {
      const input: PosSaleInput = { saleId, merchantId, cashierId: principal.id, lines: body.lines, payment: body.payment };
      try {
        await deps.temporal.workflow.start(POS_SALE_WORKFLOW_TYPE, { workflowId, taskQueue: deps.taskQueue, args: [input], workflowIdReusePolicy: 'REJECT_DUPLICATE' });
      } catch (err) {
        if (!(err instanceof WorkflowExecutionAlreadyStartedError)) {
          if (key) await deps.idempotency.abandon(scope, key);
          throw err;
        }
      }
      if (key) await deps.idempotency.complete(scope, key, body, saleId);
    }
    const handle = deps.temporal.workflow.getHandle(workflowId);
    const result = (await Promise.race([handle.result(), new Promise((resolve) => setTimeout(resolve, SALE_WAIT_MS).unref())])) as PosSaleResult | undefined;
    if (!result) {
      res.status(202).location(`/v1/pos/sales/${saleId}`).json({ saleId, state: 'RUNNING', statusUrl: `/v1/pos/sales/${saleId}` });
      return;
    }
    if (result.outcome === 'FAILED') {
      const code = (result.failure?.code ?? 'INTERNAL') in DOMAIN_ERROR_CODES ? (result.failure!.code as DomainErrorCode) : 'INTERNAL';
      // The saga undid its steps: stock released, payment refunded, the sale voided.
      throw new DomainError(code, result.failure?.message ?? 'the sale failed', { saleId, undone: true });
    }
    // The receipt states the consumption tax per rate: read from the sale the pos service recorded (the workflow's receipt predates tax rates).
    const sale = await callUnary<GetSaleRequest, Sale__Output>(deps.pos.GetSale.bind(deps.pos), { saleId, merchantId: '' });
    res.status(201).location(`/v1/pos/sales/${saleId}`).json({ ...result.receipt, taxTotals: taxTotalsOf(sale) });
  });

  // A full refund of a completed sale, durably (posRefundWorkflow, one per sale: a second request finds the first's answer).
  router.post('/v1/pos/sales/:saleId/refunds', requirePermission('pos:refund'), async (req, res) => {
    const { saleId } = saleIdParam.parse(req.params);
    const key = refundIdempotencyKeyHeader.parse(req.get('Idempotency-Key'));
    const body = createRefundBody.parse(req.body ?? {});
    const principal = principalOf(req);
    const tenancy = tenancyOf(principal);
    if (tenancy === 'none') throw new DomainError('NOT_FOUND', `sale ${saleId} does not exist`, { saleId });
    // Another merchant's sale is NOT_FOUND, exactly like an unknown one.
    const sale = await callUnary<GetSaleRequest, Sale__Output>(deps.pos.GetSale.bind(deps.pos), { saleId, merchantId: tenancy === 'any' ? '' : tenancy.merchantId });
    // A sale still being rung up (or voided) is undone by its own saga, never refunded: no workflow is started for it.
    if (!REFUNDABLE_STATUSES.has(sale.status)) throw new DomainError('INVALID_TRANSITION', `sale ${saleId} is ${sale.status}: only a COMPLETED sale can be refunded`, { saleId, status: sale.status });
    const scope = `pos-refunds:${principal.id}`;
    const fingerprint = { saleId, ...body };
    const replay = key ? (await deps.idempotency.begin(scope, key, fingerprint, saleId)).replay : false;
    const workflowId = posRefundWorkflowId(saleId);
    if (!replay) {
      const input: PosRefundInput = { saleId, merchantId: sale.merchantId, requestedBy: principal.id, reason: body.reason };
      try {
        await deps.temporal.workflow.start(POS_REFUND_WORKFLOW_TYPE, { workflowId, taskQueue: deps.taskQueue, args: [input], workflowIdReusePolicy: 'REJECT_DUPLICATE' });
      } catch (err) {
        // Already refunded or refunding: the first refund's workflow answers (the reason of the first request stands).
        if (!(err instanceof WorkflowExecutionAlreadyStartedError)) {
          if (key) await deps.idempotency.abandon(scope, key);
          throw err;
        }
      }
      if (key) await deps.idempotency.complete(scope, key, fingerprint, saleId);
    }
    const handle = deps.temporal.workflow.getHandle(workflowId);
    const result = (await Promise.race([handle.result(), new Promise((resolve) => setTimeout(resolve, SALE_WAIT_MS).unref())])) as PosRefundResult | undefined;
    if (!result) {
      res.status(202).location(`/v1/pos/sales/${saleId}`).json({ saleId, state: 'RUNNING', statusUrl: `/v1/pos/sales/${saleId}` });
      return;
    }
    if (result.outcome === 'FAILED') {
      const code = (result.failure?.code ?? 'INTERNAL') in DOMAIN_ERROR_CODES ? (result.failure!.code as DomainErrorCode) : 'INTERNAL';
      throw new DomainError(code, result.failure?.message ?? 'the refund failed', { saleId });
    }
    res.status(201).location(`/v1/pos/sales/${saleId}`).json(result.receipt);
  });

  router.get('/v1/pos/sales/:saleId', guard, async (req, res) => {
    const { saleId } = saleIdParam.parse(req.params);
    const tenancy = tenancyOf(principalOf(req));
    if (tenancy === 'none') throw new DomainError('NOT_FOUND', `sale ${saleId} does not exist`, { saleId });
    // Another merchant's sale is NOT_FOUND, exactly like an unknown one (the pos service filters).
    const sale = await callUnary<GetSaleRequest, Sale__Output>(deps.pos.GetSale.bind(deps.pos), { saleId, merchantId: tenancy === 'any' ? '' : tenancy.merchantId });
    res.json({ ...receiptOf(sale), taxTotals: taxTotalsOf(sale), status: sale.status });
  });

  return router;
}
