import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { UpdateSummary } from '@/lib/data/public-summary.ts';
import { updateHref } from '@/lib/urls.ts';
import { formatDay } from './format.ts';

/** The most recently verified updates, each naming the side that reported it (never the analyst). */
export async function LatestUpdates({ updates, asOf }: { updates: UpdateSummary[]; asOf: string | null }) {
  const [format, t, tStatus] = await Promise.all([getFormatter(), getTranslations('Summary'), getTranslations('ProgressStatus')]);
  if (updates.length === 0) return <p className="muted">{t('noUpdates')}</p>;
  return (
    <ol className="update-list">
      {updates.map((update) => (
        <li key={update.id}>
          <p className="meta">
            <time dateTime={update.observedOn}>{formatDay(format, update.observedOn)}</time> ·{' '}
            {update.side ? t('reportedBy', { side: update.side.shortName ?? update.side.name }) : t('reportedIndependently')} ·{' '}
            <span className={`status status-${update.status.toLowerCase()}`}>{tStatus(update.status)}</span>
          </p>
          <p>
            <Link href={updateHref(update.agreement.slug, update.id, asOf)}>{update.milestone.title}</Link>
            {' — '}
            <span className="muted">{update.agreement.title}</span>
          </p>
          <p>{update.narrative}</p>
        </li>
      ))}
    </ol>
  );
}
