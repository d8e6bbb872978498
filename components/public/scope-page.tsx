import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getAgreementList, getSummary } from '@/lib/data/public-cache.ts';
import { todayIso } from '@/lib/dates.ts';
import { hrefWith, withAsOf } from '@/lib/urls.ts';
import type { QueryIssue } from '@/lib/validation/public-query.ts';
import { AgreementTable } from './agreement-table.tsx';
import { AsOfForm } from './as-of-form.tsx';
import { AsOfNotice } from './as-of-notice.tsx';
import { DownloadLinks } from './download-links.tsx';
import { Pagination } from './pagination.tsx';
import { QueryNotices } from './query-notices.tsx';
import { ScopeSummary } from './scope-summary.tsx';

interface Props {
  kind: 'sector' | 'party';
  entity: { id: string; slug: string; name: string; description: string };
  /** Extra facts under the heading, such as a party's country. */
  facts?: React.ReactNode;
  asOf: string | null;
  page: number;
  issues: QueryIssue[];
}

/** A sector's or a party's page: the dashboard's summary for its agreements, then the agreements. */
export async function ScopePage({ kind, entity, facts, asOf, page, issues }: Props) {
  const filter = kind === 'sector' ? { sector: entity.slug } : { party: entity.slug };
  const [t, summary, list] = await Promise.all([
    getTranslations('Scope'),
    getSummary({ kind, id: entity.id }, asOf, todayIso()),
    getAgreementList({ ...filter, asOf: asOf ?? undefined }, { page }),
  ]);
  const path = `/${kind === 'sector' ? 'sectors' : 'parties'}/${entity.slug}`;
  return (
    <>
      <p className="breadcrumb">
        <Link href={withAsOf('/', asOf)}>{t('dashboard')}</Link>
      </p>
      <h1>{entity.name}</h1>
      <p className="meta">{t(kind === 'sector' ? 'sectorLabel' : 'partyLabel')}</p>
      {facts}
      {entity.description && <p className="lead">{entity.description}</p>}
      <QueryNotices issues={issues} />
      <AsOfNotice asOf={asOf} todayHref={path} />
      <AsOfForm action={path} asOf={asOf} />
      <ScopeSummary
        summary={summary}
        scoreLabel={t(kind === 'sector' ? 'sectorScore' : 'partyScore', { name: entity.name })}
        chartTitle={t('historyTitle', { name: entity.name })}
      />
      <section aria-labelledby="scope-agreements-heading">
        <h2 id="scope-agreements-heading">{t('agreements', { count: list.total })}</h2>
        {list.items.length === 0 ? (
          <p className="muted">{t('noAgreements')}</p>
        ) : (
          <AgreementTable caption={t('agreements', { count: list.total })} items={list.items} asOf={asOf} />
        )}
        <Pagination
          page={list.page}
          totalPages={list.totalPages}
          hrefFor={(n) => hrefWith(path, { asOf, page: n === 1 ? undefined : n })}
        />
        <p>
          <Link href={hrefWith('/agreements', { ...filter, asOf })}>{t('filterList')}</Link>
        </p>
      </section>
      <DownloadLinks query={{ ...filter, asOf }} />
    </>
  );
}
