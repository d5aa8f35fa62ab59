-- A merchant or cashier account's merchant (issued in its access token as claim `mid`).
ALTER TABLE "identity"."users" ADD COLUMN "merchant_id" TEXT;
CREATE INDEX "users_merchant_id_idx" ON "identity"."users"("merchant_id");
