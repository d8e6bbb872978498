import Link from 'next/link';
import { redirect } from 'next/navigation';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations } from 'next-intl/server';
import { CLIENT_NAMESPACES, pickClientMessages } from '@/i18n/client-messages.ts';
import { SignOutButton } from '@/components/auth/sign-out-button.tsx';
import { allowedRole } from '@/lib/auth/authorize.ts';
import { getViewer } from '@/lib/auth/session.ts';

/** Header for every signed-in page. Each page still checks its own permission (lib/auth/page-guard.ts). */
export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const viewer = await getViewer();
  if (viewer.kind === 'public') redirect('/sign-in');
  const [site, nav, auth, messages] = await Promise.all([
    getTranslations('Site'),
    getTranslations('SignedInNav'),
    getTranslations('Auth'),
    getMessages(),
  ]);
  return (
    <NextIntlClientProvider messages={pickClientMessages(messages, CLIENT_NAMESPACES.signedIn)}>
      <a className="skip-link" href="#main">
        {site('skipToContent')}
      </a>
      <header className="site-header">
        <Link href="/" className="brand">
          {site('name')}
        </Link>
        <nav aria-label={nav('label')}>
          <ul className="nav-list">
            {allowedRole(viewer, 'workspace:view') && (
              <li>
                <Link href="/workspace">{nav('workspace')}</Link>
              </li>
            )}
            {allowedRole(viewer, 'admin:view') && (
              <li>
                <Link href="/admin">{nav('admin')}</Link>
              </li>
            )}
            <li>
              <Link href="/account/security">{auth('account')}</Link>
            </li>
          </ul>
        </nav>
        <div className="session-box">
          <span>{auth('signedInAs', { name: viewer.name })}</span>
          <SignOutButton />
        </div>
      </header>
      <main id="main" className="page">
        {children}
      </main>
    </NextIntlClientProvider>
  );
}
