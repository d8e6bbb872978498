import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requirePage } from '@/lib/auth/page-guard.ts';
import { listUsers } from '@/lib/data/admin/users.ts';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('AdminUsers'))('listTitle'), robots: { index: false } };
}

export default async function UsersPage() {
  const viewer = await requirePage('user:manage', '/admin/users');
  const [t, admin, enums, format, users] = await Promise.all([
    getTranslations('AdminUsers'),
    getTranslations('Admin'),
    getTranslations('AdminEnums'),
    getFormatter(),
    listUsers(viewer),
  ]);
  return (
    <>
      <h1>{t('listTitle')}</h1>
      <p className="page-actions">
        <Link href="/admin/users/new" className="button button-primary">
          {t('new')}
        </Link>
      </p>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('name')}</th>
            <th scope="col">{t('role')}</th>
            <th scope="col">{t('side')}</th>
            <th scope="col">{t('status')}</th>
            <th scope="col">{t('twoFactor')}</th>
            <th scope="col">{t('lastSignIn')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id} data-email={user.email}>
              <th scope="row">
                <Link href={`/admin/users/${user.id}`}>{user.name}</Link>
                <br />
                {user.email}
              </th>
              <td>{enums(`UserRole.${user.role}`)}</td>
              <td>{user.party ? (user.party.shortName ?? user.party.name) : t('noSide')}</td>
              <td>{user.active ? admin('active') : admin('inactive')}</td>
              <td>{user.totpEnabledAt ? t('on') : t('off')}</td>
              <td>{user.lastSignInAt ? format.dateTime(user.lastSignInAt, { dateStyle: 'medium', timeStyle: 'short' }) : t('never')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
