import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AsOfForm } from '@/components/public/as-of-form.tsx';
import { AsOfNotice } from '@/components/public/as-of-notice.tsx';
import { GroupScoreTable } from '@/components/public/group-score-table.tsx';
import { pageMetadata } from '@/components/public/page-metadata.ts';
import { QueryNotices } from '@/components/public/query-notices.tsx';
import { getGroupScores } from '@/lib/data/public-cache.ts';
import { todayIso } from '@/lib/dates.ts';
import { withoutEmptyParameters } from '@/lib/urls.ts';
import { AsOfQuerySchema, parseQuery, type SearchParams } from '@/lib/validation/public-query.ts';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('PartiesIndex');
  return pageMetadata(t('title'), t('description'));
}

export default async function PartiesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const raw = await searchParams;
  const clean = withoutEmptyParameters('/parties', raw);
  if (clean) redirect(clean);
  const { data, issues } = parseQuery(AsOfQuerySchema, raw);
  const asOf = data.asOf ?? null;
  const [t, groups] = await Promise.all([getTranslations('PartiesIndex'), getGroupScores(asOf, todayIso())]);
  const parties = groups.parties
    .filter((party) => party.agreementCount > 0)
    .sort((a, b) => (a.shortName ?? a.name).localeCompare(b.shortName ?? b.name));
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="lead">{t('lead')}</p>
      <QueryNotices issues={issues} />
      <AsOfNotice asOf={asOf} todayHref="/parties" />
      <AsOfForm action="/parties" asOf={asOf} />
      <GroupScoreTable caption={t('caption')} groups={parties} basePath="/parties" asOf={asOf} />
    </>
  );
}
