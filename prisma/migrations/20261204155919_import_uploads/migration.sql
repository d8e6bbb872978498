-- CreateTable
CREATE TABLE "import_upload" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "agreements" TEXT NOT NULL DEFAULT '',
    "milestones" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "import_upload_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "import_upload_user_id_idx" ON "import_upload"("user_id");

-- CreateIndex
CREATE INDEX "import_upload_created_at_idx" ON "import_upload"("created_at");

-- AddForeignKey
ALTER TABLE "import_upload" ADD CONSTRAINT "import_upload_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
