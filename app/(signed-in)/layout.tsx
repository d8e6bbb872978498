import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { SignOutButton } from '@/components/auth/sign-out-button.tsx';
import { allowedRole } from '@/lib/auth/authorize.ts';
import { getViewer } from '@/lib/auth/session.ts';

/** Header for every signed-in page. Each page still checks its own permission (lib/auth/page-guard.ts). */
export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const viewer = await getViewer();
  if (viewer.kind === 'public') redirect('/sign-in');
  const [site, nav, auth] = await Promise.all([getTranslations('Site'), getTranslations('SignedInNav'), getTranslations('Auth')]);
  return (
    <>
      <a className="skip-link" href="#main">{site('skipToContent')}</a>
      <header className="site-header">
        <Link href="/" className="brand">{site('name')}</Link>
        <nav aria-label={nav('label')}>
          <ul className="nav-list">
            {allowedRole(viewer, 'workspace:view') && <li><Link href="/workspace">{nav('workspace')}</Link></li>}
            {allowedRole(viewer, 'admin:view') && <li><Link href="/admin">{nav('admin')}</Link></li>}
            <li><Link href="/account/security">{auth('account')}</Link></li>
          </ul>
        </nav>
        <div className="session-box">
          <span>{auth('signedInAs', { name: viewer.name })}</span>
          <SignOutButton />
        </div>
      </header>
      <main id="main" className="page">{children}</main>
    </>
  );
}
