import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { BandBadge } from '@/components/public/band-badge.tsx';
import { formatQuantity, formatScore } from '@/components/public/format.ts';
import { AsOfNotice } from '@/components/public/as-of-notice.tsx';
import { pageMetadata } from '@/components/public/page-metadata.ts';
import { QueryNotices } from '@/components/public/query-notices.tsx';
import type { AgreementDetail, MilestoneView } from '@/lib/data/public-agreement-detail.ts';
import { getAgreementDetail, getExampleAgreementSlug, getSummary } from '@/lib/data/public-cache.ts';
import { todayIso } from '@/lib/dates.ts';
import { DUE_SOON_DAYS } from '@/lib/scoring/deadlines.ts';
import { METHOD_VERSION } from '@/lib/scoring/index.ts';
import { withAsOf, withoutEmptyParameters } from '@/lib/urls.ts';
import { AsOfQuerySchema, BANDS, parseQuery, type SearchParams } from '@/lib/validation/public-query.ts';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Methodology');
  return pageMetadata(t('title'), t('description'));
}

const RULES = ['oneOff', 'recurring', 'target', 'cancelled'] as const;

export default async function MethodologyPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const raw = await searchParams;
  const clean = withoutEmptyParameters('/methodology', raw);
  if (clean) redirect(clean);
  const { data, issues } = parseQuery(AsOfQuerySchema, raw);
  const asOf = data.asOf ?? null;
  const today = todayIso();
  const [format, t, tBand, exampleSlug, summary] = await Promise.all([
    getFormatter(),
    getTranslations('Methodology'),
    getTranslations('Band'),
    getExampleAgreementSlug(),
    getSummary({ kind: 'all' }, asOf, today),
  ]);
  const example = exampleSlug ? await getAgreementDetail(exampleSlug, asOf, today) : null;

  /** One milestone's rule applied to its numbers, as a sentence. */
  const working = (milestone: MilestoneView) => {
    const score = formatScore(format, milestone.score);
    if (!milestone.counted) return t('workingCancelled');
    if (milestone.kind === 'RECURRING' && milestone.compliance) {
      return t('workingRecurring', {
        delivered: formatQuantity(format, milestone.compliance.delivered),
        expected: formatQuantity(format, milestone.compliance.expected),
        score,
      });
    }
    if (milestone.kind === 'TARGET') {
      return milestone.actualValue === null
        ? t('workingNoUpdate', { score })
        : t('workingTarget', {
            actual: formatQuantity(format, milestone.actualValue),
            baseline: formatQuantity(format, milestone.baseline ?? 0),
            target: formatQuantity(format, milestone.target ?? 0),
            score,
          });
    }
    return milestone.lastObservedOn ? t('workingOneOff', { score }) : t('workingNoUpdate', { score });
  };
  const weightedSum = (detail: AgreementDetail) => {
    const counted = detail.milestones.filter((milestone) => milestone.counted);
    const terms = counted
      .map((milestone) => `${formatQuantity(format, milestone.weight)} × ${formatScore(format, milestone.score)}`)
      .join(' + ');
    const weights = formatQuantity(
      format,
      counted.reduce((sum, milestone) => sum + milestone.weight, 0),
    );
    return t('workingAgreement', { terms, weights, score: formatScore(format, detail.score) });
  };

  return (
    <>
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro', { version: METHOD_VERSION })}</p>
      <QueryNotices issues={issues} />

      <section aria-labelledby="evidence-heading">
        <h2 id="evidence-heading">{t('evidenceHeading')}</h2>
        <p>{t('evidence')}</p>
        <p>{t('corrections')}</p>
      </section>

      <section aria-labelledby="milestones-heading">
        <h2 id="milestones-heading">{t('milestonesHeading')}</h2>
        <dl className="rules">
          {RULES.map((rule) => (
            <div key={rule}>
              <dt>{t(`rule.${rule}.name`)}</dt>
              <dd>{t(`rule.${rule}.text`)}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="agreements-heading">
        <h2 id="agreements-heading">{t('agreementsHeading')}</h2>
        <p>{t('agreements')}</p>
        <table className="data-table compact">
          <caption>{t('bandsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('band')}</th>
              <th scope="col">{t('range')}</th>
            </tr>
          </thead>
          <tbody>
            {BANDS.map((band) => (
              <tr key={band}>
                <th scope="row">
                  <BandBadge band={band} label={tBand(band)} />
                </th>
                <td>{t(`bandRange.${band}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="aggregates-heading">
        <h2 id="aggregates-heading">{t('aggregatesHeading')}</h2>
        <p>{t('aggregates')}</p>
        <p>{t('deadlines', { days: DUE_SOON_DAYS })}</p>
      </section>

      <section aria-labelledby="as-of-heading">
        <h2 id="as-of-heading">{t('asOfHeading')}</h2>
        <p>{t('asOf')}</p>
      </section>

      {example && (
        <section aria-labelledby="example-heading">
          <h2 id="example-heading">{t('exampleHeading')}</h2>
          <AsOfNotice asOf={asOf} todayHref="/methodology" />
          <p>
            {t.rich('exampleIntro', {
              title: example.title,
              link: (chunks) => <Link href={withAsOf(`/agreements/${example.slug}`, asOf)}>{chunks}</Link>,
            })}
          </p>
          <table className="data-table compact">
            <caption>{t('exampleCaption', { title: example.title })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('milestone')}</th>
                <th scope="col">{t('working')}</th>
                <th scope="col" className="numeric">
                  {t('weight')}
                </th>
              </tr>
            </thead>
            <tbody>
              {example.milestones.map((milestone) => (
                <tr key={milestone.id}>
                  <th scope="row">{milestone.title}</th>
                  <td>{working(milestone)}</td>
                  <td className="numeric">{formatQuantity(format, milestone.weight)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>{weightedSum(example)}</p>
          <p>{t('exampleBand', { score: formatScore(format, example.score), band: tBand(example.band) })}</p>
          {summary.score !== null && (
            <p>
              {t('exampleRelationship', {
                counted: summary.counted,
                score: formatScore(format, summary.score),
                band: tBand(summary.band!),
              })}
            </p>
          )}
        </section>
      )}
    </>
  );
}
