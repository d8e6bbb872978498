import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requirePage } from '@/lib/auth/page-guard.ts';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('SignedInNav'))('admin'), robots: { index: false } };
}

export default async function AdminPage() {
  await requirePage('admin:view', '/admin');
  const t = await getTranslations('SignedInNav');
  return <h1>{t('admin')}</h1>;
}
