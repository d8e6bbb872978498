import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { errorDocumentStatus } from '@/components/errors/error-document-status.ts';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Forbidden');
  return { title: t('title'), ...errorDocumentStatus('403') };
}

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
