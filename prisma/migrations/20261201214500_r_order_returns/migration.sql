-- Returns of part of an order (issue 11 part 3): what came back, per line, and the money it refunds.
-- Written by hand (helper R): only these two tables.
CREATE TABLE "orders"."order_returns" (
    "id" TEXT NOT NULL,
    "order_id" TEXT NOT NULL,
    -- RECORDED (refund under way), REFUNDED (money back, goods restocked), CANCELLED (the refund was refused: undone).
    "status" TEXT NOT NULL DEFAULT 'RECORDED',
    "amount_minor" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "reason" TEXT,
    "idempotency_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "order_returns_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "order_returns_status_check" CHECK ("status" IN ('RECORDED', 'REFUNDED', 'CANCELLED')),
    CONSTRAINT "order_returns_amount_check" CHECK ("amount_minor" >= 0),
    CONSTRAINT "order_returns_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"."orders"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "order_returns_idempotency_key_key" ON "orders"."order_returns"("idempotency_key");
CREATE INDEX "order_returns_order_id_idx" ON "orders"."order_returns"("order_id");

CREATE TABLE "orders"."order_return_lines" (
    "return_id" TEXT NOT NULL,
    "sku" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "amount_minor" INTEGER NOT NULL,
    CONSTRAINT "order_return_lines_pkey" PRIMARY KEY ("return_id", "sku"),
    CONSTRAINT "order_return_lines_quantity_check" CHECK ("quantity" >= 1 AND "amount_minor" >= 0),
    CONSTRAINT "order_return_lines_return_id_fkey" FOREIGN KEY ("return_id") REFERENCES "orders"."order_returns"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
