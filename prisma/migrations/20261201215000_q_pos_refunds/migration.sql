-- POS refunds (issue 11 part 2): a completed sale is REFUNDING while its refund workflow runs.
ALTER TABLE "orders"."pos_sales" DROP CONSTRAINT "pos_sales_status_check";
ALTER TABLE "orders"."pos_sales" ADD CONSTRAINT "pos_sales_status_check" CHECK ("status" IN ('PENDING', 'PAID', 'COMPLETED', 'VOIDED', 'REFUNDING', 'REFUNDED'));
