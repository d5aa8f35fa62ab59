-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "loyalty";

-- AlterTable
ALTER TABLE "orders"."orders" ADD COLUMN     "points_discount_minor" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "loyalty"."accounts" (
    "customer_id" TEXT NOT NULL,
    "balance" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "accounts_pkey" PRIMARY KEY ("customer_id")
);

-- CreateTable
CREATE TABLE "loyalty"."ledger_entries" (
    "id" SERIAL NOT NULL,
    "customer_id" TEXT NOT NULL,
    "order_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ledger_entries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "loyalty"."idempotency_keys" (
    "key" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "response" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "ledger_entries_customer_id_at_idx" ON "loyalty"."ledger_entries"("customer_id", "at");

-- CreateIndex
CREATE UNIQUE INDEX "ledger_entries_order_id_kind_key" ON "loyalty"."ledger_entries"("order_id", "kind");

-- AddForeignKey
ALTER TABLE "loyalty"."ledger_entries" ADD CONSTRAINT "ledger_entries_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "loyalty"."accounts"("customer_id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Constraints Prisma cannot express.
ALTER TABLE "orders"."orders" ADD CONSTRAINT "orders_points_discount_in_range" CHECK ("points_discount_minor" >= 0 AND "points_discount_minor" <= "subtotal_minor");
ALTER TABLE "loyalty"."accounts" ADD CONSTRAINT "accounts_balance_not_negative" CHECK ("balance" >= 0);
ALTER TABLE "loyalty"."ledger_entries" ADD CONSTRAINT "ledger_entries_kind_known" CHECK ("kind" IN ('EARN', 'REDEEM', 'RESTORE'));
ALTER TABLE "loyalty"."ledger_entries" ADD CONSTRAINT "ledger_entries_points_sign" CHECK (("kind" = 'EARN' AND "points" > 0) OR ("kind" = 'REDEEM' AND "points" < 0) OR ("kind" = 'RESTORE' AND "points" >= 0));
