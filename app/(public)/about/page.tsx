import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

// Static text only, no data: the benchmark measures this page as the baseline of what the app itself
// can serve (scripts/bench), so it must stay free of database access.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('About');
  return { title: t('title') };
}

export default async function AboutPage() {
  const t = await getTranslations('About');
  return (
    <article>
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <h2>{t('howHeading')}</h2>
      <p>{t('how')}</p>
      <h2>{t('scoresHeading')}</h2>
      <p>{t('scores')}</p>
      <h2>{t('openHeading')}</h2>
      <p>{t('open')}</p>
    </article>
  );
}
