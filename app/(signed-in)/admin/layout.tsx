import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { allowedRole } from '@/lib/auth/authorize.ts';
import { getViewer } from '@/lib/auth/session.ts';

const SECTIONS = [
  ['agreements', '/admin/agreements'],
  ['parties', '/admin/parties'],
  ['sectors', '/admin/sectors'],
  ['users', '/admin/users'],
  ['audit', '/admin/audit'],
  ['data', '/admin/data'],
  ['import', '/admin/import'],
] as const;

/** The console's own navigation. Each page checks its permission itself; this only hides links. */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const viewer = await getViewer();
  const t = await getTranslations('Admin');
  return (
    <>
      {allowedRole(viewer, 'admin:view') && (
        <nav aria-label={t('nav.label')} className="admin-nav">
          <ul className="nav-list">
            <li>
              <Link href="/admin">{t('nav.overview')}</Link>
            </li>
            {SECTIONS.map(([key, href]) => (
              <li key={key}>
                <Link href={href}>{t(`nav.${key}`)}</Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {children}
    </>
  );
}
