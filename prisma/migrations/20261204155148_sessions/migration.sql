-- Failure counters are short-lived; the new progressive rules start from none (lib/auth/throttle.ts).
DELETE FROM "auth_throttle";

-- DropIndex
DROP INDEX "auth_throttle_window_start_idx";

-- AlterTable
ALTER TABLE "auth_throttle" DROP COLUMN "locked_until",
DROP COLUMN "window_start",
ADD COLUMN     "last_failure_at" TIMESTAMPTZ(3) NOT NULL,
ADD COLUMN     "retry_after" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "app_session" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "address" TEXT,
    "user_agent" TEXT,

    CONSTRAINT "app_session_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "app_session_user_id_idx" ON "app_session"("user_id");

-- CreateIndex
CREATE INDEX "app_session_last_seen_at_idx" ON "app_session"("last_seen_at");

-- CreateIndex
CREATE INDEX "auth_throttle_last_failure_at_idx" ON "auth_throttle"("last_failure_at");

-- AddForeignKey
ALTER TABLE "app_session" ADD CONSTRAINT "app_session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
