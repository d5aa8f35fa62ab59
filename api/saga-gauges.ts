import type { Client } from '@temporalio/client';
import { Gauge, type Registry } from 'prom-client';
import type { CheckoutState } from '../workflows/checkout.contract';

/** Saga states an operator or an alert watches: undos waiting for a person, and slips waiting for money. */
const WATCHED: CheckoutState[] = ['COMPENSATION_STUCK', 'AWAITING_PAYMENT'];

/**
 * `checkout_sagas{state}`: how many running checkouts are in each watched state, counted from
 * Temporal's visibility (search attribute OrderStatus) when scraped. A stuck undo shows here (and so
 * in alerts) without anyone opening the Web UI. A scrape while Temporal is away leaves the last value.
 */
export function registerSagaGauges(registry: Registry, temporal: Client): Gauge<'state'> {
  const existing = registry.getSingleMetric('checkout_sagas');
  if (existing) return existing as Gauge<'state'>;
  return new Gauge({
    name: 'checkout_sagas',
    help: 'Running checkout sagas by watched state (COMPENSATION_STUCK: an undo waits for an operator)',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      await Promise.all(
        WATCHED.map(async (state) => {
          try {
            const { count } = await temporal.workflow.count(`WorkflowType = "checkoutWorkflow" AND ExecutionStatus = "Running" AND OrderStatus = "${state}"`);
            this.set({ state }, count);
          } catch {
            // Temporal unreachable: keep the previous value rather than failing the whole scrape.
          }
        }),
      );
    },
  });
}
