-- ---------------------------------------------------------------------------------------------
-- Hand-written below this line: behaviour the Prisma schema cannot express. The schema-equivalence
-- test compares tables, columns, constraints and indexes; these triggers are checked separately.
-- ---------------------------------------------------------------------------------------------

-- The audit chain head is one row for good: without it no event can be appended, and a write that
-- appends its event in the same statement as its change (lib/data/progress.ts) relies on that.
CREATE FUNCTION keep_audit_chain_head() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% on audit_chain_head is not allowed: the audit chain needs its head row', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER audit_chain_head_kept BEFORE DELETE ON "audit_chain_head"
  FOR EACH ROW EXECUTE FUNCTION keep_audit_chain_head();
CREATE TRIGGER audit_chain_head_no_truncate BEFORE TRUNCATE ON "audit_chain_head"
  FOR EACH STATEMENT EXECUTE FUNCTION keep_audit_chain_head();
