'use client';

import { useTranslations } from 'next-intl';

/**
 * Unexpected errors in the signed-in and sign-in areas: a generic message; the details are in the
 * server log. Public pages keep Next.js's own (generic) error page, so they ship no message catalog.
 */
export default function ErrorView({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('Errors');
  return (
    <main id="main" className="page">
      <h1>{t('genericTitle')}</h1>
      <p>{t('genericBody')}</p>
      <button type="button" className="button" onClick={reset}>
        {t('retry')}
      </button>
    </main>
  );
}
