'use client';

import { useTranslations } from 'next-intl';

/** Unexpected errors: a generic message here; the details are in the server log. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('Errors');
  return (
    <main id="main" className="page">
      <h1>{t('genericTitle')}</h1>
      <p>{t('genericBody')}</p>
      <button type="button" className="button" onClick={reset}>{t('retry')}</button>
    </main>
  );
}
