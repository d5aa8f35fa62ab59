import type { EventPublisher } from '../lib/kafka';
import type { DiagnosticsServiceClient } from '../proto/diagnostics';
import type { DomainClients } from '../proto/services';
import { createCouponActivities } from './coupons.activities';
import { createDeliveryActivities } from './delivery.activities';
import { createDiagnosticsActivities } from './diagnostics.activities';
import { createEventActivities } from './events.activities';
import { createFulfilmentActivities } from './fulfilment.activities';
import { createInventoryActivities } from './inventory.activities';
import { createLoyaltyActivities } from './loyalty.activities';
import { createOrdersActivities } from './orders.activities';
import { createPaymentsActivities } from './payments.activities';
import { createPosActivities } from './pos.activities';
import { createReturnActivities } from './returns.activities';

/** The clients activities call; real ones in the worker, fakes in unit tests. */
export interface ActivityDeps extends Omit<DomainClients, 'catalog'> {
  diagnostics: DiagnosticsServiceClient;
  publisher: EventPublisher;
}

/** Every activity the Temporal worker registers. */
export function createActivities(deps: ActivityDeps) {
  return {
    ...createDiagnosticsActivities(deps),
    ...createEventActivities(deps),
    ...createInventoryActivities(deps),
    ...createLoyaltyActivities(deps),
    ...createCouponActivities(deps),
    ...createOrdersActivities(deps),
    ...createPaymentsActivities(deps),
    ...createPosActivities(deps),
    ...createDeliveryActivities(deps),
    ...createFulfilmentActivities(deps),
    ...createReturnActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
