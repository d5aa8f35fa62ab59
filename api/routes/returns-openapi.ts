import { z } from 'zod';
import { returnBody, returnIdempotencyKeyHeader, returnOrderIdParam } from './returns';
import type { OpenApiHelpers } from './pos-openapi';

/** A return as GET /v1/orders/{orderId} lists it and the return routes answer it (api/routes/returns.ts returnView). */
export const orderReturnSchema = z.object({
  returnId: z.string(),
  status: z.enum(['RECORDED', 'REFUNDED', 'CANCELLED']).meta({ description: 'RECORDED while its refund and restock run; CANCELLED when the payment refused the refund (nothing restocked)' }),
  amountMinor: z.number().int().meta({ description: 'The refund: unit price × quantity less the lines’ share of the coupon and points discounts (see README “Returns”)' }),
  currency: z.string(),
  reason: z.string(),
  lines: z.array(z.object({ sku: z.string(), quantity: z.number().int(), amountMinor: z.number().int() })),
  createdAt: z.string().meta({ format: 'date-time' }),
});

/** The return routes of the OpenAPI document (api/routes/returns.ts). */
export function registerReturnsOpenApi({ registry, route, json, jsonBody, errors, named }: OpenApiHelpers): void {
  const body = registry.register('ReturnBody', named(returnBody));
  const answer = registry.register('ReturnAccepted', z.object({ orderId: z.string(), ...orderReturnSchema.shape, returnWorkflowId: z.string() }));
  const responses = {
    200: json('A repeated Idempotency-Key whose return has ended (REFUNDED or CANCELLED)', answer),
    202: json('The return is recorded (RECORDED): its workflow refunds that part of the payment, restocks the goods and publishes order.returned', answer),
    ...errors({
      400: 'VALIDATION_FAILED: no lines, a quantity below 1, a sku twice or not on the order',
      401: true,
      404: 'NOT_FOUND (also for another customer’s order)',
      409: 'RETURN_QUANTITY_EXCEEDED: more than was bought and not yet returned; INVALID_TRANSITION: the order is not completed (CONFIRMED)',
      413: true,
      415: true,
      500: true,
      503: true,
    }),
  };
  const request = { params: returnOrderIdParam, headers: z.object({ 'Idempotency-Key': returnIdempotencyKeyHeader }), body: jsonBody(body) };
  route('checkout:create', {
    method: 'post',
    path: '/v1/orders/{orderId}/returns',
    operationId: 'returnOrderLines',
    tags: ['orders'],
    summary: 'Return part of one of the customer’s completed orders: a refund by line and quantity, the goods restocked',
    request,
    responses,
  });
  route('orders:cancel:any', {
    method: 'post',
    path: '/v1/staff/orders/{orderId}/returns',
    operationId: 'staffReturnOrderLines',
    tags: ['staff'],
    summary: 'Return part of any completed order (a refund by line and quantity, the goods restocked)',
    request,
    responses: { ...responses, ...errors({ 403: true }) },
  });
}
