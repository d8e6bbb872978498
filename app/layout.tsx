import type { Metadata } from 'next';
import { connection } from 'next/server';
import { getLocale, getTranslations } from 'next-intl/server';
import { ErrorDocumentFallback } from '@/components/errors/error-document-fallback.tsx';
import { directionOf } from '@/i18n/config.ts';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Site');
  return {
    title: { default: t('name'), template: `%s · ${t('name')}` },
    description: t('description'),
    openGraph: { siteName: t('name'), type: 'website' },
  };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: pages carry a per-request CSP nonce and read live data, and the
  // build must never need a database.
  await connection();
  const [locale, errors, forbidden] = await Promise.all([getLocale(), getTranslations('Errors'), getTranslations('Forbidden')]);
  return (
    <html lang={locale} dir={directionOf(locale)}>
      <body>
        {/* First in the body, so that it is rendered before anything below can fail. */}
        <ErrorDocumentFallback
          home={errors('backHome')}
          messages={[
            { status: '500', title: errors('genericTitle'), body: errors('genericBody') },
            { status: '404', title: errors('notFoundTitle'), body: errors('notFoundBody') },
            { status: '403', title: forbidden('title'), body: forbidden('body') },
          ]}
        />
        {children}
      </body>
    </html>
  );
}
