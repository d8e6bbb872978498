import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { FormMessage } from '@/components/forms/form-parts.tsx';
import { requirePage } from '@/lib/auth/page-guard.ts';
import { qrCodeDataUrl, totpUri } from '@/lib/auth/totp.ts';
import { listOwnSessions } from '@/lib/data/sessions.ts';
import { twoFactorStatus } from '@/lib/data/two-factor.ts';
import { SessionList } from './session-list.tsx';
import { CodeForm, ConfirmTwoFactor, StartTwoFactor } from './two-factor-forms.tsx';
import { disableTwoFactorAction, regenerateRecoveryCodesAction } from './actions.ts';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Account'))('title'), robots: { index: false } };
}

export default async function SecurityPage() {
  const viewer = await requirePage('account:two-factor', '/account/security');
  const [t, format, status, sessions] = await Promise.all([
    getTranslations('Account'),
    getFormatter(),
    twoFactorStatus(viewer),
    listOwnSessions(viewer),
  ]);
  return (
    <>
      <h1>{t('title')}</h1>
      <section aria-labelledby="two-factor">
        <h2 id="two-factor">{t('twoFactorHeading')}</h2>
        {viewer.mustEnrolTwoFactor && <FormMessage tone="error">{t('adminMustEnrol')}</FormMessage>}
        {status.enabledAt ? (
          <>
            <p>{t('twoFactorOn', { date: format.dateTime(new Date(status.enabledAt), { dateStyle: 'long' }) })}</p>
            <p>{t('recoveryRemaining', { count: status.recoveryCodesLeft })}</p>
            <CodeForm action={regenerateRecoveryCodesAction} idPrefix="regenerate" label={t('regenerate')} />
            {viewer.role !== 'ADMIN' && (
              <CodeForm action={disableTwoFactorAction} idPrefix="disable" label={t('disable')} hint={t('disableHint')} />
            )}
          </>
        ) : (
          <>
            <p>{t('twoFactorOff')}</p>
            {status.pendingSecret ? (
              <ConfirmTwoFactor secret={status.pendingSecret} qr={await qrCodeDataUrl(totpUri(viewer.email, status.pendingSecret))} />
            ) : (
              <StartTwoFactor />
            )}
          </>
        )}
      </section>
      <section aria-labelledby="sessions">
        <h2 id="sessions">{t('sessionsHeading')}</h2>
        <p>{t('sessionsIntro')}</p>
        <SessionList
          sessions={sessions.map((session) => ({
            ...session,
            createdAt: session.createdAt.toISOString(),
            lastSeenAt: session.lastSeenAt.toISOString(),
          }))}
        />
      </section>
    </>
  );
}
