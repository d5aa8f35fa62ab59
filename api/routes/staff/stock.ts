import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import { z } from 'zod';
import { callUnary } from '../../../lib/grpc';
import type { AdjustStockRequest } from '../../../proto/generated/checkout/inventory/v1/AdjustStockRequest';
import type { GetStockRequest } from '../../../proto/generated/checkout/inventory/v1/GetStockRequest';
import type { Stock__Output } from '../../../proto/generated/checkout/inventory/v1/Stock';
import type { InventoryServiceClient } from '../../../proto/services';
import { principalOf, requirePermission } from '../../auth';
import type { IdempotencyKeys } from '../../idempotency';
import { isValidSku, SKU_RULE } from '../../../lib/sku';

/** The path parameters of the staff stock routes. */
export const stockSkuParam = z.object({ sku: z.string().min(1).max(128).refine(isValidSku, SKU_RULE).meta({ example: '抹茶-缶-100G', description: `A SKU: ${SKU_RULE}` }) });

/** The request body of POST /v1/staff/stock/:sku/adjustments. */
export const stockAdjustmentBody = z
  .object({
    delta: z
      .number()
      .int()
      .min(-1_000_000)
      .max(1_000_000)
      .refine((d) => d !== 0, 'delta must not be 0')
      // JSON Schema can say "not 0" itself, so generated clients and fuzzers know it too.
      .meta({ description: 'Units to add (positive) or remove (negative) from stock on hand; never 0', not: { const: 0 } } as Record<string, unknown>),
    reason: z.string().trim().min(1).max(500).meta({ example: 'delivery from the supplier' }),
  })
  .strict();

/** The required Idempotency-Key header of POST /v1/staff/stock/:sku/adjustments. */
export const stockAdjustmentIdempotencyKeyHeader = z
  .string()
  .min(1)
  .max(255)
  .meta({ description: 'Required: a retry with the same key and body adjusts once and answers the same; the same key with another body answers 422' });

/** Staff stock reads and adjustments: permission stock:adjust. */
export function staffStockRoutes(deps: { inventory: InventoryServiceClient; idempotency: IdempotencyKeys }): Router {
  const router = Router();
  const { inventory, idempotency } = deps;
  const guard = requirePermission('stock:adjust');

  router.get('/v1/staff/stock/:sku', guard, async (req, res) => {
    const { sku } = stockSkuParam.parse(req.params);
    res.json(await callUnary<GetStockRequest, Stock__Output>(inventory.GetStock.bind(inventory), { sku }));
  });

  router.post('/v1/staff/stock/:sku/adjustments', guard, async (req, res) => {
    const key = stockAdjustmentIdempotencyKeyHeader.parse(req.get('Idempotency-Key'));
    const { sku } = stockSkuParam.parse(req.params);
    const body = stockAdjustmentBody.parse(req.body ?? {});
    // Keys are the client's, so each account has its own; Redis rejects a reused key with another
    // body, and the inventory service stores the answer under the bound id, so a retry adjusts once.
    const scope = `staff-stock-adjustments:${principalOf(req).id}`;
    const { id } = await idempotency.begin(scope, key, { sku, ...body }, `staff-adjust:${randomUUID()}`);
    try {
      res.json(await callUnary<AdjustStockRequest, Stock__Output>(inventory.AdjustStock.bind(inventory), { sku, ...body, idempotencyKey: id }));
    } finally {
      // Even after a failure: the id's stored answer (or its absence) makes a retry safe either way.
      await idempotency.complete(scope, key, { sku, ...body }, id);
    }
  });

  return router;
}
