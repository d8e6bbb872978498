import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AsOfForm } from '@/components/public/as-of-form.tsx';
import { AsOfNotice } from '@/components/public/as-of-notice.tsx';
import { GroupScoreTable } from '@/components/public/group-score-table.tsx';
import { pageMetadata } from '@/components/public/page-metadata.ts';
import { QueryNotices } from '@/components/public/query-notices.tsx';
import { ScopeSummary } from '@/components/public/scope-summary.tsx';
import { getGroupScores, getSummary } from '@/lib/data/public-cache.ts';
import { todayIso } from '@/lib/dates.ts';
import { withAsOf, withoutEmptyParameters } from '@/lib/urls.ts';
import { AsOfQuerySchema, parseQuery, type SearchParams } from '@/lib/validation/public-query.ts';

/** How many parties the dashboard lists. */
const DASHBOARD_PARTIES = 12;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Home');
  return pageMetadata(t('title'), t('description'));
}

export default async function DashboardPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const raw = await searchParams;
  const clean = withoutEmptyParameters('/', raw);
  if (clean) redirect(clean);
  const { data, issues } = parseQuery(AsOfQuerySchema, raw);
  const asOf = data.asOf ?? null;
  const today = todayIso();
  const [t, summary, groups] = await Promise.all([
    getTranslations('Home'),
    getSummary({ kind: 'all' }, asOf, today),
    getGroupScores(asOf, today),
  ]);
  // The parties with the most agreements; every party is on /parties, which keeps this page light.
  const busiest = groups.parties
    .filter((party) => party.agreementCount > 0)
    .sort((a, b) => b.agreementCount - a.agreementCount || (a.shortName ?? a.name).localeCompare(b.shortName ?? b.name));
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="lead">{t('lead')}</p>
      <QueryNotices issues={issues} />
      <AsOfNotice asOf={asOf} todayHref="/" />
      <AsOfForm action="/" asOf={asOf} />
      <ScopeSummary summary={summary} scoreLabel={t('overallScore')} chartTitle={t('historyTitle')} />
      <section aria-labelledby="sectors-heading">
        <h2 id="sectors-heading">{t('bySector')}</h2>
        <GroupScoreTable caption={t('sectorCaption')} groups={groups.sectors} basePath="/sectors" asOf={asOf} />
      </section>
      <section aria-labelledby="parties-heading">
        <h2 id="parties-heading">{t('byParty')}</h2>
        <GroupScoreTable caption={t('partyCaption')} groups={busiest.slice(0, DASHBOARD_PARTIES)} basePath="/parties" asOf={asOf} />
        {busiest.length > DASHBOARD_PARTIES && (
          <p>
            <Link href={withAsOf('/parties', asOf)}>{t('allParties', { count: busiest.length })}</Link>
          </p>
        )}
      </section>
      <p className="page-links">
        <Link href={withAsOf('/agreements', asOf)}>{t('browseAll')}</Link> · <Link href="/methodology">{t('howScored')}</Link> ·{' '}
        <a href="/feed.xml">{t('feed')}</a> · <a href="/api/v1/scores">{t('api')}</a>
      </p>
    </>
  );
}
