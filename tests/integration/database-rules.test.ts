// Rules the database enforces itself, below the application: append-only history and search vectors.
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../prisma/seed/index.ts';
import { withClient } from '../support/db.ts';

describe('the database', () => {
  it('rejects updates and deletes of audit events', async () => {
    await seedDemo(process.env.DATABASE_URL!);
    await withClient(async (client) => {
      const { rows } = await client.query('select id from audit_event limit 1');
      expect(rows).toHaveLength(1);
      await expect(client.query(`update audit_event set action = 'x' where id = $1`, [rows[0].id])).rejects.toThrow(/append-only/);
      await expect(client.query('delete from audit_event')).rejects.toThrow(/append-only/);
      await expect(client.query('truncate audit_event')).rejects.toThrow(/append-only/);
    });
  });

  it('keeps exactly one audit chain head row', async () => {
    await withClient(async (client) => {
      expect((await client.query('select count(*)::int as n from audit_chain_head')).rows[0].n).toBe(1);
      await expect(client.query('delete from audit_chain_head')).rejects.toThrow(/needs its head row/);
      await expect(client.query('truncate audit_chain_head')).rejects.toThrow(/needs its head row/);
      await expect(client.query('insert into audit_chain_head (singleton) values (false)')).rejects.toThrow(/audit_chain_head_singleton/);
      await expect(client.query('insert into audit_chain_head (singleton) values (true)')).rejects.toThrow(/audit_chain_head_pkey/);
    });
  });

  it('lets a progress update be reviewed once and never edited or deleted', async () => {
    await withClient(async (client) => {
      const pending = (await client.query(`select id from progress_update where review_state = 'PENDING' limit 1`)).rows[0];
      const reviewer = (await client.query(`select id from app_user where role = 'ADMIN' limit 1`)).rows[0];
      await expect(client.query(`update progress_update set narrative = 'rewritten' where id = $1`, [pending.id])).rejects.toThrow(
        /cannot be edited/,
      );
      await client.query(`update progress_update set review_state = 'VERIFIED', reviewer_id = $2, reviewed_at = now() where id = $1`, [
        pending.id,
        reviewer.id,
      ]);
      await expect(client.query(`update progress_update set review_state = 'REJECTED' where id = $1`, [pending.id])).rejects.toThrow(
        /already been reviewed/,
      );
      await expect(client.query('delete from progress_update where id = $1', [pending.id])).rejects.toThrow(/never deleted/);
      await expect(client.query(`update evidence set title = 'x'`)).rejects.toThrow(/append-only/);
    });
  });

  it("keeps a full-text vector of each agreement's public text", async () => {
    await withClient(async (client) => {
      const { rows } = await client.query(
        `select slug from agreement where search_vector @@ websearch_to_tsquery('english', 'cargoes Qasim') order by slug`,
      );
      expect(rows.map((row) => row.slug)).toEqual(['lng-supply-socar']);
    });
  });
});

describe('the audit chain under concurrency', () => {
  it('stays one unbroken chain when many transactions append at once', async () => {
    const { createPrismaClient } = await import('../../lib/db-client.ts');
    const { appendAudit } = await import('../../lib/audit/write.ts');
    const { verifyChain } = await import('../../lib/audit/chain.ts');
    const db = createPrismaClient(process.env.DATABASE_URL!);
    try {
      await Promise.all(
        Array.from({ length: 40 }, (_, index) =>
          db.$transaction((tx) =>
            appendAudit(tx, { actorId: null, action: 'test.concurrent', entityType: 'test', entityId: String(index) }),
          ),
        ),
      );
      const events = await db.auditEvent.findMany({ orderBy: { id: 'asc' } });
      expect(verifyChain(events)).toMatchObject({ ok: true, checked: events.length });
    } finally {
      await db.$disconnect();
    }
  });
});
