import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requirePage } from '@/lib/auth/page-guard.ts';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('SignedInNav'))('admin'), robots: { index: false } };
}

const SECTIONS = ['agreements', 'parties', 'sectors', 'users', 'audit', 'data', 'import'] as const;

export default async function AdminPage() {
  await requirePage('admin:view', '/admin');
  const [nav, t] = await Promise.all([getTranslations('SignedInNav'), getTranslations('Admin')]);
  return (
    <>
      <h1>{nav('admin')}</h1>
      <p>{t('overviewIntro')}</p>
      <ul className="section-list">
        {SECTIONS.map((section) => (
          <li key={section}>
            <Link href={`/admin/${section}`}>{t(`nav.${section}`)}</Link>
            <p>{t(`sections.${section}`)}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
