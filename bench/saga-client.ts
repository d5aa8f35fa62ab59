import type { Client } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { checkoutWorkflowId, type CheckoutResult } from '../workflows/checkout.contract';
import { BENCH_POSTAL_CODE } from './fixtures';

/** How a checkout ended, as the REST api (or, after a long wait, the workflow) answered. */
export interface CheckoutOutcome {
  orderId: string;
  state: string;
  failureCode?: string;
}

interface CheckoutView {
  orderId?: string;
  state?: string;
  payment?: { accepted?: string };
  failure?: { code?: string };
  error?: { code?: string; message?: string };
}

/**
 * Customers of the bench shop talking to the platform's REST api, as a storefront would. Each
 * checkout is a customer of its own (a token with its own subject), as in a real sale: the api's
 * per-customer limits (RATE_LIMIT_CHECKOUT a minute) are then never what is measured.
 */
export class SagaClient {
  private customers = 0;
  /** Requests answered 503 or 409 and sent again (with the same Idempotency-Key). */
  retries = 0;
  /** Orders of the checkouts that completed: each started a fulfilment, which parks for days (ended by the bench at its end). */
  readonly completed: string[] = [];

  constructor(
    private readonly api: string,
    /** Signs an access token for a bench customer id. */
    private readonly tokenFor: (customerId: string) => string,
    private readonly run: string,
    private readonly temporal: Client,
  ) {}

  private newCustomerToken(): string {
    this.customers += 1;
    return this.tokenFor(`bench-${this.run}-${this.customers}`);
  }

  private body(sku: string, slotId: string, payment: 'card' | 'konbini'): string {
    return JSON.stringify({
      lines: [{ sku, quantity: 1 }],
      address: { name: 'Bench Customer', postalCode: BENCH_POSTAL_CODE, prefecture: 'Tokyo', city: 'Bench', line1: '1-1' },
      payment: payment === 'card' ? { type: 'card', cardToken: 'tok_visa' } : { type: 'konbini' },
      deliverySlotId: slotId,
    });
  }

  /**
   * POSTs as a storefront does: a 503 (a dependency briefly unavailable, e.g. Temporal overloaded) or
   * a 409 of a checkout (its first attempt still in flight) is retried with the same Idempotency-Key, which finds
   * the same checkout rather than starting another, after Retry-After (1 s when absent), up to 10 times.
   */
  private async post(token: string, path: string, body: string, prefer?: string): Promise<{ status: number; view: CheckoutView }> {
    const key = randomUUID();
    for (let attempt = 1; ; attempt += 1) {
      const res = await fetch(`${this.api}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          'Idempotency-Key': key,
          ...(prefer ? { Prefer: prefer } : {}),
        },
        body,
      });
      const view = (await res.json()) as CheckoutView;
      const retryable = res.status === 503 || (res.status === 409 && path === '/v1/checkouts');
      if (!retryable || attempt === 10) return { status: res.status, view };
      this.retries += 1;
      await delay(Math.min(Number(res.headers.get('retry-after')) || 1, 5) * 1000);
    }
  }

  /**
   * A card checkout with `Prefer: wait=30`, timed by the caller until its outcome. When the api
   * answers 202 (still running after 30 s, under heavy load) the outcome is awaited from Temporal.
   */
  async checkout(sku: string, slotId: string): Promise<CheckoutOutcome> {
    const { status, view } = await this.post(this.newCustomerToken(), '/v1/checkouts', this.body(sku, slotId, 'card'), 'wait=30');
    if (!view.orderId) throw new Error(`POST /v1/checkouts answered ${status} ${JSON.stringify(view.error ?? view)}`);
    const outcome: CheckoutOutcome =
      status === 200
        ? { orderId: view.orderId, state: view.state ?? 'UNKNOWN', ...(view.failure?.code ? { failureCode: view.failure.code } : {}) }
        : await this.temporal.workflow
            .getHandle<() => Promise<CheckoutResult>>(checkoutWorkflowId(view.orderId))
            .result()
            .then((result) => ({ orderId: view.orderId!, state: result.outcome, ...(result.failure?.code ? { failureCode: result.failure.code } : {}) }));
    if (outcome.state === 'COMPLETED') this.completed.push(outcome.orderId);
    return outcome;
  }

  /**
   * A card checkout with the early answer (`Prefer: wait=30, until=payment`): resolves when the api
   * answered that the card was charged; `finished` resolves when the saga behind it completed.
   */
  async checkoutEarly(sku: string, slotId: string): Promise<{ orderId: string; finished: Promise<CheckoutOutcome> }> {
    const { status, view } = await this.post(this.newCustomerToken(), '/v1/checkouts', this.body(sku, slotId, 'card'), 'wait=30, until=payment');
    if (!view.orderId) throw new Error(`POST /v1/checkouts answered ${status} ${JSON.stringify(view.error ?? view)}`);
    if (status !== 200 || view.payment?.accepted !== 'CHARGED') throw new Error(`early answer of ${view.orderId}: ${status} ${view.state} ${view.failure?.code ?? ''}`);
    const orderId = view.orderId;
    const finished = this.temporal.workflow
      .getHandle<() => Promise<CheckoutResult>>(checkoutWorkflowId(orderId))
      .result()
      .then((r) => {
        if (r.outcome === 'COMPLETED') this.completed.push(orderId);
        return { orderId, state: r.outcome, ...(r.failure?.code ? { failureCode: r.failure.code } : {}) };
      });
    return { orderId, finished };
  }

  /** Starts a konbini checkout (answered 202 at once) and waits until it awaits its payment. */
  async parkKonbini(sku: string, slotId: string, timeoutMs = 60_000): Promise<{ orderId: string; token: string }> {
    const token = this.newCustomerToken();
    const { status, view } = await this.post(token, '/v1/checkouts', this.body(sku, slotId, 'konbini'));
    if (!view.orderId) throw new Error(`POST /v1/checkouts answered ${status} ${JSON.stringify(view.error ?? view)}`);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const res = await fetch(`${this.api}/v1/orders/${view.orderId}`, { headers: { authorization: `Bearer ${token}` } });
      const order = (await res.json()) as CheckoutView;
      if (order.state === 'AWAITING_PAYMENT') return { orderId: view.orderId, token };
      if (order.state && ['FAILED', 'CANCELLED', 'COMPLETED'].includes(order.state)) throw new Error(`konbini checkout ended ${order.state} before awaiting payment`);
      if (Date.now() > deadline) throw new Error(`konbini checkout ${view.orderId} not awaiting payment after ${timeoutMs} ms (${order.state ?? res.status})`);
      await delay(100);
    }
  }

  /** Cancels a parked checkout for its customer (the saga undoes its steps); resolves once it is CANCELLED. */
  async cancel(parked: { orderId: string; token: string }): Promise<void> {
    const { orderId } = parked;
    const { status, view } = await this.post(parked.token, `/v1/orders/${orderId}/cancel`, JSON.stringify({ reason: 'bench done' }));
    if (view.state !== 'CANCELLED') throw new Error(`cancel of ${orderId} answered ${status} ${JSON.stringify(view.error ?? view.state)}`);
  }
}
