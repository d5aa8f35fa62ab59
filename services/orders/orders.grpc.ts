import type * as grpc from '@grpc/grpc-js';
import { unary, type ServiceRegistration } from '../../lib/grpc';
import { ordersPackageDefinition, ordersProto } from '../../proto/services';
import type { OrdersServiceHandlers } from '../../proto/generated/checkout/orders/v1/OrdersService';
import type { ServiceDeps } from '../registry';
import { CouponsService } from './coupons';
import { OrdersService } from './orders.service';
import { PriceCache } from './price-cache';
import { ReturnsService } from './returns';

/**
 * The orders service as a gRPC registration (it prices orders through the catalog client). `prices`:
 * the catalog answers' cache, by default one on `deps.redis` with the production bounds.
 */
export function ordersRegistration(deps: ServiceDeps, prices: PriceCache = new PriceCache(deps.redis, deps.logger)): ServiceRegistration {
  const service = new OrdersService(deps.prisma, deps.clients.catalog, deps.clients.delivery, undefined, prices);
  const coupons = new CouponsService(deps.prisma);
  const returns = new ReturnsService(deps.prisma);
  const handlers: OrdersServiceHandlers = {
    CreateOrder: unary('orders.CreateOrder', (r, context) => service.createOrder(r, context), deps),
    TransitionOrder: unary('orders.TransitionOrder', (r, context) => service.transitionOrder(r, context), deps),
    GetOrder: unary('orders.GetOrder', (r) => service.getOrder(r), deps),
    ListOrders: unary('orders.ListOrders', (r) => service.listOrders(r), deps),
    RedeemCoupon: unary('orders.RedeemCoupon', (r, context) => coupons.redeem(r, context), deps),
    RestoreCoupon: unary('orders.RestoreCoupon', (r, context) => coupons.restore(r, context), deps),
    CheckCoupon: unary('orders.CheckCoupon', (r) => coupons.check(r), deps),
    CreateCoupon: unary('orders.CreateCoupon', (r) => coupons.create(r), deps),
    ListCoupons: unary('orders.ListCoupons', async () => ({ coupons: await coupons.list() }), deps),
    DisableCoupon: unary('orders.DisableCoupon', (r) => coupons.disable(r), deps),
    RecordReturn: unary('orders.RecordReturn', (r, context) => returns.recordReturn(r, context), deps),
    CancelReturn: unary('orders.CancelReturn', (r, context) => returns.cancelReturn(r, context), deps),
    CompleteReturn: unary('orders.CompleteReturn', (r, context) => returns.completeReturn(r, context), deps),
    ListReturns: unary('orders.ListReturns', async (r) => ({ returns: await returns.listReturns(r) }), deps),
  };
  return {
    name: 'checkout.orders.v1.OrdersService',
    definition: ordersProto.OrdersService.service,
    implementation: handlers as grpc.UntypedServiceImplementation,
    packageDefinition: ordersPackageDefinition,
  };
}
