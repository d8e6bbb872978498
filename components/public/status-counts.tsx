import { getFormatter, getTranslations } from 'next-intl/server';
import type { LifecycleStatus } from '@/lib/generated/prisma/enums.ts';

/** Agreements by lifecycle status, as a definition list (readable as text, printable as is). */
export async function StatusCounts({ counts }: { counts: { status: LifecycleStatus; count: number }[] }) {
  const [format, t, tStatus] = await Promise.all([getFormatter(), getTranslations('Summary'), getTranslations('LifecycleStatus')]);
  if (counts.length === 0) return <p className="muted">{t('noAgreements')}</p>;
  return (
    <dl className="status-counts">
      {counts.map(({ status, count }) => (
        <div key={status}>
          <dt>{tStatus(status)}</dt>
          <dd>{format.number(count)}</dd>
        </div>
      ))}
    </dl>
  );
}
