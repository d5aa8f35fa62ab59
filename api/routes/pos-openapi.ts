import type { OpenAPIRegistry, ResponseConfig, RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import type { Permission } from '../openapi';
import { settlementsQuery, staffSettlementsQuery } from './merchant-settlements';
import { createRefundBody, createSaleBody, refundIdempotencyKeyHeader, saleIdempotencyKeyHeader, saleIdParam } from './pos';

/** The helpers of api/openapi.ts's document builder that the point-of-sale routes use. */
export interface OpenApiHelpers {
  registry: OpenAPIRegistry;
  route: (permission: Permission, config: RouteConfig) => void;
  json: (description: string, schema: z.ZodType, headers?: ResponseConfig['headers']) => ResponseConfig;
  jsonBody: (schema: z.ZodType, required?: boolean) => NonNullable<RouteConfig['request']>['body'];
  errors: (statuses: Record<number, string | true>) => Record<number, ResponseConfig>;
  named: <T extends z.ZodType>(schema: T) => T;
}

/** The point-of-sale and settlement routes of the OpenAPI document (api/routes/pos.ts, merchant-settlements.ts). */
export function registerPosOpenApi({ registry, route, json, jsonBody, errors, named }: OpenApiHelpers): void {
  const timestamp = z.string().meta({ format: 'date-time' });
  const receipt = registry.register(
    'PosReceipt',
    z.object({
      saleId: z.string().uuid(),
      merchantId: z.string(),
      cashierId: z.string(),
      lines: z.array(z.object({ sku: z.string(), name: z.string(), quantity: z.number().int(), unitPriceMinor: z.number().int(), lineTotalMinor: z.number().int() })),
      totalMinor: z.number().int(),
      currency: z.string(),
      payment: z.object({
        method: z.enum(['cash', 'card', 'qr']),
        paymentId: z.string().optional(),
        tenderedMinor: z.number().int().optional(),
        changeMinor: z.number().int().optional(),
      }),
      taxTotals: z
        .array(z.object({ ratePercent: z.number().int(), taxableMinor: z.number().int(), taxMinor: z.number().int() }))
        .meta({ description: 'Consumption tax per rate (prices include it): the amount at 10 % / 8 % and its tax, floored once per rate' }),
      completedAt: z.string().meta({ description: 'When the sale completed (empty while it has not)' }),
      businessDate: z.string().meta({ description: 'The Tokyo calendar day the sale is settled with (YYYY-MM-DD)' }),
    }),
  );
  const saleView = registry.register('PosSale', receipt.extend({ status: z.enum(['PENDING', 'PAID', 'COMPLETED', 'VOIDED', 'REFUNDING', 'REFUNDED']) }));
  const settlement = registry.register(
    'MerchantSettlement',
    z.object({
      merchantId: z.string(),
      businessDate: z.string().meta({ description: 'YYYY-MM-DD (Asia/Tokyo)' }),
      paidMinor: z.number().int(),
      refundedMinor: z.number().int(),
      feesMinor: z.number().int(),
      netMinor: z.number().int().meta({ description: 'paid − refunded − fees' }),
      entries: z.number().int(),
      currency: z.string(),
      settledAt: timestamp,
    }),
  );
  const settlements = registry.register('MerchantSettlements', z.object({ settlements: z.array(settlement) }));

  route('pos:checkout', {
    method: 'post',
    path: '/v1/pos/sales',
    operationId: 'createPosSale',
    tags: ['pos'],
    summary: 'Ring up a sale at the counter of the token’s merchant (claim mid): reserve → record → pay → commit, answered with the receipt',
    request: { headers: z.object({ 'Idempotency-Key': saleIdempotencyKeyHeader }), body: jsonBody(registry.register('PosSaleBody', named(createSaleBody))) },
    responses: {
      201: json('The receipt', receipt, { Location: { description: 'The sale', schema: { type: 'string' as const } } }),
      202: json('Still running after 30 s: poll the statusUrl', z.object({ saleId: z.string().uuid(), state: z.literal('RUNNING'), statusUrl: z.string() })),
      ...errors({
        402: 'CARD_DECLINED / INSUFFICIENT_FUNDS: the payment was refused; the saga released the stock and voided the sale',
        403: 'FORBIDDEN: the role lacks pos:checkout, the token names no merchant, or the cashier does not sell for it',
        409: 'OUT_OF_STOCK; REQUEST_IN_PROGRESS: the first request with this key is still running',
        422: 'PRODUCT_UNAVAILABLE: a SKU is not the merchant’s or not on sale; IDEMPOTENCY_KEY_REUSED with another body',
      }),
    },
  });
  route('pos:checkout', {
    method: 'get',
    path: '/v1/pos/sales/{saleId}',
    operationId: 'getPosSale',
    tags: ['pos'],
    summary: 'A sale of the token’s merchant, as a receipt with its status',
    request: { params: saleIdParam },
    responses: { 200: json('The sale', saleView), ...errors({ 404: 'NOT_FOUND: no such sale at this merchant (another merchant’s sale answers the same)' }) },
  });
  const refundReceipt = registry.register(
    'PosRefundReceipt',
    z.object({
      saleId: z.string().uuid(),
      merchantId: z.string(),
      reason: z.string(),
      refundedBy: z.string().meta({ description: 'The cashier or merchant account that asked' }),
      lines: z.array(z.object({ sku: z.string(), name: z.string(), quantity: z.number().int(), unitPriceMinor: z.number().int(), lineTotalMinor: z.number().int() })).meta({ description: 'Every line of the sale, back in stock' }),
      refundedMinor: z.number().int().meta({ description: 'The whole total (a REFUND entry of it goes to the merchant’s ledger; the next settlement subtracts it)' }),
      currency: z.string(),
      payment: z.object({
        method: z.enum(['cash', 'card', 'qr']),
        paymentId: z.string().optional().meta({ description: 'card / QR: the payment refunded through the provider' }),
        cashBackMinor: z.number().int().optional().meta({ description: 'cash: handed back at the till' }),
      }),
      refundedAt: timestamp,
    }),
  );
  route('pos:refund', {
    method: 'post',
    path: '/v1/pos/sales/{saleId}/refunds',
    operationId: 'refundPosSale',
    tags: ['pos'],
    summary: 'Refund a completed sale of the token’s merchant in full: REFUNDING → money back → restock → REFUND ledger entry → REFUNDED (one refund per sale: a repeat answers the first)',
    request: { params: saleIdParam, headers: z.object({ 'Idempotency-Key': refundIdempotencyKeyHeader }), body: jsonBody(registry.register('PosRefundBody', named(createRefundBody))) },
    responses: {
      201: json('The refund receipt (the same for a repeated request)', refundReceipt, { Location: { description: 'The sale', schema: { type: 'string' as const } } }),
      202: json('Still running after 30 s: poll the statusUrl', z.object({ saleId: z.string().uuid(), state: z.literal('RUNNING'), statusUrl: z.string() })),
      ...errors({
        400: 'VALIDATION_FAILED: no reason, or a saleId that is not a UUID',
        404: 'NOT_FOUND: no such sale at this merchant (another merchant’s sale answers the same)',
        409: 'INVALID_TRANSITION: the sale is not COMPLETED (still being rung up, voided); the provider refused the refund (the sale stays COMPLETED); REQUEST_IN_PROGRESS',
        422: 'IDEMPOTENCY_KEY_REUSED with another body',
      }),
    },
  });
  route('settlements:read:own', {
    method: 'get',
    path: '/v1/merchant/settlements',
    operationId: 'listMerchantSettlements',
    tags: ['pos'],
    summary: 'The token’s merchant’s daily settlements (paid − refunded − fees), newest day first',
    request: { query: settlementsQuery },
    responses: { 200: json('The settlements', settlements), ...errors({ 404: 'NOT_FOUND: the token names no merchant' }) },
  });
  route('settlements:read:any', {
    method: 'get',
    path: '/v1/staff/settlements',
    operationId: 'listSettlements',
    tags: ['staff'],
    summary: 'Every merchant’s daily settlements (or one merchant’s), newest day first',
    request: { query: staffSettlementsQuery },
    responses: { 200: json('The settlements', settlements) },
  });
}
