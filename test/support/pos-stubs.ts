import type { Activities } from '../../activities';
import type { PosSaleInput } from '../../workflows/pos-sale.contract';

type Stubbed = Partial<Record<keyof Activities, (input: never) => Promise<unknown>>>;
type Call = { name: keyof Activities; input: unknown };

/** The undos of the POS saga, as activity names. */
const UNDOS = ['releaseStock', 'voidSale', 'refundPayment', 'recordSaleRefund'];

const line = { sku: 'TEA-1', name: 'Tea', quantity: 2, unitPriceMinor: 1200, lineTotalMinor: 2400 };
const sale = {
  saleId: 's',
  merchantId: 'merchant-1',
  cashierId: 'cashier-1',
  status: 'PENDING',
  lines: [line],
  totalMinor: 2400,
  currency: 'JPY',
  paymentMethod: 'card',
  paymentId: '',
  tenderedMinor: 0,
  changeMinor: 0,
  feeMinor: 0,
  createdAt: '2026-12-01T03:00:00.000Z',
  completedAt: '',
  businessDate: '2026-12-01',
};

/**
 * Stub activities of the POS saga and the settlement workflow that record every call; `overrides`
 * replace single activities. `undone()` lists the undos in the order they ran.
 */
export function posStubs(overrides: Stubbed = {}) {
  const calls: Call[] = [];
  const reservation = { reservationId: 's', orderId: 's', status: 'RESERVED', lines: [], expiresAt: '' };
  const base: Stubbed = {
    reserveStock: async () => reservation,
    releaseStock: async () => ({ ...reservation, status: 'RELEASED' }),
    commitStock: async () => ({ ...reservation, status: 'COMMITTED' }),
    recordSale: async () => sale,
    voidSale: async () => ({ ...sale, status: 'VOIDED' }),
    chargeCard: async () => ({ paymentId: 'pos-s', orderId: 's', method: 'card', status: 'SUCCEEDED', amountMinor: 2400, currency: 'JPY', slipNumber: '', expiresAt: '', providerReference: 'sbx_1' }),
    refundPayment: async () => ({ paymentId: 'pos-s', status: 'REFUNDED' }),
    recordSalePayment: async (input: { tenderedMinor: number }) => ({ ...sale, status: 'PAID', tenderedMinor: input.tenderedMinor || 2400, changeMinor: input.tenderedMinor ? input.tenderedMinor - 2400 : 0 }),
    recordSaleRefund: async () => ({ ...sale, status: 'REFUNDED' }),
    completeSale: async () => ({ ...sale, status: 'COMPLETED', completedAt: '2026-12-01T03:00:01.000Z' }),
    settleMerchantsDay: async () => ({ settlements: [] }),
    publishEvent: async () => undefined,
  };
  const activities = Object.fromEntries(
    Object.entries({ ...base, ...overrides }).map(([name, fn]) => [
      name,
      async (input: unknown) => {
        calls.push({ name: name as keyof Activities, input });
        return (fn as (i: unknown) => Promise<unknown>)(input);
      },
    ]),
  ) as unknown as Activities;
  const names = () => calls.map((c) => c.name);
  const undone = () => names().filter((n) => UNDOS.includes(n));
  return { activities, calls, names, undone };
}

/** A sale of two units at merchant-1's counter, paid as asked (a card by default). */
export const posSaleInput = (saleId: string, payment: PosSaleInput['payment'] = { type: 'card', cardToken: 'tok_visa' }): PosSaleInput => ({
  saleId,
  merchantId: 'merchant-1',
  cashierId: 'cashier-1',
  lines: [{ sku: 'TEA-1', quantity: 2 }],
  payment,
});
