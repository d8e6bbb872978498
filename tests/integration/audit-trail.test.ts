import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChainAction } from '../../app/(signed-in)/admin/audit/actions.ts';
import { appendAudit } from '../../lib/audit/write.ts';
import { AUDIT_PAGE_SIZE, listAuditEvents, parseAuditFilters } from '../../lib/data/admin/audit.ts';
import { submit } from '../support/actions.ts';
import { adminViewer } from '../support/admin.ts';
import { actAs, createUser, testDb } from '../support/auth.ts';
import { withClient } from '../support/db.ts';

const db = testDb();

function auditVerify() {
  const result = spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/audit-verify.ts'], {
    env: process.env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

let actorId: string;

beforeAll(async () => {
  actorId = (await createUser({ role: 'ADMIN', twoFactor: true })).id;
  // 120 events over three days: agreement edits by the admin, then sign-ins by the system.
  await db.$transaction(
    async (tx) => {
      for (let index = 0; index < 120; index++) {
        const day = `2026-03-0${1 + Math.floor(index / 40)}`;
        await appendAudit(
          tx,
          {
            actorId: index < 60 ? actorId : null,
            action: index < 60 ? 'agreement.update' : 'auth.sign-in-failed',
            entityType: index < 60 ? 'agreement' : 'user',
            entityId: index % 2 ? 'entity-odd' : 'entity-even',
            before: { title: `Title ${index}` },
            after: { title: `Title ${index + 1}` },
          },
          new Date(`${day}T10:${String(index % 60).padStart(2, '0')}:00Z`),
        );
      }
    },
    { timeout: 60_000 },
  );
});

describe('the audit log', () => {
  it('lists events newest first, 50 to a page, filtered by actor, entity, action and date range from the URL', async () => {
    const viewer = await adminViewer();
    const all = await listAuditEvents(viewer, parseAuditFilters({}));
    expect(all.total).toBe(120);
    expect(all.events).toHaveLength(AUDIT_PAGE_SIZE);
    expect(all.pageCount).toBe(3);
    expect(Number(all.events[0]!.id)).toBeGreaterThan(Number(all.events[1]!.id));
    expect((await listAuditEvents(viewer, parseAuditFilters({ page: '3' }))).events).toHaveLength(20);

    const mine = await listAuditEvents(viewer, parseAuditFilters({ actor: actorId, entityId: 'entity-odd' }));
    expect(mine.total).toBe(30);
    expect(mine.events[0]).toMatchObject({ action: 'agreement.update', actor: { id: actorId } });
    expect(
      (await listAuditEvents(viewer, parseAuditFilters({ actor: 'system', action: 'auth.sign-in-failed', entityType: 'user' }))).total,
    ).toBe(60);
    // Inclusive calendar days: 40 events on each of March 2 and 3.
    expect((await listAuditEvents(viewer, parseAuditFilters({ from: '2026-03-02', to: '2026-03-03' }))).total).toBe(80);
    // Nonsense in the URL is ignored, never an error.
    expect(parseAuditFilters({ actor: "x' or 1=1", from: '2026-02-30', page: '-4' })).toEqual({ page: 1 } as never);
  });

  it('verifies an intact chain, then reports the first row altered outside the app, from the page and from npm run audit:verify', async () => {
    await actAs(await createUser({ role: 'ADMIN', twoFactor: true }));
    const count = await db.auditEvent.count();
    expect(await submit(verifyAuditChainAction, {})).toEqual({ status: 'success', message: 'chain-ok', data: { checked: count } });
    expect(auditVerify()).toMatchObject({ status: 0, stdout: `OK: ${count} events` });

    const victim = await db.auditEvent.findFirstOrThrow({ where: { before: { equals: { title: 'Title 70' } } }, select: { id: true } });
    // "Outside the app": straight SQL, with the append-only trigger switched off.
    await withClient(async (client) => {
      await client.query('alter table audit_event disable trigger audit_event_append_only');
      await client.query(`update audit_event set after = '{"title":"Forged"}' where id = $1`, [victim.id]);
      await client.query('alter table audit_event enable trigger audit_event_append_only');
    });
    expect(await submit(verifyAuditChainAction, {})).toMatchObject({
      status: 'error',
      error: 'chain-broken',
      current: { ok: false, brokenAtId: String(victim.id), reason: 'content' },
    });
    const script = auditVerify();
    expect(script.status).toBe(1);
    expect(script.stdout).toBe(
      `BROKEN at event ${victim.id}: its content does not match its hash (altered outside the app); ${Number(victim.id) - 1} events before it verified`,
    );
  });

  it('reports a removed event as a broken link at the event after it', async () => {
    const next = await db.auditEvent.findFirstOrThrow({ where: { before: { equals: { title: 'Title 3' } } }, select: { id: true } });
    await withClient(async (client) => {
      await client.query('alter table audit_event disable trigger audit_event_append_only');
      await client.query('delete from audit_event where id = $1', [next.id - 1n]);
      await client.query('alter table audit_event enable trigger audit_event_append_only');
    });
    const script = auditVerify();
    expect(script.status).toBe(1);
    expect(script.stdout).toMatch(new RegExp(`^BROKEN at event ${next.id}: it does not link to the event before it`));
  });
});
