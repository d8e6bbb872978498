-- CreateTable
CREATE TABLE "audit_chain_head" (
    "singleton" BOOLEAN NOT NULL DEFAULT true,
    "prev_hash" TEXT,
    "hash" TEXT,

    CONSTRAINT "audit_chain_head_pkey" PRIMARY KEY ("singleton")
);

-- One row only, starting at the end of the chain as it stands.
ALTER TABLE "audit_chain_head" ADD CONSTRAINT "audit_chain_head_singleton" CHECK ("singleton");
INSERT INTO "audit_chain_head" ("singleton", "prev_hash", "hash")
SELECT true, "prev_hash", "hash" FROM (SELECT "prev_hash", "hash" FROM "audit_event" ORDER BY "id" DESC LIMIT 1) AS last
UNION ALL SELECT true, NULL, NULL WHERE NOT EXISTS (SELECT 1 FROM "audit_event");
