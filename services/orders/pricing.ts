import { DomainError } from '../../lib/errors';
import type { PricedOrder } from './order-input';

/**
 * What a Japanese shop charges on top of the catalog prices, which include consumption tax (総額表示):
 * a coupon off the goods, the zone's delivery fee (waived from a threshold), and the tax contained in
 * the total stated per rate, as an invoice (適格請求書) must: one rounding (floor) per rate per order.
 */

export const TAX_CLASSES = ['standard', 'reduced'] as const;
export type TaxClass = (typeof TAX_CLASSES)[number];
/** 10 % standard, 8 % reduced (food and drink other than alcohol and eating in). */
export const TAX_RATE_PERCENT: Record<TaxClass, number> = { standard: 10, reduced: 8 };
/** The delivery fee is a service: always taxed at the standard rate. */
const DELIVERY_FEE_RATE_PERCENT = TAX_RATE_PERCENT.standard;

/** The rate of a catalog tax class; a product written before tax classes existed (empty) is standard. */
export function taxRateOf(taxClass: string): number {
  return taxClass === 'reduced' ? TAX_RATE_PERCENT.reduced : TAX_RATE_PERCENT.standard;
}

/** The tax contained in a tax-inclusive amount, floored: amount × rate / (100 + rate). */
export function includedTax(amountMinor: number, ratePercent: number): number {
  return Math.floor((amountMinor * ratePercent) / (100 + ratePercent));
}

export interface CouponTerms {
  code: string;
  kind: 'PERCENT' | 'FIXED';
  value: number;
  minOrderMinor: number;
}

/**
 * Yen a coupon takes off the goods subtotal: PERCENT floors (the shop never gives a fraction of a yen
 * more), FIXED is its value. Never the whole subtotal: at least 1 yen of goods is paid, because a
 * payment of 0 cannot be charged or issued. Below the coupon's minimum order: COUPON_MIN_ORDER_NOT_MET.
 */
export function couponDiscount(terms: CouponTerms, goodsMinor: number): number {
  if (goodsMinor < terms.minOrderMinor) {
    throw new DomainError('COUPON_MIN_ORDER_NOT_MET', `coupon ${terms.code} needs an order of at least ${terms.minOrderMinor} (goods ${goodsMinor})`, {
      code: terms.code,
      minOrderMinor: terms.minOrderMinor,
      subtotalMinor: goodsMinor,
    });
  }
  const raw = terms.kind === 'PERCENT' ? Math.floor((goodsMinor * terms.value) / 100) : terms.value;
  return Math.max(0, Math.min(raw, goodsMinor - 1));
}

export interface DeliveryFeeTerms {
  feeMinor: number;
  /** null: never waived. */
  freeShippingThresholdMinor: number | null;
}

/** The zone's fee, waived when the goods (after the coupon) reach its threshold: at it counts as reached. */
export function deliveryFee(zone: DeliveryFeeTerms, goodsAfterCouponMinor: number): number {
  if (zone.freeShippingThresholdMinor !== null && goodsAfterCouponMinor >= zone.freeShippingThresholdMinor) return 0;
  return zone.feeMinor;
}

/**
 * Spreads a discount over amounts in proportion (floored), the remainder going to the largest amount
 * (the higher rate on a tie), so the parts add up to the discount exactly and no part exceeds its amount.
 */
export function allocateDiscount(amounts: readonly { ratePercent: number; amountMinor: number }[], discountMinor: number): Map<number, number> {
  const total = amounts.reduce((sum, a) => sum + a.amountMinor, 0);
  const parts = new Map<number, number>(amounts.map((a) => [a.ratePercent, total === 0 ? 0 : Math.floor((discountMinor * a.amountMinor) / total)]));
  const largest = [...amounts].sort((a, b) => b.amountMinor - a.amountMinor || b.ratePercent - a.ratePercent)[0];
  if (largest) parts.set(largest.ratePercent, parts.get(largest.ratePercent)! + discountMinor - [...parts.values()].reduce((s, p) => s + p, 0));
  return parts;
}

export interface TaxTotal {
  ratePercent: number;
  /** Tax-inclusive amount at this rate. */
  taxableMinor: number;
  taxMinor: number;
}

export interface ChargedOrder extends PricedOrder {
  couponCode: string | null;
  couponDiscountMinor: number;
  deliveryFeeMinor: number;
  taxTotals: TaxTotal[];
}

/**
 * Prices what an order charges from its priced lines (each with its tax rate): subtotal − coupon +
 * delivery fee = total (loyalty points are taken off after, as a means of payment: they change what
 * is paid, not the tax). Tax per rate: the coupon is spread over the rates in proportion to the goods
 * at each, the fee is added at 10 %, then each rate's tax is floored once.
 */
export function chargeOrder(priced: PricedOrder, options: { coupon?: CouponTerms; zone: DeliveryFeeTerms }): ChargedOrder {
  const goodsMinor = priced.subtotalMinor;
  const couponDiscountMinor = options.coupon ? couponDiscount(options.coupon, goodsMinor) : 0;
  const deliveryFeeMinor = deliveryFee(options.zone, goodsMinor - couponDiscountMinor);

  const goodsByRate = new Map<number, number>();
  for (const line of priced.lines) goodsByRate.set(line.taxRatePercent, (goodsByRate.get(line.taxRatePercent) ?? 0) + line.lineTotalMinor);
  const amounts = [...goodsByRate].map(([ratePercent, amountMinor]) => ({ ratePercent, amountMinor }));
  const discountByRate = allocateDiscount(amounts, couponDiscountMinor);
  const taxable = new Map(amounts.map((a) => [a.ratePercent, a.amountMinor - discountByRate.get(a.ratePercent)!]));
  if (deliveryFeeMinor > 0) taxable.set(DELIVERY_FEE_RATE_PERCENT, (taxable.get(DELIVERY_FEE_RATE_PERCENT) ?? 0) + deliveryFeeMinor);
  const taxTotals = [...taxable]
    .sort(([a], [b]) => b - a)
    .map(([ratePercent, taxableMinor]) => ({ ratePercent, taxableMinor, taxMinor: includedTax(taxableMinor, ratePercent) }));

  return {
    ...priced,
    couponCode: options.coupon?.code ?? null,
    couponDiscountMinor,
    deliveryFeeMinor,
    taxTotals,
    totalMinor: goodsMinor - couponDiscountMinor + deliveryFeeMinor,
  };
}
