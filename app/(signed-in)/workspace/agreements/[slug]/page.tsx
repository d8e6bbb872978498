import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ReviewForm } from '@/components/workspace/review-form.tsx';
import { UpdateCard } from '@/components/workspace/update-card.tsx';
import { RecurringLedger } from '@/components/public/recurring-ledger.tsx';
import { orPageError, requirePage } from '@/lib/auth/page-guard.ts';
import { toIsoDate } from '@/lib/dates.ts';
import { loadAgreementWorkspace } from '@/lib/data/workspace.ts';

type Params = Promise<{ slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const t = await getTranslations('Workspace');
  return { title: `${t('title')}: ${(await params).slug}`, robots: { index: false } };
}

export default async function AgreementWorkspacePage({ params }: { params: Params }) {
  const { slug } = await params;
  const viewer = await requirePage('workspace:view', `/workspace/agreements/${slug}`);
  const [data, t, format, band, kinds, status] = await Promise.all([
    orPageError(() => loadAgreementWorkspace(viewer, slug)),
    getTranslations('Workspace'),
    getFormatter(),
    getTranslations('Band'),
    getTranslations('MilestoneKind'),
    getTranslations('ProgressStatus'),
  ]);
  const date = (value: Date | string) =>
    format.dateTime(typeof value === 'string' ? new Date(`${value}T00:00:00Z`) : value, { dateStyle: 'medium', timeZone: 'UTC' });
  const today = toIsoDate(new Date());
  const canRecord = viewer.role === 'ANALYST' && data.assigned;
  return (
    <>
      <p>
        <Link href="/workspace">{t('title')}</Link>
      </p>
      <h1>{data.agreement.title}</h1>
      <p>
        {t('score', { score: data.agreement.score })}{' '}
        <span className={`band band-${data.agreement.band.toLowerCase()}`}>{band(data.agreement.band)}</span>
        {data.agreement.publication === 'DRAFT' && (
          <>
            {' '}
            <span className="pill">{t('draft')}</span>
          </>
        )}
      </p>
      {data.milestones.map((milestone) => (
        <section key={milestone.id} id={`milestone-${milestone.id}`} className="workspace-milestone" aria-labelledby={`m-${milestone.id}`}>
          <h2 id={`m-${milestone.id}`}>{milestone.title}</h2>
          <p className="update-meta">
            {kinds(milestone.kind)}
            {' · '}
            {status(milestone.status)}
            {' · '}
            {t('score', { score: milestone.score })}
            {' · '}
            {milestone.dueOn ? (
              <>
                {t('dueOn', { date: date(milestone.dueOn) })}
                {toIsoDate(milestone.dueOn) < today && milestone.status !== 'ACHIEVED' && (
                  <>
                    {' '}
                    <span className="pill pill-overdue">{t('overdue')}</span>
                  </>
                )}
              </>
            ) : (
              t('noDueDate')
            )}
            {milestone.responsibleParty && (
              <>
                {' · '}
                {t('responsible', { party: milestone.responsibleParty.shortName ?? milestone.responsibleParty.name })}
              </>
            )}
          </p>
          {milestone.description && <p>{milestone.description}</p>}
          {milestone.kind === 'TARGET' && (
            <p>{t('targetRange', { baseline: milestone.baseline ?? 0, target: milestone.target ?? 0, unit: milestone.unit ?? '' })}</p>
          )}
          <p className="button-row">
            {canRecord && (
              <Link className="button" href={`/workspace/milestones/${milestone.id}/record`}>
                {milestone.kind === 'RECURRING' ? t('recordDelivery') : t('recordUpdate')}
              </Link>
            )}
            <Link className="button button-secondary" href={`/workspace/milestones/${milestone.id}/edit`}>
              {t('editDetails')}
            </Link>
          </p>
          {milestone.sides && (
            <>
              <h3>{t('sidesHeading')}</h3>
              <ul>
                {milestone.sides.sides.map((side) => (
                  <li key={side.side}>{t('sideScore', { side: side.side, score: side.score, date: date(side.observedOn) })}</li>
                ))}
              </ul>
              <p>
                <strong>{t('gap', { gap: milestone.sides.gap })}</strong>
              </p>
            </>
          )}
          {milestone.ledger && <RecurringLedger milestone={milestone} />}
          <h3>{t('history')}</h3>
          {milestone.updates.length === 0 ? (
            <p>{t('noUpdates')}</p>
          ) : (
            milestone.updates.map((update) => (
              <UpdateCard
                key={update.id}
                update={update}
                superseded={update.superseded}
                correctHref={
                  canRecord && update.author.id === viewer.id && update.reviewState === 'REJECTED'
                    ? `/workspace/milestones/${milestone.id}/record?correcting=${update.id}`
                    : undefined
                }
              >
                {update.reviewState === 'PENDING' &&
                  (update.author.id === viewer.id ? <p className="muted">{t('review.ownUpdate')}</p> : <ReviewForm updateId={update.id} />)}
              </UpdateCard>
            ))
          )}
        </section>
      ))}
    </>
  );
}
