import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requirePage } from '@/lib/auth/page-guard.ts';
import { listParties } from '@/lib/data/admin/parties.ts';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('AdminTaxonomy'))('party.listTitle'), robots: { index: false } };
}

export default async function PartiesPage() {
  const viewer = await requirePage('party:manage', '/admin/parties');
  const [t, enums, parties] = await Promise.all([getTranslations('AdminTaxonomy'), getTranslations('AdminEnums'), listParties(viewer)]);
  return (
    <>
      <h1>{t('party.listTitle')}</h1>
      <p className="page-actions">
        <Link href="/admin/parties/new" className="button button-primary">
          {t('party.new')}
        </Link>
      </p>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('party.name')}</th>
            <th scope="col">{t('party.kind')}</th>
            <th scope="col">{t('party.countryCode')}</th>
            <th scope="col" className="numeric">
              {t('agreementCount')}
            </th>
            <th scope="col" className="numeric">
              {t('party.userCount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {parties.map((party) => (
            <tr key={party.id} data-slug={party.slug}>
              <th scope="row">
                <Link href={`/admin/parties/${party.id}`}>{party.name}</Link>
                {party.shortName && ` (${party.shortName})`}
              </th>
              <td>{enums(`PartyKind.${party.kind}`)}</td>
              <td>{party.countryCode}</td>
              <td className="numeric">{party._count.agreements}</td>
              <td className="numeric">{party._count.users}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
