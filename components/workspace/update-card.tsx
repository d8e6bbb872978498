import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { toIsoDate } from '@/lib/dates.ts';

export interface UpdateCardData {
  id: string;
  observedOn: Date;
  status: string;
  progress: number | null;
  quantity: number | null;
  actualValue: number | null;
  narrative: string;
  reviewState: string;
  reviewNote: string | null;
  reviewedAt: Date | null;
  supersedesId: string | null;
  correctionReason: string | null;
  author: { id: string; name: string };
  authorSide: { name: string; shortName: string | null } | null;
  reviewer: { name: string } | null;
  milestone: { id: string; title: string; kind: string; unit: string | null };
  agreement?: { slug: string; title: string };
  evidence: { id: string; url: string; title: string; publisher: string | null; publishedOn: Date | null; kind: string }[];
}

/** One progress update as analysts see it: everything, including its review. */
export async function UpdateCard({
  update,
  showContext = false,
  correctHref,
  superseded = false,
  children,
}: {
  update: UpdateCardData;
  showContext?: boolean;
  /** Where the author can submit a corrected update (rejected updates). */
  correctHref?: string;
  superseded?: boolean;
  children?: React.ReactNode;
}) {
  const [t, format, status, review, evidenceKind] = await Promise.all([
    getTranslations('Workspace.update'),
    getFormatter(),
    getTranslations('ProgressStatus'),
    getTranslations('ReviewState'),
    getTranslations('EvidenceKind'),
  ]);
  const date = (value: Date) => format.dateTime(value, { dateStyle: 'medium', timeZone: 'UTC' });
  const unit = update.milestone.unit ?? '';
  const side = update.authorSide ? (update.authorSide.shortName ?? update.authorSide.name) : null;
  return (
    <article className={`update-card review-${update.reviewState.toLowerCase()}`} aria-labelledby={`update-${update.id}`}>
      <header>
        <h3 id={`update-${update.id}`} className="update-title">
          {showContext && update.agreement ? `${update.agreement.title} — ` : ''}
          {update.milestone.title}
        </h3>
        <p className="update-meta">
          <span className={`pill pill-${update.reviewState.toLowerCase()}`}>{review(update.reviewState as 'PENDING')}</span>{' '}
          <span>{status(update.status as 'IN_PROGRESS')}</span>
          {' · '}
          <time dateTime={toIsoDate(update.observedOn)}>{t('observed', { date: date(update.observedOn) })}</time>
          {' · '}
          <span>{side ? t('by', { name: update.author.name, side }) : t('byIndependent', { name: update.author.name })}</span>
        </p>
      </header>
      {update.progress !== null && <p>{t('progress', { value: update.progress })}</p>}
      {update.quantity !== null && <p>{t('quantity', { value: update.quantity, unit })}</p>}
      {update.actualValue !== null && <p>{t('actual', { value: update.actualValue, unit })}</p>}
      <p className="narrative">{update.narrative}</p>
      {update.supersedesId && update.correctionReason && <p className="note">{t('supersedes', { reason: update.correctionReason })}</p>}
      {superseded && <p className="note">{t('superseded')}</p>}
      <h4 className="evidence-heading">{t('evidence')}</h4>
      {update.evidence.length === 0 ? (
        <p>{t('noEvidence')}</p>
      ) : (
        <ul className="evidence-list">
          {update.evidence.map((item) => (
            <li key={item.id}>
              <a href={item.url} rel="noopener noreferrer nofollow" target="_blank">
                {item.title}
              </a>
              {' — '}
              {evidenceKind(item.kind as 'DOCUMENT')}
              {item.publisher && `, ${item.publisher}`}
              {item.publishedOn && `, ${date(item.publishedOn)}`}
            </li>
          ))}
        </ul>
      )}
      {update.reviewedAt && update.reviewer && (
        <p className="update-meta">
          {t('reviewedBy', { state: review(update.reviewState as 'VERIFIED'), name: update.reviewer.name, date: date(update.reviewedAt) })}
        </p>
      )}
      {update.reviewNote && <p className="note">{t('reviewNote', { note: update.reviewNote })}</p>}
      {correctHref && (
        <p>
          <Link href={correctHref}>{t('correct')}</Link>
        </p>
      )}
      {children}
    </article>
  );
}
