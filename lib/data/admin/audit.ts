import 'server-only';
import { verifyStoredChain } from '../../audit/verify.ts';
import { authorizeUser } from '../../auth/authorize.ts';
import type { Viewer } from '../../auth/session.ts';
import { getDb } from '../../db.ts';
import { addDays, fromIsoDate, isIsoDate } from '../../dates.ts';
import { isUuid } from '../../validation/ids.ts';
import type { Prisma } from '../../generated/prisma/client.ts';

export const AUDIT_PAGE_SIZE = 50;

export interface AuditFilters {
  actor?: string;
  entityType?: string;
  entityId?: string;
  action?: string;
  /** Inclusive calendar days (UTC), YYYY-MM-DD. */
  from?: string;
  to?: string;
  page: number;
}

/** Filters from the URL; anything malformed is dropped rather than failing the page. */
export function parseAuditFilters(params: Record<string, string | string[] | undefined>): AuditFilters {
  const text = (name: string) => {
    const value = params[name];
    return typeof value === 'string' && value.trim() ? value.trim().slice(0, 200) : undefined;
  };
  const day = (name: string) => {
    const value = text(name);
    return value && isIsoDate(value) ? value : undefined;
  };
  const actor = text('actor');
  const page = Number(text('page') ?? 1);
  return {
    actor: actor && (isUuid(actor) || actor === 'system') ? actor : undefined,
    entityType: text('entityType'),
    entityId: text('entityId'),
    action: text('action'),
    from: day('from'),
    to: day('to'),
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

function whereOf(filters: AuditFilters): Prisma.AuditEventWhereInput {
  return {
    ...(filters.actor ? { actorId: filters.actor === 'system' ? null : filters.actor } : {}),
    ...(filters.entityType ? { entityType: filters.entityType } : {}),
    ...(filters.entityId ? { entityId: filters.entityId } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.from || filters.to
      ? {
          occurredAt: {
            ...(filters.from ? { gte: fromIsoDate(filters.from) } : {}),
            ...(filters.to ? { lt: fromIsoDate(addDays(filters.to, 1)) } : {}),
          },
        }
      : {}),
  };
}

/** One page of events, newest first, with the names of their actors. */
export async function listAuditEvents(viewer: Viewer, filters: AuditFilters) {
  await authorizeUser(viewer, 'audit:read');
  const db = getDb();
  const where = whereOf(filters);
  const [total, events] = await Promise.all([
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({
      where,
      orderBy: { id: 'desc' },
      skip: (filters.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: {
        id: true,
        occurredAt: true,
        actorId: true,
        action: true,
        entityType: true,
        entityId: true,
        before: true,
        after: true,
        ip: true,
      },
    }),
  ]);
  const actorIds = [...new Set(events.map((event) => event.actorId).filter((id): id is string => id !== null))];
  const actors = await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true, email: true } });
  const byId = new Map(actors.map((actor) => [actor.id, actor]));
  return {
    total,
    pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    events: events.map((event) => ({ ...event, id: event.id.toString(), actor: event.actorId ? (byId.get(event.actorId) ?? null) : null })),
  };
}

/** The choices the filter form offers: every actor, entity type and action in the trail. */
export async function auditFilterOptions(viewer: Viewer) {
  await authorizeUser(viewer, 'audit:read');
  const db = getDb();
  const [types, actions, users] = await Promise.all([
    db.auditEvent.findMany({ distinct: ['entityType'], select: { entityType: true }, orderBy: { entityType: 'asc' } }),
    db.auditEvent.findMany({ distinct: ['action'], select: { action: true }, orderBy: { action: 'asc' } }),
    db.user.findMany({ select: { id: true, name: true, email: true }, orderBy: [{ name: 'asc' }, { id: 'asc' }] }),
  ]);
  return {
    entityTypes: types.map((row) => row.entityType),
    actions: actions.map((row) => row.action),
    actors: users.map((user) => ({ value: user.id, label: `${user.name} (${user.email})` })),
  };
}

export async function verifyAuditTrail(viewer: Viewer) {
  await authorizeUser(viewer, 'audit:read');
  return verifyStoredChain(getDb());
}
