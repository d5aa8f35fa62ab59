import { Router } from 'express';
import { z } from 'zod';
import { callUnary } from '../../../lib/grpc';
import type { Coupon, Coupon__Output } from '../../../proto/generated/checkout/orders/v1/Coupon';
import type { DisableCouponRequest } from '../../../proto/generated/checkout/orders/v1/DisableCouponRequest';
import type { ListCouponsRequest } from '../../../proto/generated/checkout/orders/v1/ListCouponsRequest';
import type { ListCouponsResponse__Output } from '../../../proto/generated/checkout/orders/v1/ListCouponsResponse';
import type { OrdersServiceClient } from '../../../proto/services';
import { requirePermission } from '../../auth';
import type { OpenApiHelpers } from '../pos-openapi';

const instant = z.string().datetime({ offset: true }).meta({ format: 'date-time', example: '2027-03-01T00:00:00+09:00' });

/** The request body of POST /v1/staff/coupons. */
export const createCouponBody = z
  .object({
    code: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .refine((s) => !/\p{Cc}/u.test(s), 'must not contain control characters')
      .meta({ description: 'Unicode allowed; stored NFKC-normalised and upper-cased, and matched the same way', example: '春のセール' }),
    kind: z.enum(['PERCENT', 'FIXED']),
    value: z.number().int().min(1).max(10_000_000).meta({ description: 'PERCENT: 1..100 % off the goods (floored); FIXED: yen off the goods. At least 1 yen of goods is always paid' }),
    minOrderMinor: z.number().int().min(0).max(10_000_000).default(0).meta({ description: 'Goods subtotal (tax included) an order must reach' }),
    usageLimit: z.number().int().min(1).max(1_000_000).nullable().default(null).meta({ description: 'Redemptions in total; null: unlimited' }),
    perCustomerLimit: z.number().int().min(1).max(1_000_000).nullable().default(null).meta({ description: 'Redemptions per customer; null: unlimited' }),
    validFrom: instant.nullable().default(null),
    validTo: instant.nullable().default(null),
  })
  .strict()
  .refine((b) => b.kind !== 'PERCENT' || b.value <= 100, { message: 'a PERCENT coupon takes 1..100', path: ['value'] })
  .refine((b) => !b.validFrom || !b.validTo || Date.parse(b.validTo) > Date.parse(b.validFrom), { message: 'validTo must be after validFrom', path: ['validTo'] });
/** The path parameters of POST /v1/staff/coupons/:couponId/disable. */
export const couponIdParam = z.object({ couponId: z.string().uuid() });

/** A coupon as staff read it: the service's 0 / empty ("none", proto has no null) are null. */
function couponView(c: Coupon__Output) {
  return {
    id: c.id,
    code: c.code,
    kind: c.kind,
    value: Number(c.value),
    minOrderMinor: Number(c.minOrderMinor),
    usageLimit: c.usageLimit || null,
    perCustomerLimit: c.perCustomerLimit || null,
    redeemedCount: c.redeemedCount,
    validFrom: c.validFrom || null,
    validTo: c.validTo || null,
    disabledAt: c.disabledAt || null,
    createdAt: c.createdAt,
  };
}

/** Staff management of coupon codes (create, list, disable): permission coupons:manage. */
export function staffCouponRoutes(deps: { orders: OrdersServiceClient }): Router {
  const router = Router();
  const { orders } = deps;
  const guard = requirePermission('coupons:manage');

  router.post('/v1/staff/coupons', guard, async (req, res) => {
    const body = createCouponBody.parse(req.body ?? {});
    const coupon = await callUnary<Coupon, Coupon__Output>(orders.CreateCoupon.bind(orders), {
      ...body,
      usageLimit: body.usageLimit ?? 0,
      perCustomerLimit: body.perCustomerLimit ?? 0,
      validFrom: body.validFrom ?? '',
      validTo: body.validTo ?? '',
    });
    res.status(201).json(couponView(coupon));
  });

  router.get('/v1/staff/coupons', guard, async (_req, res) => {
    const { coupons } = await callUnary<ListCouponsRequest, ListCouponsResponse__Output>(orders.ListCoupons.bind(orders), {});
    res.json({ coupons: coupons.map(couponView) });
  });

  router.post('/v1/staff/coupons/:couponId/disable', guard, async (req, res) => {
    const { couponId } = couponIdParam.parse(req.params);
    res.json(couponView(await callUnary<DisableCouponRequest, Coupon__Output>(orders.DisableCoupon.bind(orders), { id: couponId })));
  });
  return router;
}

/** The coupon routes of the OpenAPI document. */
export function registerCouponOpenApi({ registry, route, json, jsonBody, errors, named }: OpenApiHelpers): void {
  const timestamp = z.string().meta({ format: 'date-time' });
  const coupon = registry.register(
    'Coupon',
    z.object({
      id: z.string().uuid(),
      code: z.string(),
      kind: z.enum(['PERCENT', 'FIXED']),
      value: z.number().int(),
      minOrderMinor: z.number().int(),
      usageLimit: z.number().int().nullable(),
      perCustomerLimit: z.number().int().nullable(),
      redeemedCount: z.number().int().meta({ description: 'Redemptions held now (a restored one is given back)' }),
      validFrom: timestamp.nullable(),
      validTo: timestamp.nullable(),
      disabledAt: timestamp.nullable(),
      createdAt: timestamp,
    }),
  );
  route('coupons:manage', {
    method: 'post',
    path: '/v1/staff/coupons',
    operationId: 'createCoupon',
    tags: ['staff'],
    summary: 'Create a coupon code (percent or yen off the goods, minimum order, total and per-customer limits, validity)',
    request: { body: jsonBody(registry.register('CreateCouponBody', named(createCouponBody))) },
    responses: { 201: json('The coupon', coupon), ...errors({ 400: true, 401: true, 403: true, 409: 'ALREADY_EXISTS: the code (normalised) is in use', 413: true, 415: true, 500: true, 503: true }) },
  });
  route('coupons:manage', {
    method: 'get',
    path: '/v1/staff/coupons',
    operationId: 'listCoupons',
    tags: ['staff'],
    summary: 'Every coupon, newest first, with its redemptions',
    responses: { 200: json('The coupons', z.object({ coupons: z.array(coupon) })), ...errors({ 401: true, 403: true, 500: true, 503: true }) },
  });
  route('coupons:manage', {
    method: 'post',
    path: '/v1/staff/coupons/{couponId}/disable',
    operationId: 'disableCoupon',
    tags: ['staff'],
    summary: 'Disable a coupon from now on (checkouts that redeemed it keep it); disabling again changes nothing',
    request: { params: couponIdParam },
    responses: { 200: json('The coupon', coupon), ...errors({ 400: true, 401: true, 403: true, 404: true, 500: true, 503: true }) },
  });
}
