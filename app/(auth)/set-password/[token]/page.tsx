import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getViewer } from '@/lib/auth/session.ts';
import { findPasswordLink } from '@/lib/data/password-tokens.ts';
import { SetPasswordForm } from './set-password-form.tsx';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('SetPassword'))('title'), robots: { index: false } };
}

/** The page of a one-time set-password link; no sign-in needed, the link is the credential. */
export default async function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, format, link] = await Promise.all([getTranslations('SetPassword'), getFormatter(), findPasswordLink(await getViewer(), token)]);
  if (!link) {
    return (
      <>
        <h1>{t('invalidTitle')}</h1>
        <p>{t('invalidBody')}</p>
        <p>
          <Link href="/sign-in">{t('signIn')}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>{t('title')}</h1>
      <p>{t('intro', { email: link.email, expires: format.dateTime(link.expiresAt, { dateStyle: 'medium', timeStyle: 'short' }) })}</p>
      <SetPasswordForm token={token} email={link.email} />
    </>
  );
}
