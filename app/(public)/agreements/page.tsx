import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { AgreementFilters } from '@/components/public/agreement-filters.tsx';
import { AgreementTable } from '@/components/public/agreement-table.tsx';
import { AsOfNotice } from '@/components/public/as-of-notice.tsx';
import { DownloadLinks } from '@/components/public/download-links.tsx';
import { pageMetadata } from '@/components/public/page-metadata.ts';
import { Pagination } from '@/components/public/pagination.tsx';
import { QueryNotices } from '@/components/public/query-notices.tsx';
import { getAgreementList, getParties, getPartyFilterOptions, getSectors, getSignedYears } from '@/lib/data/public-cache.ts';
import { hrefWith, withoutEmptyParameters } from '@/lib/urls.ts';
import { AgreementListQuerySchema, DEFAULT_PER_PAGE, parseQuery, type SearchParams } from '@/lib/validation/public-query.ts';

/** How many parties the filter offers (the busiest); the others are reached from /parties. */
const PARTY_FILTER_OPTIONS = 40;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('AgreementList');
  return pageMetadata(t('title'), t('description'));
}

export default async function AgreementsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const raw = await searchParams;
  const clean = withoutEmptyParameters('/agreements', raw);
  if (clean) redirect(clean);
  const { data: query, issues } = parseQuery(AgreementListQuerySchema, raw);
  const { sort, page, perPage, ...filters } = query;
  const [format, t, list, sectors, busiestParties, years] = await Promise.all([
    getFormatter(),
    getTranslations('AgreementList'),
    getAgreementList(filters, { sort, page, perPage }),
    getSectors(),
    getPartyFilterOptions(PARTY_FILTER_OPTIONS),
    getSignedYears(),
  ]);
  // A party filtered on through the address stays selected even when the filter does not offer it.
  const chosen =
    filters.party && !busiestParties.some((party) => party.slug === filters.party)
      ? (await getParties()).find((party) => party.slug === filters.party)
      : undefined;
  const parties = chosen ? [{ slug: chosen.slug, name: chosen.name }, ...busiestParties] : busiestParties;
  // The view's state, minus the page: what pagination, the as-of link and the downloads keep.
  const state = { ...filters, sort, perPage: perPage === DEFAULT_PER_PAGE ? undefined : perPage };
  const asOf = filters.asOf ?? null;
  return (
    <>
      <h1>{t('title')}</h1>
      <QueryNotices issues={issues} />
      <AsOfNotice asOf={asOf} todayHref={hrefWith('/agreements', { ...state, asOf: undefined })} />
      <AgreementFilters
        query={query}
        sectors={sectors}
        parties={parties}
        partiesAbridged={busiestParties.length === PARTY_FILTER_OPTIONS}
        years={years}
      />
      <section aria-labelledby="results-heading">
        <h2 id="results-heading">
          {filters.q ? t('resultsFor', { count: list.total, q: filters.q }) : t('results', { count: list.total })}
        </h2>
        {list.items.length === 0 ? (
          <p>{list.total === 0 ? t('empty') : t('pageEmpty')}</p>
        ) : (
          <>
            <p className="muted">
              {t('showing', {
                from: format.number((list.page - 1) * list.perPage + 1),
                to: format.number((list.page - 1) * list.perPage + list.items.length),
                total: format.number(list.total),
              })}
            </p>
            <AgreementTable caption={t('title')} items={list.items} asOf={asOf} />
          </>
        )}
        <Pagination
          page={list.page}
          totalPages={list.totalPages}
          hrefFor={(n) => hrefWith('/agreements', { ...state, page: n === 1 ? undefined : n })}
        />
      </section>
      <DownloadLinks query={{ ...filters, sort }} />
    </>
  );
}
