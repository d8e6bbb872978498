import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { MilestoneView } from '@/lib/data/public-agreement-detail.ts';
import { bandOf } from '@/lib/scoring/index.ts';
import { withAsOf } from '@/lib/urls.ts';
import { formatDay, formatQuantity, formatScore } from './format.ts';
import { RecurringLedger } from './recurring-ledger.tsx';
import { ScoreBar } from './score-bar.tsx';
import { SideAssessments } from './side-assessments.tsx';

export async function MilestoneCard({
  milestone,
  asOf,
  updateAnchor,
}: {
  milestone: MilestoneView;
  asOf: string | null;
  updateAnchor: (id: string) => string;
}) {
  const [format, t, tStatus, tKind] = await Promise.all([
    getFormatter(),
    getTranslations('Milestone'),
    getTranslations('ProgressStatus'),
    getTranslations('MilestoneKind'),
  ]);
  const headingId = `milestone-${milestone.id}-title`;
  return (
    <article className="milestone" id={`milestone-${milestone.id}`} aria-labelledby={headingId}>
      <h3 id={headingId}>{milestone.title}</h3>
      <p className="meta">
        {tKind(milestone.kind)}
        {milestone.clauseRef && ` · ${t('clause', { ref: milestone.clauseRef })}`}
        {` · ${t('weight', { weight: formatQuantity(format, milestone.weight) })}`}
      </p>
      {milestone.description && <p>{milestone.description}</p>}
      {milestone.clauseExcerpt && (
        <blockquote className="clause">
          <p>{milestone.clauseExcerpt}</p>
        </blockquote>
      )}
      <dl className="facts">
        <div>
          <dt>{t('responsible')}</dt>
          <dd>
            {milestone.responsibleParty ? (
              <Link href={withAsOf(`/parties/${milestone.responsibleParty.slug}`, asOf)}>{milestone.responsibleParty.name}</Link>
            ) : (
              t('noResponsible')
            )}
          </dd>
        </div>
        <div>
          <dt>{t('due')}</dt>
          <dd>
            {milestone.dueOn ? <time dateTime={milestone.dueOn}>{formatDay(format, milestone.dueOn)}</time> : t('noDueDate')}
            {milestone.overdue && <span className="flag flag-overdue">{t('overdue')}</span>}
          </dd>
        </div>
        <div>
          <dt>{t('status')}</dt>
          <dd>
            <span className={`status status-${milestone.status.toLowerCase()}`}>{tStatus(milestone.status)}</span>
          </dd>
        </div>
        <div>
          <dt>{t('progress')}</dt>
          <dd className="progress-cell">
            <span>{formatScore(format, milestone.score)}</span>
            <ScoreBar score={milestone.score} band={bandOf(milestone.score)} />
            {!milestone.counted && <span className="muted">{t('notCounted')}</span>}
          </dd>
        </div>
      </dl>
      {milestone.kind === 'TARGET' && (
        <p className="target">
          {t('targetPath', {
            baseline: formatQuantity(format, milestone.baseline ?? 0),
            actual: milestone.actualValue === null ? t('noActual') : formatQuantity(format, milestone.actualValue),
            target: formatQuantity(format, milestone.target ?? 0),
            unit: milestone.unit ?? '',
          })}
        </p>
      )}
      {milestone.kind === 'RECURRING' && <RecurringLedger milestone={milestone} />}
      {milestone.sides && <SideAssessments sides={milestone.sides} milestoneTitle={milestone.title} updateAnchor={updateAnchor} />}
    </article>
  );
}
