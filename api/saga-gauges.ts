import type { Client } from '@temporalio/client';
import { Gauge, type Registry } from 'prom-client';
import { DEFAULT_SLIP_EXPIRY_SECONDS, type CheckoutState } from '../workflows/checkout.contract';
import { registerFulfilmentGauges } from './fulfilment-gauges';

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
  registerOverdueSlips(registry, temporal);
  // Stalled parcels are counted from the same visibility, on the same scrape.
  registerFulfilmentGauges(registry, temporal);
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

/** A slip not closed an hour after it should have expired: its expiry timer did not end the saga. */
const OVERDUE_GRACE_SECONDS = 60 * 60;

/**
 * `checkout_slips_overdue`: running checkouts still AWAITING_PAYMENT longer than a slip is payable
 * (the default expiry, 3 days, plus an hour) since they started. The saga's own timer should have
 * closed them (paid, or expired and undone); one that did not is stuck somewhere an alert must show.
 * Checkouts started with a shorter slipExpirySeconds show here only after the default expiry.
 */
function registerOverdueSlips(registry: Registry, temporal: Client): Gauge {
  return new Gauge({
    name: 'checkout_slips_overdue',
    help: 'Running checkouts still awaiting a slip payment longer than a slip is payable (default expiry + 1 h) since they started',
    registers: [registry],
    async collect() {
      const before = new Date(Date.now() - (DEFAULT_SLIP_EXPIRY_SECONDS + OVERDUE_GRACE_SECONDS) * 1000).toISOString();
      try {
        const { count } = await temporal.workflow.count(
          `WorkflowType = "checkoutWorkflow" AND ExecutionStatus = "Running" AND OrderStatus = "AWAITING_PAYMENT" AND StartTime < "${before}"`,
        );
        this.set(count);
      } catch {
        // Temporal unreachable: keep the previous value rather than failing the whole scrape.
      }
    },
  });
}
