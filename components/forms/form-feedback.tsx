'use client';

import { useTranslations } from 'next-intl';
import { FormMessage } from './form-parts.tsx';

/** Translates action failures and field message keys (the `Forms` catalog). */
export function useFormErrorText() {
  const t = useTranslations('Forms');
  return {
    form: (error: string) => {
      const key = { forbidden: 'forbidden', 'not-found': 'notFound', invalid: 'invalid' }[error] ?? 'unexpected';
      return t(key as 'unexpected');
    },
    field: (key: string) => (t.has(`errors.${key}`) ? t(`errors.${key}` as 'errors.required') : key),
  };
}

/** The session ended while the form was open: nothing is lost, sign in again elsewhere and resubmit. */
export function SessionExpired() {
  const t = useTranslations('Forms');
  return (
    <FormMessage tone="error">
      {t('sessionExpired')}{' '}
      <a href="/sign-in" target="_blank" rel="noopener">
        {t('signInAgain')}
      </a>
    </FormMessage>
  );
}
