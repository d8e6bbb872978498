import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getIsDemoData } from '@/lib/data/public-cache.ts';
import { METHOD_VERSION } from '@/lib/scoring/index.ts';

export default async function PublicLayout({ children }: { children: React.ReactNode }) {
  const [t, nav, demo] = await Promise.all([getTranslations('Site'), getTranslations('Nav'), getIsDemoData()]);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      {demo && (
        <p className="demo-banner" role="note">
          {t('demoBanner')}
        </p>
      )}
      <header className="site-header">
        <Link href="/" className="brand">
          {t('name')}
        </Link>
        <nav aria-label={nav('main')}>
          <ul className="nav-list">
            <li>
              <Link href="/">{nav('dashboard')}</Link>
            </li>
            <li>
              <Link href="/agreements">{nav('agreements')}</Link>
            </li>
            <li>
              <Link href="/methodology">{nav('methodology')}</Link>
            </li>
          </ul>
        </nav>
      </header>
      <main id="main" className="page">
        {children}
      </main>
      <footer className="site-footer">{t('footer', { version: METHOD_VERSION })}</footer>
    </>
  );
}
