-- Left by an undo (FAILED or CANCELLED) of an order id that does not exist yet: a late CreateOrder of that id is refused
CREATE TABLE "orders"."order_tombstones" (
    "order_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "order_tombstones_pkey" PRIMARY KEY ("order_id")
);
