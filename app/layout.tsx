import type { Metadata } from 'next';
import { connection } from 'next/server';
import { getLocale, getTranslations } from 'next-intl/server';
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
  const locale = await getLocale();
  return (
    <html lang={locale} dir={directionOf(locale)}>
      <body>{children}</body>
    </html>
  );
}
