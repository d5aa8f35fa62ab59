-- AlterTable
ALTER TABLE "catalog"."products" ADD COLUMN     "attributes" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "product_id" TEXT;

-- CreateTable
CREATE TABLE "catalog"."merchants" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "merchants_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "catalog"."merchant_cashiers" (
    "user_id" TEXT NOT NULL,
    "merchant_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "merchant_cashiers_pkey" PRIMARY KEY ("user_id")
);

-- CreateTable
CREATE TABLE "catalog"."categories" (
    "id" TEXT NOT NULL,
    "parent_id" TEXT,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "categories_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "catalog"."product_families" (
    "id" TEXT NOT NULL,
    "merchant_id" TEXT NOT NULL,
    "category_id" TEXT,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "image_urls" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "product_families_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "merchant_cashiers_merchant_id_idx" ON "catalog"."merchant_cashiers"("merchant_id");

-- CreateIndex
CREATE UNIQUE INDEX "categories_slug_key" ON "catalog"."categories"("slug");

-- CreateIndex
CREATE INDEX "categories_parent_id_idx" ON "catalog"."categories"("parent_id");

-- CreateIndex
CREATE INDEX "product_families_merchant_id_idx" ON "catalog"."product_families"("merchant_id");

-- CreateIndex
CREATE INDEX "product_families_category_id_idx" ON "catalog"."product_families"("category_id");

-- CreateIndex
CREATE INDEX "products_product_id_idx" ON "catalog"."products"("product_id");

-- AddForeignKey
ALTER TABLE "catalog"."products" ADD CONSTRAINT "products_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "catalog"."product_families"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "catalog"."merchant_cashiers" ADD CONSTRAINT "merchant_cashiers_merchant_id_fkey" FOREIGN KEY ("merchant_id") REFERENCES "catalog"."merchants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "catalog"."categories" ADD CONSTRAINT "categories_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "catalog"."categories"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "catalog"."product_families" ADD CONSTRAINT "product_families_merchant_id_fkey" FOREIGN KEY ("merchant_id") REFERENCES "catalog"."merchants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "catalog"."product_families" ADD CONSTRAINT "product_families_category_id_fkey" FOREIGN KEY ("category_id") REFERENCES "catalog"."categories"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Hand-written: CHECK constraints (scripts/new-migration.sh strips these lines before diffing).
ALTER TABLE "catalog"."categories" ADD CONSTRAINT "categories_not_own_parent" CHECK ("parent_id" <> "id");
ALTER TABLE "catalog"."categories" ADD CONSTRAINT "categories_slug_format" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$');
ALTER TABLE "catalog"."products" ADD CONSTRAINT "products_attributes_object" CHECK (jsonb_typeof("attributes") = 'object');

-- prisma-ignore-begin
-- Full-text search, which Prisma cannot express: a generated tsvector (name weight A, description B)
-- and its GIN index. The 'simple' configuration neither stems nor drops stop words, so Japanese and
-- English text are tokenised alike. scripts/new-migration.sh strips this block before diffing.
ALTER TABLE "catalog"."product_families" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('simple', coalesce("name", '')), 'A') || setweight(to_tsvector('simple', coalesce("description", '')), 'B')
) STORED;
CREATE INDEX "product_families_search_vector_idx" ON "catalog"."product_families" USING GIN ("search_vector");
-- prisma-ignore-end
