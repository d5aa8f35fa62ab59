-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "analytics";

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "diagnostics";

-- CreateTable
CREATE TABLE "diagnostics"."pings" (
    "ping_id" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "pings_pkey" PRIMARY KEY ("ping_id")
);

-- CreateTable
CREATE TABLE "analytics"."processed_events" (
    "consumer" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "processed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "processed_events_pkey" PRIMARY KEY ("consumer","event_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "pings_idempotency_key_key" ON "diagnostics"."pings"("idempotency_key");

-- CreateIndex
CREATE INDEX "processed_events_type_occurred_at_idx" ON "analytics"."processed_events"("type", "occurred_at");
