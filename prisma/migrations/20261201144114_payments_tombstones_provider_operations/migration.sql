-- Tombstones of Refund / Void of unknown payment ids, and the sandbox provider's own records.

-- CreateTable
CREATE TABLE "payments"."tombstones" (
    "payment_id" TEXT NOT NULL,
    "undone_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tombstones_pkey" PRIMARY KEY ("payment_id")
);

-- CreateTable
CREATE TABLE "payments"."sandbox_provider_operations" (
    "idempotency_key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "payment_id" TEXT NOT NULL,
    "amount_minor" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "refund_of" TEXT,
    "response" JSONB,
    "transient_failures" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sandbox_provider_operations_pkey" PRIMARY KEY ("idempotency_key")
);

-- CreateIndex
CREATE INDEX "sandbox_provider_operations_payment_id_idx" ON "payments"."sandbox_provider_operations"("payment_id");

-- CreateIndex
CREATE INDEX "sandbox_provider_operations_refund_of_idx" ON "payments"."sandbox_provider_operations"("refund_of");
