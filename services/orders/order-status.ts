/** Every status an order can be in. */
export const ORDER_STATUSES = ['PENDING', 'AWAITING_PAYMENT', 'PAID', 'CONFIRMED', 'FAILED', 'CANCELLED', 'REFUNDED'] as const;

export type OrderStatus = (typeof ORDER_STATUSES)[number];

/**
 * The declared transition table, the only place that says which status may follow which.
 * FAILED, CANCELLED and REFUNDED are final: they lead nowhere.
 */
export const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  PENDING: ['AWAITING_PAYMENT', 'PAID', 'FAILED', 'CANCELLED'],
  AWAITING_PAYMENT: ['PAID', 'FAILED', 'CANCELLED'],
  PAID: ['CONFIRMED', 'FAILED', 'CANCELLED'],
  CONFIRMED: ['REFUNDED', 'CANCELLED'],
  FAILED: [],
  CANCELLED: [],
  REFUNDED: [],
};

/** Whether a string names an order status. */
export function isOrderStatus(value: string): value is OrderStatus {
  return (ORDER_STATUSES as readonly string[]).includes(value);
}

/** Whether the table allows moving an order from `from` to `to` (staying put is not a transition). */
export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return ORDER_TRANSITIONS[from].includes(to);
}

/**
 * Whether an order in this status had its checkout undone (FAILED or CANCELLED by the saga's
 * compensation, REFUNDED after completion): a forward call for it must never answer success again.
 * CONFIRMED is not: a reset of a completed checkout still replays its successes.
 */
export function isUndoneStatus(status: string | undefined): status is 'FAILED' | 'CANCELLED' | 'REFUNDED' {
  return status === 'FAILED' || status === 'CANCELLED' || status === 'REFUNDED';
}

/** Whether moving to this status is a forward step of the checkout (as opposed to one of its undos). */
export function isForwardStatus(status: string): boolean {
  return status === 'AWAITING_PAYMENT' || status === 'PAID' || status === 'CONFIRMED';
}

/** Whether no transition leads out of this status. */
export function isFinalStatus(status: OrderStatus): boolean {
  return ORDER_TRANSITIONS[status].length === 0;
}
