-- A storefront account's settings (GET/PUT /v1/me/preferences). No row means the defaults.
CREATE TABLE "identity"."user_preferences" (
    "user_id" TEXT NOT NULL,
    "language" TEXT NOT NULL DEFAULT 'ja',
    "marketing_emails" BOOLEAN NOT NULL DEFAULT false,
    "default_address_id" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "user_preferences_pkey" PRIMARY KEY ("user_id")
);

CREATE INDEX "user_preferences_default_address_id_idx" ON "identity"."user_preferences"("default_address_id");

ALTER TABLE "identity"."user_preferences" ADD CONSTRAINT "user_preferences_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "identity"."users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "identity"."user_preferences" ADD CONSTRAINT "user_preferences_default_address_id_fkey" FOREIGN KEY ("default_address_id") REFERENCES "identity"."addresses"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Constraints Prisma cannot express: the languages the storefront and the emails speak.
ALTER TABLE "identity"."user_preferences" ADD CONSTRAINT "user_preferences_language_check" CHECK ("language" IN ('ja', 'en'));
