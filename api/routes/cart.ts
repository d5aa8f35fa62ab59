import { Router } from 'express';
import { z } from 'zod';
import { DomainError } from '../../lib/errors';
import { callUnary } from '../../lib/grpc';
import type { GetProductsRequest } from '../../proto/generated/checkout/catalog/v1/GetProductsRequest';
import type { GetProductsResponse__Output } from '../../proto/generated/checkout/catalog/v1/GetProductsResponse';
import type { Product__Output } from '../../proto/generated/checkout/catalog/v1/Product';
import type { DomainClients } from '../../proto/services';
import { customerOf } from '../auth';
import { buildCartView, MAX_LINE_QUANTITY, type CartLine, type CartStore, type CartView } from '../cart/cart-store';
import { answerCheckout, checkCoupon, checkoutIdempotencyKeyHeader, checkoutPreference, createCheckoutBody, startCheckout, type CheckoutStartDeps } from './checkouts';

const sku = z.string().trim().min(1).max(64);

/** The request body of POST /v1/cart/lines: units to add to the line of this SKU. */
export const addCartLineBody = z.object({ sku, quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY) }).strict();
/** The request body of PUT /v1/cart/lines/:sku: the line's new quantity (0 removes it). */
export const setCartLineBody = z.object({ quantity: z.number().int().min(0).max(MAX_LINE_QUANTITY) }).strict();
/** The path parameters of the /v1/cart/lines/:sku routes. */
export const cartSkuParam = z.object({ sku });
/** The request body of POST /v1/cart/checkout: a checkout whose lines come from the cart. */
export const cartCheckoutBody = createCheckoutBody.omit({ lines: true });

/** The customer's cart (Redis) and its checkout, which starts the same saga as POST /v1/checkouts. */
export function cartRoutes(deps: CheckoutStartDeps & { cart: CartStore; clients: Pick<DomainClients, 'catalog' | 'orders'> }): Router {
  const router = Router();
  const { cart } = deps;

  const products = async (skus: string[]): Promise<Product__Output[]> => {
    if (skus.length === 0) return [];
    const { catalog } = deps.clients;
    const answer = await callUnary<GetProductsRequest, GetProductsResponse__Output>(catalog.getProducts.bind(catalog), { skus });
    return answer.products;
  };
  const view = async (customerId: string): Promise<CartView> => {
    const lines = await cart.lines(customerId);
    return buildCartView(lines, await products(lines.map((l) => l.sku)));
  };
  /** A SKU goes into a cart only while the catalog sells it; one that is withdrawn later is flagged in the view. */
  const requireSellable = async (line: CartLine): Promise<void> => {
    const [product] = await products([line.sku]);
    if (!product?.active) throw new DomainError('PRODUCT_UNAVAILABLE', `product ${line.sku} is not available`, { sku: line.sku });
  };

  router.get('/v1/cart', async (req, res) => {
    res.json(await view(customerOf(req).id));
  });

  router.post('/v1/cart/lines', async (req, res) => {
    const customerId = customerOf(req).id;
    const line = addCartLineBody.parse(req.body ?? {});
    await requireSellable(line);
    await cart.add(customerId, line);
    res.json(await view(customerId));
  });

  router.put('/v1/cart/lines/:sku', async (req, res) => {
    const customerId = customerOf(req).id;
    const { sku: lineSku } = cartSkuParam.parse(req.params);
    const { quantity } = setCartLineBody.parse(req.body ?? {});
    if (quantity > 0) await requireSellable({ sku: lineSku, quantity });
    await cart.set(customerId, { sku: lineSku, quantity });
    res.json(await view(customerId));
  });

  router.delete('/v1/cart/lines/:sku', async (req, res) => {
    const customerId = customerOf(req).id;
    const { sku: lineSku } = cartSkuParam.parse(req.params);
    await cart.remove(customerId, lineSku);
    res.json(await view(customerId));
  });

  router.delete('/v1/cart', async (req, res) => {
    await cart.clear(customerOf(req).id);
    res.status(204).end();
  });

  router.post('/v1/cart/checkout', async (req, res) => {
    const customer = customerOf(req);
    const body = cartCheckoutBody.parse(req.body ?? {});
    const key = checkoutIdempotencyKeyHeader.parse(req.get('Idempotency-Key'));
    const { wait, early } = checkoutPreference(req.get('Prefer'));
    const { orderId, answer } = await cart.withCheckoutLock(customer.id, () =>
      startCheckout(deps, {
        customer,
        details: body,
        lines: async () => {
          const current = await view(customer.id);
          if (current.lines.length === 0) throw new DomainError('CART_EMPTY', 'the cart is empty');
          const unavailable = current.lines.filter((l) => !l.available).map((l) => ({ sku: l.sku, reason: l.unavailableReason }));
          if (unavailable.length > 0) {
            throw new DomainError('PRODUCT_UNAVAILABLE', 'some products in the cart are not available: remove them to check out', { lines: unavailable });
          }
          await checkCoupon(deps.clients.orders, body.couponCode, customer.id);
          return current.lines.map((l) => ({ sku: l.sku, quantity: l.quantity }));
        },
        // The bound body is the request, not the cart: a retry must replay even after the cart was emptied.
        ...(key ? { idempotency: { scope: `cart-checkouts:${customer.id}`, key, body } } : {}),
        // Emptied on acceptance, not on COMPLETED: no second consumer of order events, and a second
        // click cannot order the same lines again; the cost is that a failed checkout does not refill the cart.
        onAccepted: (input) => cart.removeOrdered(customer.id, input.lines),
        // As /v1/checkouts: the wait's update goes with the start (the lock is held until it is accepted).
        ...(wait > 0 ? { awaitStage: { stage: early ? 'payment' : 'outcome', waitSeconds: wait } } : {}),
      }),
    );
    await answerCheckout(deps.temporal, req, res, orderId, answer);
  });

  return router;
}
