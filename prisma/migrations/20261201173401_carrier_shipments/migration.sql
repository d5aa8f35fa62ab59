-- CreateTable
CREATE TABLE "delivery"."shipments" (
    "id" TEXT NOT NULL,
    "order_id" TEXT NOT NULL,
    "tracking_number" TEXT NOT NULL,
    "postal_code" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "shipments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "delivery"."tracking_events" (
    "id" TEXT NOT NULL,
    "shipment_id" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "detail" TEXT NOT NULL DEFAULT '',
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tracking_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "shipments_tracking_number_key" ON "delivery"."shipments"("tracking_number");

-- CreateIndex
CREATE INDEX "shipments_order_id_idx" ON "delivery"."shipments"("order_id");

-- CreateIndex
CREATE INDEX "tracking_events_shipment_id_occurred_at_idx" ON "delivery"."tracking_events"("shipment_id", "occurred_at");

-- AddForeignKey
ALTER TABLE "delivery"."tracking_events" ADD CONSTRAINT "tracking_events_shipment_id_fkey" FOREIGN KEY ("shipment_id") REFERENCES "delivery"."shipments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The carrier sandbox's statuses (services/delivery/carrier-sandbox.ts).
ALTER TABLE "delivery"."shipments" ADD CONSTRAINT "shipments_status_check" CHECK (status IN ('LABEL_CREATED', 'DISPATCHED', 'OUT_FOR_DELIVERY', 'DELIVERED', 'DELIVERY_FAILED', 'RETURNED'));
ALTER TABLE "delivery"."tracking_events" ADD CONSTRAINT "tracking_events_status_check" CHECK (status IN ('DISPATCHED', 'OUT_FOR_DELIVERY', 'DELIVERED', 'DELIVERY_FAILED', 'RETURNED'));
