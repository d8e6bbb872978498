import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requirePage } from '@/lib/auth/page-guard.ts';
import { userChoices } from '../choices.ts';
import { UserForm } from '../user-form.tsx';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('AdminUsers'))('newTitle'), robots: { index: false } };
}

export default async function NewUserPage() {
  const viewer = await requirePage('user:manage', '/admin/users/new');
  const [t, choices] = await Promise.all([getTranslations('AdminUsers'), userChoices(viewer)]);
  return (
    <>
      <p>
        <Link href="/admin/users">{t('back')}</Link>
      </p>
      <h1>{t('newTitle')}</h1>
      <p>{t('newIntro')}</p>
      <UserForm roles={choices.roles} parties={choices.parties} />
    </>
  );
}
