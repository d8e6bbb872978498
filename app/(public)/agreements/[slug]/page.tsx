import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { cache } from 'react';
import { AsOfForm } from '@/components/public/as-of-form.tsx';
import { AsOfNotice } from '@/components/public/as-of-notice.tsx';
import { formatDay } from '@/components/public/format.ts';
import { MilestoneCard } from '@/components/public/milestone-card.tsx';
import { pageMetadata } from '@/components/public/page-metadata.ts';
import { QueryNotices } from '@/components/public/query-notices.tsx';
import { ScoreComputation } from '@/components/public/score-computation.tsx';
import { ScoreFigure } from '@/components/public/score-figure.tsx';
import { ScoreHistoryChart } from '@/components/public/score-history-chart.tsx';
import { TIMELINE_UPDATES, UpdateTimeline } from '@/components/public/update-timeline.tsx';
import { getAgreementDetail } from '@/lib/data/public-cache.ts';
import { todayIso } from '@/lib/dates.ts';
import { hrefWith, withAsOf, withoutEmptyParameters } from '@/lib/urls.ts';
import { AgreementPageQuerySchema, parseQuery, type SearchParams } from '@/lib/validation/public-query.ts';

interface Props {
  params: Promise<{ slug: string }>;
  searchParams: Promise<SearchParams>;
}

/** Metadata and page read the same agreement once per request. */
const loadDetail = cache((slug: string, asOf: string | null) => getAgreementDetail(slug, asOf, todayIso()));

async function resolve({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const { data, issues } = parseQuery(AgreementPageQuerySchema, query);
  const asOf = data.asOf ?? null;
  return { asOf, showAll: data.timeline === 'all', issues, detail: await loadDetail(slug, asOf) };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { detail } = await resolve(props);
  if (!detail) return {};
  return pageMetadata(detail.title, detail.summary);
}

export default async function AgreementPage(props: Props) {
  const clean = withoutEmptyParameters(`/agreements/${(await props.params).slug}`, await props.searchParams);
  if (clean) redirect(clean);
  const { asOf, showAll, issues, detail } = await resolve(props);
  if (!detail) notFound();
  const [format, t, tKind, tStatus, tRole, tDocument] = await Promise.all([
    getFormatter(),
    getTranslations('Agreement'),
    getTranslations('AgreementKind'),
    getTranslations('LifecycleStatus'),
    getTranslations('PartyRole'),
    getTranslations('SourceDocumentKind'),
  ]);
  const path = `/agreements/${detail.slug}`;
  const allHref = hrefWith(path, { asOf, timeline: 'all' });
  const shownUpdates = showAll ? detail.updates : detail.updates.slice(0, TIMELINE_UPDATES);
  const shownIds = new Set(shownUpdates.map((update) => update.id));
  const updateAnchor = (id: string) => (shownIds.has(id) ? `#update-${id}` : `${allHref}#update-${id}`);
  const dates = [
    ['signed', detail.signedOn],
    ['effective', detail.effectiveOn],
    ['expires', detail.expiresOn],
  ] as const;
  return (
    <>
      <p className="breadcrumb">
        <Link href={withAsOf('/agreements', asOf)}>{t('allAgreements')}</Link>
      </p>
      <h1>{detail.title}</h1>
      <p className="meta">
        {tKind(detail.kind)} · {tStatus(detail.status)}
      </p>
      <QueryNotices issues={issues} />
      <AsOfNotice asOf={asOf} todayHref={path} />
      <p className="lead">{detail.summary}</p>

      <dl className="facts facts-wide">
        {dates.map(([key, day]) => (
          <div key={key}>
            <dt>{t(key)}</dt>
            <dd>{day ? <time dateTime={day}>{formatDay(format, day, 'long')}</time> : t('noDate')}</dd>
          </div>
        ))}
        <div>
          <dt>{t('sectors')}</dt>
          <dd>
            <ul className="inline-list">
              {detail.sectors.map((sector) => (
                <li key={sector.slug}>
                  <Link href={withAsOf(`/sectors/${sector.slug}`, asOf)}>{sector.name}</Link>
                </li>
              ))}
            </ul>
          </dd>
        </div>
        <div>
          <dt>{t('parties')}</dt>
          <dd>
            <ul className="plain-list">
              {detail.parties.map((party) => (
                <li key={`${party.slug}:${party.role}`}>
                  <Link href={withAsOf(`/parties/${party.slug}`, asOf)}>{party.name}</Link>{' '}
                  <span className="meta">{tRole(party.role)}</span>
                </li>
              ))}
            </ul>
          </dd>
        </div>
      </dl>

      <AsOfForm action={path} asOf={asOf} />

      <section aria-labelledby="score-heading">
        <h2 id="score-heading">{t('scoreHeading')}</h2>
        <ScoreFigure
          label={t('scoreLabel')}
          score={detail.score}
          band={detail.band}
          note={detail.countsTowardsAggregates ? undefined : t('notCounted')}
        />
        <details className="computation-details">
          <summary>{t('howComputed')}</summary>
          <p>{t('computationIntro')}</p>
          <ScoreComputation milestones={detail.milestones} score={detail.score} />
          <p>
            <Link href="/methodology">{t('methodologyLink')}</Link>
          </p>
        </details>
      </section>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t('historyHeading')}</h2>
        <ScoreHistoryChart id="agreement-history" title={t('historyTitle', { title: detail.title })} series={detail.history} />
      </section>

      <section aria-labelledby="milestones-heading">
        <h2 id="milestones-heading">{t('milestonesHeading')}</h2>
        {detail.milestones.length === 0 && <p className="muted">{t('noMilestones')}</p>}
        {detail.milestones.map((milestone) => (
          <MilestoneCard key={milestone.id} milestone={milestone} asOf={asOf} updateAnchor={updateAnchor} />
        ))}
      </section>

      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t('timelineHeading')}</h2>
        <UpdateTimeline
          updates={shownUpdates}
          total={detail.updates.length}
          allHref={allHref}
          updateAnchor={updateAnchor}
          units={Object.fromEntries(detail.milestones.map((milestone) => [milestone.id, milestone.unit]))}
        />
      </section>

      <section aria-labelledby="documents-heading">
        <h2 id="documents-heading">{t('documentsHeading')}</h2>
        {detail.sourceDocuments.length === 0 ? (
          <p className="muted">{t('noDocuments')}</p>
        ) : (
          <ul className="plain-list">
            {detail.sourceDocuments.map((doc) => (
              <li key={doc.url}>
                <a href={doc.url} rel="noopener noreferrer">
                  {doc.title}
                </a>{' '}
                <span className="meta">
                  {tDocument(doc.kind)}
                  {doc.publishedOn && ` · ${formatDay(format, doc.publishedOn)}`}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <p className="page-links">
        <a href={withAsOf(`/api/v1/agreements/${detail.slug}`, asOf)}>{t('json')}</a>
      </p>
    </>
  );
}
