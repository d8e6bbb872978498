import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requirePage } from '@/lib/auth/page-guard.ts';
import { listAgreementsForAdmin } from '@/lib/data/admin/agreements.ts';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('AdminAgreements'))('listTitle'), robots: { index: false } };
}

export default async function AdminAgreementsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requirePage('agreement:manage', '/admin/agreements');
  const archived = (await searchParams).show === 'archived';
  const [t, admin, status, format, agreements] = await Promise.all([
    getTranslations('AdminAgreements'),
    getTranslations('Admin'),
    getTranslations('LifecycleStatus'),
    getFormatter(),
    listAgreementsForAdmin(viewer, archived),
  ]);
  return (
    <>
      <h1>{archived ? t('archivedTitle') : t('listTitle')}</h1>
      <p className="page-actions">
        <Link href="/admin/agreements/new" className="button button-primary">
          {t('new')}
        </Link>
        <Link href={archived ? '/admin/agreements' : '/admin/agreements?show=archived'}>
          {archived ? t('showLive') : t('showArchived')}
        </Link>
      </p>
      {agreements.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('title')}</th>
              <th scope="col">{t('status')}</th>
              <th scope="col">{t('publication')}</th>
              <th scope="col" className="numeric">
                {t('milestoneCount')}
              </th>
              <th scope="col" className="numeric">
                {t('score')}
              </th>
            </tr>
          </thead>
          <tbody>
            {agreements.map((agreement) => (
              <tr key={agreement.id} data-slug={agreement.slug}>
                <th scope="row">
                  <Link href={`/admin/agreements/${agreement.id}`}>{agreement.title}</Link>
                  <br />
                  <code>{agreement.slug}</code>
                </th>
                <td>{status(agreement.status)}</td>
                <td>{admin(`publication.${agreement.publication}`)}</td>
                <td className="numeric">{agreement._count.milestones}</td>
                <td className="numeric">{format.number(agreement.score / 100, { style: 'percent', maximumFractionDigits: 0 })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
