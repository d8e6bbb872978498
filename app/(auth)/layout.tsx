import Link from 'next/link';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations } from 'next-intl/server';
import { CLIENT_NAMESPACES, pickClientMessages } from '@/i18n/client-messages.ts';

export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  const [t, messages] = await Promise.all([getTranslations('Site'), getMessages()]);
  return (
    <>
      <header className="site-header">
        <Link href="/" className="brand">
          {t('name')}
        </Link>
      </header>
      <main id="main" className="page narrow">
        <NextIntlClientProvider messages={pickClientMessages(messages, CLIENT_NAMESPACES.auth)}>{children}</NextIntlClientProvider>
      </main>
    </>
  );
}
