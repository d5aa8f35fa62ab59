-- Consumption tax class per SKU (catalog prices include tax), the demo teas are food: reduced rate.
ALTER TABLE "catalog"."products" ADD COLUMN "tax_class" TEXT NOT NULL DEFAULT 'standard';
ALTER TABLE "catalog"."products" ADD CONSTRAINT "products_tax_class_check" CHECK ("tax_class" IN ('standard', 'reduced'));
UPDATE "catalog"."products" SET "tax_class" = 'reduced' WHERE "sku" LIKE 'TEA-%';

-- Delivery fee per zone and its free-shipping threshold.
ALTER TABLE "delivery"."zones" ADD COLUMN "fee_minor" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "free_shipping_threshold_minor" INTEGER;
ALTER TABLE "delivery"."zones" ADD CONSTRAINT "zones_fee_check" CHECK ("fee_minor" >= 0 AND ("free_shipping_threshold_minor" IS NULL OR "free_shipping_threshold_minor" >= 0));

-- What an order was charged: coupon, delivery fee, tax per rate, per line its rate and tax.
ALTER TABLE "orders"."orders" ADD COLUMN "coupon_code" TEXT,
  ADD COLUMN "coupon_discount_minor" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "delivery_fee_minor" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "tax_totals" JSONB NOT NULL DEFAULT '[]';
ALTER TABLE "orders"."orders" ADD CONSTRAINT "orders_coupon_fee_check" CHECK ("coupon_discount_minor" >= 0 AND "delivery_fee_minor" >= 0);
ALTER TABLE "orders"."order_lines" ADD COLUMN "tax_rate_percent" INTEGER NOT NULL DEFAULT 10,
  ADD COLUMN "tax_minor" INTEGER NOT NULL DEFAULT 0;

CREATE TABLE "orders"."coupons" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "value" INTEGER NOT NULL,
    "min_order_minor" INTEGER NOT NULL DEFAULT 0,
    "usage_limit" INTEGER,
    "per_customer_limit" INTEGER,
    "valid_from" TIMESTAMPTZ(3),
    "valid_to" TIMESTAMPTZ(3),
    "disabled_at" TIMESTAMPTZ(3),
    "redeemed_count" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "coupons_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "coupons_kind_check" CHECK (("kind" = 'PERCENT' AND "value" BETWEEN 1 AND 100) OR ("kind" = 'FIXED' AND "value" >= 1)),
    CONSTRAINT "coupons_limits_check" CHECK ("min_order_minor" >= 0 AND ("usage_limit" IS NULL OR "usage_limit" >= 1)
      AND ("per_customer_limit" IS NULL OR "per_customer_limit" >= 1)),
    CONSTRAINT "coupons_redeemed_check" CHECK ("redeemed_count" >= 0 AND ("usage_limit" IS NULL OR "redeemed_count" <= "usage_limit"))
);
CREATE UNIQUE INDEX "coupons_code_key" ON "orders"."coupons"("code");

CREATE TABLE "orders"."coupon_redemptions" (
    "order_id" TEXT NOT NULL,
    "coupon_id" TEXT,
    "customer_id" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "coupon_redemptions_pkey" PRIMARY KEY ("order_id"),
    CONSTRAINT "coupon_redemptions_status_check" CHECK ("status" IN ('REDEEMED', 'RESTORED') AND ("coupon_id" IS NOT NULL OR "status" = 'RESTORED'))
);
CREATE INDEX "coupon_redemptions_coupon_id_customer_id_idx" ON "orders"."coupon_redemptions"("coupon_id", "customer_id");
