import { getTranslations } from 'next-intl/server';
import { hrefWith, type QueryValues } from '@/lib/urls.ts';

/** CSV downloads of exactly the agreements the view shows (every page of them) and their milestones. */
export async function DownloadLinks({ query }: { query: QueryValues }) {
  const t = await getTranslations('Downloads');
  return (
    <section className="downloads" aria-labelledby="downloads-heading">
      <h2 id="downloads-heading">{t('heading')}</h2>
      <ul className="plain-list">
        <li>
          <a href={hrefWith('/api/v1/agreements.csv', query)} download>
            {t('agreementsCsv')}
          </a>
        </li>
        <li>
          <a href={hrefWith('/api/v1/milestones.csv', query)} download>
            {t('milestonesCsv')}
          </a>
        </li>
      </ul>
      <p className="muted">{t('note')}</p>
    </section>
  );
}
