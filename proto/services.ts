import * as grpc from '@grpc/grpc-js';
import type { ProtoGrpcType as AnalyticsGrpc } from './generated/analytics';
import type { ProtoGrpcType as CatalogGrpc } from './generated/catalog';
import type { ProtoGrpcType as DeliveryGrpc } from './generated/delivery';
import type { ProtoGrpcType as IdentityGrpc } from './generated/identity';
import type { IdentityServiceClient } from './generated/checkout/identity/v1/IdentityService';
import type { ProtoGrpcType as InventoryGrpc } from './generated/inventory';
import type { ProtoGrpcType as LoyaltyGrpc } from './generated/loyalty';
import type { LoyaltyServiceClient } from './generated/checkout/loyalty/v1/LoyaltyService';
import type { ProtoGrpcType as OrdersGrpc } from './generated/orders';
import type { ProtoGrpcType as PaymentsGrpc } from './generated/payments';
import type { AnalyticsServiceClient } from './generated/checkout/analytics/v1/AnalyticsService';
import type { CatalogServiceClient } from './generated/checkout/catalog/v1/CatalogService';
import type { DeliveryServiceClient } from './generated/checkout/delivery/v1/DeliveryService';
import type { InventoryServiceClient } from './generated/checkout/inventory/v1/InventoryService';
import type { OrdersServiceClient } from './generated/checkout/orders/v1/OrdersService';
import type { PaymentsServiceClient } from './generated/checkout/payments/v1/PaymentsService';
import type { DomainAddresses } from '../lib/config';
import { loadProto } from './load';
import { createPosClient } from './pos-client';

export type { AnalyticsServiceClient, CatalogServiceClient, DeliveryServiceClient, IdentityServiceClient, InventoryServiceClient, OrdersServiceClient, PaymentsServiceClient };

/** Package definitions of the checkout domains (for servers and reflection). */
export const catalogPackageDefinition = loadProto('catalog');
export const inventoryPackageDefinition = loadProto('inventory');
export const ordersPackageDefinition = loadProto('orders');
export const paymentsPackageDefinition = loadProto('payments');
export const deliveryPackageDefinition = loadProto('delivery');
export const identityPackageDefinition = loadProto('identity');
export const loyaltyPackageDefinition = loadProto('loyalty');
export const analyticsPackageDefinition = loadProto('analytics');

export const catalogProto = (grpc.loadPackageDefinition(catalogPackageDefinition) as unknown as CatalogGrpc).checkout.catalog.v1;
export const inventoryProto = (grpc.loadPackageDefinition(inventoryPackageDefinition) as unknown as InventoryGrpc).checkout.inventory.v1;
export const ordersProto = (grpc.loadPackageDefinition(ordersPackageDefinition) as unknown as OrdersGrpc).checkout.orders.v1;
export const paymentsProto = (grpc.loadPackageDefinition(paymentsPackageDefinition) as unknown as PaymentsGrpc).checkout.payments.v1;
export const deliveryProto = (grpc.loadPackageDefinition(deliveryPackageDefinition) as unknown as DeliveryGrpc).checkout.delivery.v1;
export const identityProto = (grpc.loadPackageDefinition(identityPackageDefinition) as unknown as IdentityGrpc).checkout.identity.v1;
export const loyaltyProto = (grpc.loadPackageDefinition(loyaltyPackageDefinition) as unknown as LoyaltyGrpc).checkout.loyalty.v1;
export const analyticsProto = (grpc.loadPackageDefinition(analyticsPackageDefinition) as unknown as AnalyticsGrpc).checkout.analytics.v1;

export type { LoyaltyServiceClient };

const insecure = () => grpc.credentials.createInsecure();

/**
 * Clients of every checkout domain service: all at one address (host:port, the all-in-one process),
 * or each at its own (domainAddresses(config): the domains as separate processes).
 */
export function createDomainClients(addresses: string | Omit<DomainAddresses, 'diagnostics'>) {
  const at = (domain: keyof Omit<DomainAddresses, 'diagnostics'>) => (typeof addresses === 'string' ? addresses : addresses[domain]);
  return {
    catalog: new catalogProto.CatalogService(at('catalog'), insecure()) as CatalogServiceClient,
    inventory: new inventoryProto.InventoryService(at('inventory'), insecure()) as InventoryServiceClient,
    orders: new ordersProto.OrdersService(at('orders'), insecure()) as OrdersServiceClient,
    payments: new paymentsProto.PaymentsService(at('payments'), insecure()) as PaymentsServiceClient,
    delivery: new deliveryProto.DeliveryService(at('delivery'), insecure()) as DeliveryServiceClient,
    identity: new identityProto.IdentityService(at('identity'), insecure()) as IdentityServiceClient,
    loyalty: new loyaltyProto.LoyaltyService(at('loyalty'), insecure()) as LoyaltyServiceClient,
    analytics: new analyticsProto.AnalyticsService(at('analytics'), insecure()) as AnalyticsServiceClient,
    // Point of sale shares the orders schema, so it is served (and addressed) with the orders domain.
    pos: createPosClient(at('orders')),
  };
}

export type DomainClients = ReturnType<typeof createDomainClients>;

/** Closes every client of a createDomainClients() result. */
export function closeDomainClients(clients: DomainClients): void {
  for (const client of Object.values(clients)) client.close();
}

/** A client of the identity service at host:port. */
export function createIdentityClient(address: string): IdentityServiceClient {
  return new identityProto.IdentityService(address, insecure());
}
