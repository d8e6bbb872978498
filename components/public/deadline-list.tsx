import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { DeadlineItem } from '@/lib/data/public-summary.ts';
import { withAsOf } from '@/lib/urls.ts';
import { formatDay } from './format.ts';

export async function DeadlineList({
  id,
  heading,
  count,
  items,
  empty,
  asOf,
}: {
  id: string;
  heading: string;
  count: number;
  items: DeadlineItem[];
  empty: string;
  asOf: string | null;
}) {
  const [format, t, tStatus] = await Promise.all([getFormatter(), getTranslations('Summary'), getTranslations('ProgressStatus')]);
  return (
    <section className="panel" aria-labelledby={id}>
      <h3 id={id}>
        {heading} <span className="count">{format.number(count)}</span>
      </h3>
      {items.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="plain-list">
          {items.map((item) => (
            <li key={item.id}>
              <Link href={withAsOf(`/agreements/${item.agreement.slug}`, asOf) + `#milestone-${item.id}`}>{item.title}</Link>
              <span className="meta">
                {t('dueOn', { date: formatDay(format, item.dueOn) })} · {tStatus(item.status)} · {item.agreement.title}
              </span>
            </li>
          ))}
        </ul>
      )}
      {count > items.length && <p className="muted">{t('andMore', { count: count - items.length })}</p>}
    </section>
  );
}
