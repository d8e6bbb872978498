import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { FilterSelect } from '@/components/forms/filter-select.tsx';
import { requirePage } from '@/lib/auth/page-guard.ts';
import { auditFilterOptions, listAuditEvents, parseAuditFilters, type AuditFilters } from '@/lib/data/admin/audit.ts';
import { isUuid } from '@/lib/validation/ids.ts';
import { AuditDiff } from './audit-diff.tsx';
import { VerifyChainForm } from './verify-form.tsx';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('AdminAudit'))('title'), robots: { index: false } };
}

/** Admin pages of entities the trail names, so an event links to what it is about. */
const ENTITY_PAGES: Record<string, string> = {
  agreement: '/admin/agreements/',
  user: '/admin/users/',
  party: '/admin/parties/',
  sector: '/admin/sectors/',
};

function pageLink(filters: AuditFilters, page: number) {
  const params = new URLSearchParams();
  for (const key of ['actor', 'entityType', 'entityId', 'action', 'from', 'to'] as const) if (filters[key]) params.set(key, filters[key]!);
  params.set('page', String(page));
  return `/admin/audit?${params}`;
}

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requirePage('audit:read', '/admin/audit');
  const filters = parseAuditFilters(await searchParams);
  const [t, format, options, result] = await Promise.all([
    getTranslations('AdminAudit'),
    getFormatter(),
    auditFilterOptions(viewer),
    listAuditEvents(viewer, filters),
  ]);
  return (
    <>
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <VerifyChainForm />
      <form method="get" action="/admin/audit" className="filter-form" aria-label={t('filters')}>
        <FilterSelect
          id="filter-actor"
          name="actor"
          label={t('actor')}
          value={filters.actor ?? ''}
          emptyLabel={t('anyone')}
          options={[{ value: 'system', label: t('system') }, ...options.actors]}
        />
        <FilterSelect
          id="filter-entity-type"
          name="entityType"
          label={t('entityType')}
          value={filters.entityType ?? ''}
          emptyLabel={t('any')}
          options={options.entityTypes.map((type) => ({ value: type, label: type }))}
        />
        <div className="field">
          <label htmlFor="filter-entity-id">{t('entityId')}</label>
          <input id="filter-entity-id" name="entityId" defaultValue={filters.entityId ?? ''} />
        </div>
        <FilterSelect
          id="filter-action"
          name="action"
          label={t('action')}
          value={filters.action ?? ''}
          emptyLabel={t('any')}
          options={options.actions.map((action) => ({ value: action, label: action }))}
        />
        <div className="field">
          <label htmlFor="filter-from">{t('from')}</label>
          <input id="filter-from" name="from" type="date" defaultValue={filters.from ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="filter-to">{t('to')}</label>
          <input id="filter-to" name="to" type="date" defaultValue={filters.to ?? ''} />
        </div>
        <div className="filter-buttons">
          <button type="submit" className="button button-primary">
            {t('apply')}
          </button>
          <Link href="/admin/audit">{t('clear')}</Link>
        </div>
      </form>

      <p role="status">{t('count', { count: result.total, page: filters.page, pages: result.pageCount })}</p>
      <ol className="audit-list">
        {result.events.map((event) => (
          <li key={event.id} className="audit-event" data-action={event.action}>
            <p className="audit-summary">
              <strong>{event.action}</strong>{' '}
              {ENTITY_PAGES[event.entityType] && isUuid(event.entityId) ? (
                <Link href={`${ENTITY_PAGES[event.entityType]}${event.entityId}`}>
                  {event.entityType} {event.entityId}
                </Link>
              ) : (
                <span>
                  {event.entityType} {event.entityId}
                </span>
              )}
              <br />
              <span className="muted">
                {t('byAt', {
                  actor: event.actor ? `${event.actor.name} (${event.actor.email})` : event.actorId ? event.actorId : t('system'),
                  time: format.dateTime(event.occurredAt, { dateStyle: 'medium', timeStyle: 'medium' }),
                  id: event.id,
                })}
              </span>
            </p>
            <AuditDiff before={event.before} after={event.after} />
          </li>
        ))}
      </ol>
      <nav aria-label={t('pages')} className="pagination">
        {filters.page > 1 && (
          <Link href={pageLink(filters, filters.page - 1)} rel="prev">
            {t('newer')}
          </Link>
        )}
        {filters.page < result.pageCount && (
          <Link href={pageLink(filters, filters.page + 1)} rel="next">
            {t('older')}
          </Link>
        )}
      </nav>
    </>
  );
}
