import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { formatDay } from './format.ts';

/** Says plainly that the page shows the past, with a way back to today. */
export async function AsOfNotice({ asOf, todayHref }: { asOf: string | null; todayHref: string }) {
  if (!asOf) return null;
  const [format, t] = await Promise.all([getFormatter(), getTranslations('AsOf')]);
  return (
    <p className="as-of-notice" role="note">
      {t('notice', { date: formatDay(format, asOf, 'long') })} <Link href={todayHref}>{t('backToToday')}</Link>
    </p>
  );
}
