-- A Release of an unknown booking id leaves a tombstone: a RELEASED booking without slot.
-- AlterTable
ALTER TABLE "delivery"."bookings" ALTER COLUMN "slot_id" DROP NOT NULL;

-- Loyalty: REVOKE entries take back what a refunded order earned, with what could not be taken.
-- AlterTable
ALTER TABLE "loyalty"."ledger_entries" ADD COLUMN     "unrecovered_points" INTEGER NOT NULL DEFAULT 0;

-- A day's revenue of one SKU can pass 2^31 yen.
-- AlterTable
ALTER TABLE "analytics"."daily_sales" ALTER COLUMN "revenue_minor" SET DATA TYPE BIGINT;


-- Constraints Prisma cannot express (IF EXISTS: new-migration.sh replays migrations without their CHECKs).
ALTER TABLE "delivery"."bookings" ADD CONSTRAINT "bookings_slot_unless_tombstone" CHECK ("slot_id" IS NOT NULL OR ("status" = 'RELEASED' AND "order_id" = ''));
ALTER TABLE "loyalty"."ledger_entries" DROP CONSTRAINT IF EXISTS "ledger_entries_kind_known";
ALTER TABLE "loyalty"."ledger_entries" ADD CONSTRAINT "ledger_entries_kind_known" CHECK ("kind" IN ('EARN', 'REDEEM', 'RESTORE', 'REVOKE'));
ALTER TABLE "loyalty"."ledger_entries" DROP CONSTRAINT IF EXISTS "ledger_entries_points_sign";
ALTER TABLE "loyalty"."ledger_entries" ADD CONSTRAINT "ledger_entries_points_sign" CHECK (("kind" = 'EARN' AND "points" > 0) OR ("kind" = 'REDEEM' AND "points" < 0) OR ("kind" = 'RESTORE' AND "points" >= 0) OR ("kind" = 'REVOKE' AND "points" <= 0));
ALTER TABLE "loyalty"."ledger_entries" ADD CONSTRAINT "ledger_entries_unrecovered_only_revoke" CHECK ("unrecovered_points" >= 0 AND ("unrecovered_points" = 0 OR "kind" = 'REVOKE'));
