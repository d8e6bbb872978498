import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { FormMessage } from '@/components/forms/form-parts.tsx';
import { homeFor } from '@/lib/auth/home.ts';
import { getViewer, passwordStepProof } from '@/lib/auth/session.ts';
import { safeCallbackPath } from '@/lib/http/request-context.ts';
import { SecondFactorForm, SignInForm } from './sign-in-forms.tsx';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Auth');
  return { title: t('signInTitle'), robots: { index: false } };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = typeof params.callbackUrl === 'string' ? safeCallbackPath(params.callbackUrl, '') : '';
  const viewer = await getViewer();
  if (viewer.kind === 'user') redirect(callbackUrl || homeFor(viewer));

  const t = await getTranslations('Auth');
  const secondStep = params.step === 'code' && (await passwordStepProof()) !== null;
  // next-auth's own endpoints send their errors here as ?error=…
  const linkedError = typeof params.error === 'string' ? params.error : undefined;
  return secondStep ? (
    <>
      <h1>{t('codeTitle')}</h1>
      <p>{t('codeIntro')}</p>
      <SecondFactorForm callbackUrl={callbackUrl} />
    </>
  ) : (
    <>
      <h1>{t('signInTitle')}</h1>
      {params.notice === 'password-set' && <FormMessage tone="success">{t('passwordSet')}</FormMessage>}
      <p>{t('signInIntro')}</p>
      <SignInForm callbackUrl={callbackUrl} linkedError={linkedError} />
    </>
  );
}
