-- Point of sale: sales, each merchant's ledger and its daily settlements (hand-written, these tables only).

-- CreateTable
CREATE TABLE "orders"."pos_sales" (
    "id" TEXT NOT NULL,
    "merchant_id" TEXT,
    "cashier_id" TEXT,
    "status" TEXT NOT NULL,
    "lines" JSONB NOT NULL DEFAULT '[]',
    "total_minor" BIGINT NOT NULL DEFAULT 0,
    "currency" CHAR(3) NOT NULL DEFAULT 'JPY',
    "payment_method" TEXT NOT NULL DEFAULT '',
    "payment_id" TEXT NOT NULL DEFAULT '',
    "tendered_minor" BIGINT NOT NULL DEFAULT 0,
    "fee_minor" BIGINT NOT NULL DEFAULT 0,
    "business_date" DATE NOT NULL DEFAULT ((now() AT TIME ZONE 'Asia/Tokyo'::text))::date,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completed_at" TIMESTAMPTZ(3),

    CONSTRAINT "pos_sales_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "pos_sales_status_check" CHECK ("status" IN ('PENDING', 'PAID', 'COMPLETED', 'VOIDED', 'REFUNDED')),
    CONSTRAINT "pos_sales_total_check" CHECK ("total_minor" >= 0)
);

-- CreateTable
CREATE TABLE "orders"."merchant_ledger" (
    "id" BIGSERIAL NOT NULL,
    "merchant_id" TEXT NOT NULL,
    "sale_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL DEFAULT 'JPY',
    "business_date" DATE NOT NULL DEFAULT ((now() AT TIME ZONE 'Asia/Tokyo'::text))::date,
    "settled_on" DATE,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "merchant_ledger_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "merchant_ledger_kind_check" CHECK ("kind" IN ('SALE_PAID', 'REFUND', 'FEE'))
);

-- CreateTable
CREATE TABLE "orders"."merchant_settlements" (
    "merchant_id" TEXT NOT NULL,
    "business_date" DATE NOT NULL,
    "paid_minor" BIGINT NOT NULL,
    "refunded_minor" BIGINT NOT NULL,
    "fees_minor" BIGINT NOT NULL,
    "net_minor" BIGINT NOT NULL,
    "entries" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL DEFAULT 'JPY',
    "settled_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "merchant_settlements_pkey" PRIMARY KEY ("merchant_id","business_date")
);

-- CreateIndex
CREATE INDEX "pos_sales_merchant_id_created_at_idx" ON "orders"."pos_sales"("merchant_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "merchant_ledger_sale_id_kind_key" ON "orders"."merchant_ledger"("sale_id", "kind");

-- CreateIndex
CREATE INDEX "merchant_ledger_merchant_id_settled_on_idx" ON "orders"."merchant_ledger"("merchant_id", "settled_on");
