import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export default async function Forbidden() {
  const t = await getTranslations('Forbidden');
  return (
    <main id="main" className="page">
      <h1>{t('title')}</h1>
      <p>{t('body')}</p>
      <p>
        <Link href="/">{t('home')}</Link>
      </p>
    </main>
  );
}
