import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { UpdateCard } from '@/components/workspace/update-card.tsx';
import { ReviewForm } from '@/components/workspace/review-form.tsx';
import { requirePage } from '@/lib/auth/page-guard.ts';
import { loadWorkspace } from '@/lib/data/workspace.ts';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Workspace'))('title'), robots: { index: false } };
}

export default async function WorkspacePage() {
  const viewer = await requirePage('workspace:view', '/workspace');
  const [t, format, band, lifecycle, status, data] = await Promise.all([
    getTranslations('Workspace'),
    getFormatter(),
    getTranslations('Band'),
    getTranslations('LifecycleStatus'),
    getTranslations('ProgressStatus'),
    loadWorkspace(viewer),
  ]);
  const percent = (score: number) => format.number(score / 100, { style: 'percent', maximumFractionDigits: 0 });
  const date = (value: string) => format.dateTime(new Date(`${value}T00:00:00Z`), { dateStyle: 'medium', timeZone: 'UTC' });
  return (
    <>
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>

      {viewer.role === 'ANALYST' && (
        <section aria-labelledby="assigned">
          <h2 id="assigned">{t('assignedHeading')}</h2>
          {data.assigned.length === 0 ? (
            <p>{t('assignedEmpty')}</p>
          ) : (
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('columnAgreement')}</th>
                  <th scope="col">{t('columnStatus')}</th>
                  <th scope="col" className="numeric">
                    {t('columnScore')}
                  </th>
                  <th scope="col">{t('columnBand')}</th>
                </tr>
              </thead>
              <tbody>
                {data.assigned.map((agreement) => (
                  <tr key={agreement.id}>
                    <th scope="row">
                      <Link href={`/workspace/agreements/${agreement.slug}`}>{agreement.title}</Link>
                      {agreement.publication === 'DRAFT' && (
                        <>
                          {' '}
                          <span className="pill">{t('draft')}</span>
                        </>
                      )}
                    </th>
                    <td>{lifecycle(agreement.status)}</td>
                    <td className="numeric">{percent(agreement.score)}</td>
                    <td>
                      <span className={`band band-${agreement.band.toLowerCase()}`}>{band(agreement.band)}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}

      <section aria-labelledby="attention">
        <h2 id="attention">{t('attentionHeading')}</h2>
        <p>{t('attentionIntro')}</p>
        {data.totals.attention > data.attention.length && (
          <p className="muted">{t('showing', { shown: data.attention.length, total: data.totals.attention })}</p>
        )}
        {data.attention.length === 0 ? (
          <p>{t('attentionEmpty')}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('columnMilestone')}</th>
                <th scope="col">{t('columnDue')}</th>
                <th scope="col">{t('columnStatus')}</th>
              </tr>
            </thead>
            <tbody>
              {data.attention.map((milestone) => (
                <tr key={milestone.id}>
                  <th scope="row">
                    <Link href={`/workspace/agreements/${milestone.agreement.slug}#milestone-${milestone.id}`}>{milestone.title}</Link>
                    <div className="muted">{milestone.agreement.title}</div>
                  </th>
                  <td>
                    {milestone.dueOn && date(milestone.dueOn)}
                    {milestone.overdue && (
                      <>
                        {' '}
                        <span className="pill pill-overdue">{t('overdue')}</span>
                      </>
                    )}
                  </td>
                  <td>{status(milestone.status)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="review">
        <h2 id="review">{t('reviewHeading')}</h2>
        {data.totals.toReview > data.toReview.length && (
          <p className="muted">{t('showing', { shown: data.toReview.length, total: data.totals.toReview })}</p>
        )}
        {data.toReview.length === 0 ? (
          <p>{t('reviewEmpty')}</p>
        ) : (
          data.toReview.map((update) => (
            <UpdateCard key={update.id} update={update} showContext>
              <ReviewForm updateId={update.id} />
            </UpdateCard>
          ))
        )}
      </section>

      <section aria-labelledby="mine">
        <h2 id="mine">{t('mineHeading')}</h2>
        {data.totals.mine > data.mine.length && (
          <p className="muted">{t('showingNewest', { shown: data.mine.length, total: data.totals.mine })}</p>
        )}
        {data.mine.length === 0 ? (
          <p>{t('mineEmpty')}</p>
        ) : (
          data.mine.map((update) => (
            <UpdateCard
              key={update.id}
              update={update}
              showContext
              correctHref={
                update.reviewState === 'REJECTED'
                  ? `/workspace/milestones/${update.milestone.id}/record?correcting=${update.id}`
                  : undefined
              }
            />
          ))
        )}
      </section>

      <section aria-labelledby="disagreements">
        <h2 id="disagreements">{t('disagreementHeading')}</h2>
        <p>{t('disagreementIntro')}</p>
        {data.disagreements.length === 0 ? (
          <p>{t('disagreementEmpty')}</p>
        ) : (
          <ul className="section-list">
            {data.disagreements.map((milestone) => (
              <li key={milestone.id}>
                <Link href={`/workspace/agreements/${milestone.agreement.slug}#milestone-${milestone.id}`}>{milestone.title}</Link>
                {' — '}
                {milestone.agreement.title}
                {' — '}
                <strong>{t('gap', { gap: milestone.gap })}</strong>
                <ul>
                  {milestone.sides.map((side) => (
                    <li key={side.side}>{t('sideScore', { side: side.side, score: side.score, date: date(side.observedOn) })}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
