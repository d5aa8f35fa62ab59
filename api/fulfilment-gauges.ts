import type { Client } from '@temporalio/client';
import { Gauge, type Registry } from 'prom-client';
import { FULFILMENT_WORKFLOW_TYPE } from '../workflows/fulfilment.contract';

/** The visibility query of running fulfilments whose parcel is escalated as stalled (search attribute set by the workflow). */
export const STALLED_PARCELS_QUERY = `WorkflowType = "${FULFILMENT_WORKFLOW_TYPE}" AND ExecutionStatus = "Running" AND OrderStatus = "FULFILMENT_STALLED"`;

/**
 * `fulfilment_parcels_stalled`: running fulfilments whose parcel has had no news for the stall window
 * (the workflow sets OrderStatus=FULFILMENT_STALLED when it raises `order.fulfilment_stalled`, and its
 * next scan clears it). Counted from Temporal's visibility when scraped, as checkout_sagas is: a gauge
 * of what is stalled now, which a counter incremented by the publishing activity could not say (its
 * retries would count twice, and a parcel that moved again would still be counted). A scrape while
 * Temporal is away leaves the last value.
 */
export function registerFulfilmentGauges(registry: Registry, temporal: Client): Gauge {
  const existing = registry.getSingleMetric('fulfilment_parcels_stalled');
  if (existing) return existing as Gauge;
  return new Gauge({
    name: 'fulfilment_parcels_stalled',
    help: 'Running fulfilments whose parcel has had no news for the stall window (escalated, order.fulfilment_stalled raised)',
    registers: [registry],
    async collect() {
      try {
        const { count } = await temporal.workflow.count(STALLED_PARCELS_QUERY);
        this.set(count);
      } catch {
        // Temporal unreachable: keep the previous value rather than failing the whole scrape.
      }
    },
  });
}
