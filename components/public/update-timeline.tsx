import { getFormatter, getTranslations } from 'next-intl/server';
import type { UpdateView } from '@/lib/data/public-agreement-detail.ts';
import { formatDay, formatQuantity } from './format.ts';

/** Without `timeline=all` an agreement page shows this many of the latest updates (page weight). */
export const TIMELINE_UPDATES = 30;

interface Props {
  /** The updates to show: all of them, or the latest TIMELINE_UPDATES. */
  updates: UpdateView[];
  total: number;
  units: Record<string, string | null>;
  /** The page with every update. */
  allHref: string;
  /** Where a link to an update leads: here, or to the page with every update. */
  updateAnchor: (id: string) => string;
}

/**
 * Verified updates, newest first. Corrections never edit history: a superseded update stays, marked
 * with the correction that replaced it and why.
 */
export async function UpdateTimeline({ updates, total, units, allHref, updateAnchor }: Props) {
  const [format, t, tStatus, tEvidence] = await Promise.all([
    getFormatter(),
    getTranslations('Timeline'),
    getTranslations('ProgressStatus'),
    getTranslations('EvidenceKind'),
  ]);
  if (updates.length === 0) return <p className="muted">{t('empty')}</p>;
  return (
    <>
      <ol className="timeline">
        {updates.map((update) => {
          const unit = units[update.milestoneId] ?? '';
          const values = [
            update.progress !== null ? t('progressValue', { value: formatQuantity(format, update.progress) }) : null,
            update.quantity !== null ? t('quantityValue', { value: formatQuantity(format, update.quantity), unit }) : null,
            update.actualValue !== null ? t('actualValue', { value: formatQuantity(format, update.actualValue), unit }) : null,
          ].filter(Boolean);
          return (
            <li key={update.id} id={`update-${update.id}`} className={update.supersededBy ? 'superseded' : undefined}>
              <p className="meta">
                <time dateTime={update.observedOn}>{formatDay(format, update.observedOn)}</time> ·{' '}
                {update.side ? t('reportedBy', { side: update.side.shortName ?? update.side.name }) : t('reportedIndependently')} ·{' '}
                <span className={`status status-${update.status.toLowerCase()}`}>{tStatus(update.status)}</span>
                {values.length > 0 && ` · ${values.join(' · ')}`}
              </p>
              <p className="timeline-milestone">{update.milestoneTitle}</p>
              <p>{update.narrative}</p>
              {update.supersedesId && update.correctionReason && (
                <p className="correction">
                  {t('correctionOf')} <a href={updateAnchor(update.supersedesId)}>{t('seeOriginal')}</a>.{' '}
                  {t('reason', { reason: update.correctionReason })}
                </p>
              )}
              {update.supersededBy && (
                <p className="flag flag-superseded">
                  {t('supersededBy', { date: formatDay(format, update.supersededBy.observedOn) })}{' '}
                  <a href={updateAnchor(update.supersededBy.id)}>{t('seeCorrection')}</a>
                  {update.supersededBy.correctionReason && `. ${t('reason', { reason: update.supersededBy.correctionReason })}`}
                </p>
              )}
              {update.evidence.length > 0 && (
                <ul className="evidence">
                  {update.evidence.map((item) => (
                    <li key={item.url}>
                      <a href={item.url} rel="noopener noreferrer">
                        {item.title}
                      </a>
                      <span className="meta">
                        {' '}
                        {tEvidence(item.kind)}
                        {item.publisher && ` · ${item.publisher}`}
                        {item.publishedOn && ` · ${formatDay(format, item.publishedOn)}`}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
              <p className="meta">{t('verifiedOn', { date: formatDay(format, update.verifiedAt.slice(0, 10)) })}</p>
            </li>
          );
        })}
      </ol>
      {updates.length < total && (
        <p>
          <a href={allHref}>{t('showAll', { count: total })}</a>
        </p>
      )}
    </>
  );
}
