import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requirePage } from '@/lib/auth/page-guard.ts';
import { listSectors } from '@/lib/data/admin/sectors.ts';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('AdminTaxonomy'))('sector.listTitle'), robots: { index: false } };
}

export default async function SectorsPage() {
  const viewer = await requirePage('sector:manage', '/admin/sectors');
  const [t, sectors] = await Promise.all([getTranslations('AdminTaxonomy'), listSectors(viewer)]);
  return (
    <>
      <h1>{t('sector.listTitle')}</h1>
      <p className="page-actions">
        <Link href="/admin/sectors/new" className="button button-primary">
          {t('sector.new')}
        </Link>
      </p>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('sector.name')}</th>
            <th scope="col">{t('sector.slug')}</th>
            <th scope="col" className="numeric">
              {t('agreementCount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {sectors.map((sector) => (
            <tr key={sector.id} data-slug={sector.slug}>
              <th scope="row">
                <Link href={`/admin/sectors/${sector.id}`}>{sector.name}</Link>
              </th>
              <td>
                <code>{sector.slug}</code>
              </td>
              <td className="numeric">{sector._count.agreements}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
