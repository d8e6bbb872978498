-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateEnum
CREATE TYPE "PartyKind" AS ENUM ('STATE', 'GOVERNMENT_BODY', 'STATE_COMPANY', 'COMPANY', 'UNIVERSITY');

-- CreateEnum
CREATE TYPE "AgreementKind" AS ENUM ('MOU', 'AGREEMENT', 'TREATY', 'PROTOCOL', 'CONTRACT', 'LETTER_OF_INTENT', 'JOINT_DECLARATION', 'PROGRAMME');

-- CreateEnum
CREATE TYPE "LifecycleStatus" AS ENUM ('PROPOSED', 'UNDER_NEGOTIATION', 'SIGNED', 'IN_FORCE', 'COMPLETED', 'SUSPENDED', 'TERMINATED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "PublicationState" AS ENUM ('DRAFT', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "PartyRole" AS ENUM ('SIGNATORY', 'IMPLEMENTING', 'FUNDING', 'OBSERVER');

-- CreateEnum
CREATE TYPE "SourceDocumentKind" AS ENUM ('AGREEMENT_TEXT', 'OFFICIAL_STATEMENT', 'PRESS_RELEASE', 'NEWS_REPORT', 'GAZETTE', 'OTHER');

-- CreateEnum
CREATE TYPE "MilestoneKind" AS ENUM ('ONE_OFF', 'RECURRING', 'TARGET');

-- CreateEnum
CREATE TYPE "RecurrenceFrequency" AS ENUM ('WEEKLY', 'MONTHLY', 'QUARTERLY', 'SEMIANNUAL', 'ANNUAL');

-- CreateEnum
CREATE TYPE "ProgressStatus" AS ENUM ('NOT_STARTED', 'IN_PROGRESS', 'ACHIEVED', 'DELAYED', 'STALLED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ReviewState" AS ENUM ('PENDING', 'VERIFIED', 'REJECTED');

-- CreateEnum
CREATE TYPE "EvidenceKind" AS ENUM ('OFFICIAL_STATEMENT', 'DOCUMENT', 'NEWS_REPORT', 'DATASET', 'SITE_VISIT');

-- CreateEnum
CREATE TYPE "UserRole" AS ENUM ('ADMIN', 'ANALYST');

-- CreateTable
CREATE TABLE "party" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "short_name" TEXT,
    "kind" "PartyKind" NOT NULL,
    "country_code" VARCHAR(2) NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "website" TEXT,
    "merged_into_id" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "archived_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "party_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sector" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL DEFAULT 0,
    "merged_into_id" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "archived_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sector_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "agreement" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "kind" "AgreementKind" NOT NULL,
    "status" "LifecycleStatus" NOT NULL,
    "signed_on" DATE,
    "effective_on" DATE,
    "expires_on" DATE,
    "summary" TEXT NOT NULL DEFAULT '',
    "publication" "PublicationState" NOT NULL DEFAULT 'DRAFT',
    "published_at" TIMESTAMPTZ(3),
    "score" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "scored_at" TIMESTAMPTZ(3),
    "search_text" TEXT NOT NULL DEFAULT '',
    "search_vector" tsvector,
    "version" INTEGER NOT NULL DEFAULT 1,
    "archived_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "agreement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "agreement_sector" (
    "agreement_id" UUID NOT NULL,
    "sector_id" UUID NOT NULL,

    CONSTRAINT "agreement_sector_pkey" PRIMARY KEY ("agreement_id","sector_id")
);

-- CreateTable
CREATE TABLE "agreement_party" (
    "agreement_id" UUID NOT NULL,
    "party_id" UUID NOT NULL,
    "role" "PartyRole" NOT NULL,

    CONSTRAINT "agreement_party_pkey" PRIMARY KEY ("agreement_id","party_id","role")
);

-- CreateTable
CREATE TABLE "source_document" (
    "id" UUID NOT NULL,
    "agreement_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "kind" "SourceDocumentKind" NOT NULL,
    "published_on" DATE,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "source_document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "milestone" (
    "id" UUID NOT NULL,
    "agreement_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "clause_ref" TEXT,
    "clause_excerpt" TEXT,
    "responsible_party_id" UUID,
    "due_on" DATE,
    "weight" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "position" INTEGER NOT NULL DEFAULT 0,
    "kind" "MilestoneKind" NOT NULL DEFAULT 'ONE_OFF',
    "frequency" "RecurrenceFrequency",
    "quantity_per_period" DOUBLE PRECISION,
    "unit" TEXT,
    "starts_on" DATE,
    "ends_on" DATE,
    "baseline" DOUBLE PRECISION,
    "target" DOUBLE PRECISION,
    "score" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "status" "ProgressStatus" NOT NULL DEFAULT 'NOT_STARTED',
    "last_observed_on" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "archived_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "milestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "progress_update" (
    "id" UUID NOT NULL,
    "milestone_id" UUID NOT NULL,
    "agreement_id" UUID NOT NULL,
    "author_id" UUID NOT NULL,
    "author_side_id" UUID,
    "observed_on" DATE NOT NULL,
    "status" "ProgressStatus" NOT NULL,
    "progress" DOUBLE PRECISION,
    "quantity" DOUBLE PRECISION,
    "actual_value" DOUBLE PRECISION,
    "narrative" TEXT NOT NULL DEFAULT '',
    "supersedes_id" UUID,
    "correction_reason" TEXT,
    "review_state" "ReviewState" NOT NULL DEFAULT 'PENDING',
    "reviewer_id" UUID,
    "reviewed_at" TIMESTAMPTZ(3),
    "review_note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "progress_update_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "evidence" (
    "id" UUID NOT NULL,
    "update_id" UUID NOT NULL,
    "url" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "publisher" TEXT,
    "published_on" DATE,
    "kind" "EvidenceKind" NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "UserRole" NOT NULL,
    "party_id" UUID,
    "password_hash" TEXT,
    "password_changed_at" TIMESTAMPTZ(3),
    "active" BOOLEAN NOT NULL DEFAULT true,
    "session_version" INTEGER NOT NULL DEFAULT 1,
    "totp_secret" TEXT,
    "totp_enabled_at" TIMESTAMPTZ(3),
    "totp_last_step" BIGINT,
    "last_sign_in_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "recovery_code" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "code_hash" TEXT NOT NULL,
    "used_at" TIMESTAMPTZ(3),

    CONSTRAINT "recovery_code_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "password_token" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "password_token_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "assignment" (
    "user_id" UUID NOT NULL,
    "agreement_id" UUID NOT NULL,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "assignment_pkey" PRIMARY KEY ("user_id","agreement_id")
);

-- CreateTable
CREATE TABLE "audit_event" (
    "id" BIGSERIAL NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "actor_id" UUID,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "ip" TEXT,
    "prev_hash" TEXT,
    "hash" TEXT NOT NULL,

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "auth_throttle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "locked_until" TIMESTAMPTZ(3),

    CONSTRAINT "auth_throttle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "agreement_score_month" (
    "agreement_id" UUID NOT NULL,
    "month" DATE NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "agreement_score_month_pkey" PRIMARY KEY ("agreement_id","month")
);

-- CreateTable
CREATE TABLE "setting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "setting_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "party_merged_into_id_idx" ON "party"("merged_into_id");

-- CreateIndex
CREATE INDEX "party_country_code_idx" ON "party"("country_code");

-- CreateIndex
CREATE UNIQUE INDEX "party_slug_key" ON "party"("slug") WHERE (archived_at IS NULL);

-- CreateIndex
CREATE INDEX "sector_merged_into_id_idx" ON "sector"("merged_into_id");

-- CreateIndex
CREATE UNIQUE INDEX "sector_slug_key" ON "sector"("slug") WHERE (archived_at IS NULL);

-- CreateIndex
CREATE INDEX "agreement_publication_archived_at_status_idx" ON "agreement"("publication", "archived_at", "status");

-- CreateIndex
CREATE INDEX "agreement_kind_idx" ON "agreement"("kind");

-- CreateIndex
CREATE INDEX "agreement_signed_on_idx" ON "agreement"("signed_on");

-- CreateIndex
CREATE INDEX "agreement_score_idx" ON "agreement"("score");

-- CreateIndex
CREATE INDEX "agreement_title_idx" ON "agreement"("title");

-- CreateIndex
CREATE INDEX "agreement_search_text_idx" ON "agreement" USING GIN ("search_text" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "agreement_search_vector_idx" ON "agreement" USING GIN ("search_vector");

-- CreateIndex
CREATE UNIQUE INDEX "agreement_slug_key" ON "agreement"("slug") WHERE (archived_at IS NULL);

-- CreateIndex
CREATE INDEX "agreement_sector_sector_id_idx" ON "agreement_sector"("sector_id");

-- CreateIndex
CREATE INDEX "agreement_party_party_id_idx" ON "agreement_party"("party_id");

-- CreateIndex
CREATE INDEX "source_document_agreement_id_position_idx" ON "source_document"("agreement_id", "position");

-- CreateIndex
CREATE INDEX "milestone_agreement_id_position_idx" ON "milestone"("agreement_id", "position");

-- CreateIndex
CREATE INDEX "milestone_responsible_party_id_idx" ON "milestone"("responsible_party_id");

-- CreateIndex
CREATE INDEX "milestone_due_on_idx" ON "milestone"("due_on");

-- CreateIndex
CREATE INDEX "progress_update_milestone_id_review_state_observed_on_idx" ON "progress_update"("milestone_id", "review_state", "observed_on");

-- CreateIndex
CREATE INDEX "progress_update_agreement_id_review_state_idx" ON "progress_update"("agreement_id", "review_state");

-- CreateIndex
CREATE INDEX "progress_update_review_state_reviewed_at_idx" ON "progress_update"("review_state", "reviewed_at");

-- CreateIndex
CREATE INDEX "progress_update_author_id_review_state_idx" ON "progress_update"("author_id", "review_state");

-- CreateIndex
CREATE INDEX "progress_update_author_side_id_idx" ON "progress_update"("author_side_id");

-- CreateIndex
CREATE INDEX "progress_update_reviewer_id_idx" ON "progress_update"("reviewer_id");

-- CreateIndex
CREATE INDEX "progress_update_supersedes_id_idx" ON "progress_update"("supersedes_id");

-- CreateIndex
CREATE INDEX "evidence_update_id_position_idx" ON "evidence"("update_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_email_key" ON "app_user"("email");

-- CreateIndex
CREATE INDEX "app_user_party_id_idx" ON "app_user"("party_id");

-- CreateIndex
CREATE INDEX "app_user_role_active_idx" ON "app_user"("role", "active");

-- CreateIndex
CREATE INDEX "recovery_code_user_id_idx" ON "recovery_code"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "password_token_token_hash_key" ON "password_token"("token_hash");

-- CreateIndex
CREATE INDEX "password_token_user_id_idx" ON "password_token"("user_id");

-- CreateIndex
CREATE INDEX "password_token_created_by_id_idx" ON "password_token"("created_by_id");

-- CreateIndex
CREATE INDEX "assignment_agreement_id_idx" ON "assignment"("agreement_id");

-- CreateIndex
CREATE INDEX "assignment_created_by_id_idx" ON "assignment"("created_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "audit_event_hash_key" ON "audit_event"("hash");

-- CreateIndex
CREATE INDEX "audit_event_entity_type_entity_id_idx" ON "audit_event"("entity_type", "entity_id");

-- CreateIndex
CREATE INDEX "audit_event_actor_id_idx" ON "audit_event"("actor_id");

-- CreateIndex
CREATE INDEX "audit_event_action_idx" ON "audit_event"("action");

-- CreateIndex
CREATE INDEX "audit_event_occurred_at_idx" ON "audit_event"("occurred_at");

-- CreateIndex
CREATE INDEX "auth_throttle_window_start_idx" ON "auth_throttle"("window_start");

-- CreateIndex
CREATE INDEX "agreement_score_month_month_idx" ON "agreement_score_month"("month");

-- AddForeignKey
ALTER TABLE "party" ADD CONSTRAINT "party_merged_into_id_fkey" FOREIGN KEY ("merged_into_id") REFERENCES "party"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sector" ADD CONSTRAINT "sector_merged_into_id_fkey" FOREIGN KEY ("merged_into_id") REFERENCES "sector"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agreement_sector" ADD CONSTRAINT "agreement_sector_agreement_id_fkey" FOREIGN KEY ("agreement_id") REFERENCES "agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agreement_sector" ADD CONSTRAINT "agreement_sector_sector_id_fkey" FOREIGN KEY ("sector_id") REFERENCES "sector"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agreement_party" ADD CONSTRAINT "agreement_party_agreement_id_fkey" FOREIGN KEY ("agreement_id") REFERENCES "agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agreement_party" ADD CONSTRAINT "agreement_party_party_id_fkey" FOREIGN KEY ("party_id") REFERENCES "party"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "source_document" ADD CONSTRAINT "source_document_agreement_id_fkey" FOREIGN KEY ("agreement_id") REFERENCES "agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "milestone" ADD CONSTRAINT "milestone_agreement_id_fkey" FOREIGN KEY ("agreement_id") REFERENCES "agreement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "milestone" ADD CONSTRAINT "milestone_responsible_party_id_fkey" FOREIGN KEY ("responsible_party_id") REFERENCES "party"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "progress_update" ADD CONSTRAINT "progress_update_milestone_id_fkey" FOREIGN KEY ("milestone_id") REFERENCES "milestone"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "progress_update" ADD CONSTRAINT "progress_update_agreement_id_fkey" FOREIGN KEY ("agreement_id") REFERENCES "agreement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "progress_update" ADD CONSTRAINT "progress_update_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "progress_update" ADD CONSTRAINT "progress_update_author_side_id_fkey" FOREIGN KEY ("author_side_id") REFERENCES "party"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "progress_update" ADD CONSTRAINT "progress_update_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "progress_update" ADD CONSTRAINT "progress_update_supersedes_id_fkey" FOREIGN KEY ("supersedes_id") REFERENCES "progress_update"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_update_id_fkey" FOREIGN KEY ("update_id") REFERENCES "progress_update"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_party_id_fkey" FOREIGN KEY ("party_id") REFERENCES "party"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recovery_code" ADD CONSTRAINT "recovery_code_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "password_token" ADD CONSTRAINT "password_token_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "password_token" ADD CONSTRAINT "password_token_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assignment" ADD CONSTRAINT "assignment_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assignment" ADD CONSTRAINT "assignment_agreement_id_fkey" FOREIGN KEY ("agreement_id") REFERENCES "agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assignment" ADD CONSTRAINT "assignment_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agreement_score_month" ADD CONSTRAINT "agreement_score_month_agreement_id_fkey" FOREIGN KEY ("agreement_id") REFERENCES "agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Hand-written below this line: behaviour the Prisma schema cannot express. The schema-equivalence
-- test compares tables, columns, constraints and indexes; these triggers are checked separately.
-- ---------------------------------------------------------------------------------------------

-- History is never edited: audit events and evidence items are append-only.
CREATE FUNCTION reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% on % is not allowed: the table is append-only', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON "audit_event"
  FOR EACH ROW EXECUTE FUNCTION reject_change();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON "audit_event"
  FOR EACH STATEMENT EXECUTE FUNCTION reject_change();
CREATE TRIGGER evidence_append_only BEFORE UPDATE OR DELETE ON "evidence"
  FOR EACH ROW EXECUTE FUNCTION reject_change();

-- A progress update is written once; afterwards only its review (once, from PENDING) and the side
-- it reports for (when parties are merged) may change. Corrections are new rows.
CREATE FUNCTION progress_update_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'progress updates are never deleted' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF (NEW.milestone_id, NEW.agreement_id, NEW.author_id, NEW.observed_on, NEW.status, NEW.progress,
      NEW.quantity, NEW.actual_value, NEW.narrative, NEW.supersedes_id, NEW.correction_reason, NEW.created_at)
     IS DISTINCT FROM
     (OLD.milestone_id, OLD.agreement_id, OLD.author_id, OLD.observed_on, OLD.status, OLD.progress,
      OLD.quantity, OLD.actual_value, OLD.narrative, OLD.supersedes_id, OLD.correction_reason, OLD.created_at) THEN
    RAISE EXCEPTION 'progress update % cannot be edited; record a correction instead', OLD.id
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.review_state <> 'PENDING' AND
     (NEW.review_state, NEW.reviewer_id, NEW.reviewed_at, NEW.review_note)
     IS DISTINCT FROM (OLD.review_state, OLD.reviewer_id, OLD.reviewed_at, OLD.review_note) THEN
    RAISE EXCEPTION 'progress update % has already been reviewed', OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER progress_update_guard BEFORE UPDATE OR DELETE ON "progress_update"
  FOR EACH ROW EXECUTE FUNCTION progress_update_guard();

-- Full-text search over public text only (search_text is maintained by the application).
CREATE FUNCTION agreement_search_vector_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_vector :=
    setweight(to_tsvector('english', coalesce(NEW.title, '')), 'A') ||
    setweight(to_tsvector('english', coalesce(NEW.search_text, '')), 'B');
  RETURN NEW;
END $$;

CREATE TRIGGER agreement_search_vector BEFORE INSERT OR UPDATE OF title, search_text ON "agreement"
  FOR EACH ROW EXECUTE FUNCTION agreement_search_vector_refresh();
