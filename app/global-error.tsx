'use client';

import { createTranslator } from 'next-intl';
import { defaultLocale } from '@/i18n/config.ts';
import common from '@/messages/en/common.json';

// Rendered when the root layout itself fails, so neither the request's locale nor the message
// provider is available: the default locale's catalog is imported directly.
const t = createTranslator({ locale: defaultLocale, messages: { Errors: common.Errors }, namespace: 'Errors' });

export default function GlobalError() {
  return (
    <html lang={defaultLocale}>
      <body>
        <main>
          <h1>{t('genericTitle')}</h1>
          <p>{t('genericBody')}</p>
          <p>
            {/* A plain link: the router may be what failed. */}
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
            <a href="/">{t('backHome')}</a>
          </p>
        </main>
      </body>
    </html>
  );
}
