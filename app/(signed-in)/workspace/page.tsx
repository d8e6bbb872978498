import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requirePage } from '@/lib/auth/page-guard.ts';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('SignedInNav'))('workspace'), robots: { index: false } };
}

export default async function WorkspacePage() {
  await requirePage('workspace:view', '/workspace');
  const t = await getTranslations('SignedInNav');
  return <h1>{t('workspace')}</h1>;
}
