import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { MergeForm } from '@/components/admin/merge-form.tsx';
import { PageNotice } from '@/components/admin/page-notice.tsx';
import { requirePage } from '@/lib/auth/page-guard.ts';
import { getSector, sectorOptions } from '@/lib/data/admin/sectors.ts';
import { isUuid } from '@/lib/validation/ids.ts';
import { mergeSectorAction } from '../actions.ts';
import { SectorForm } from '../sector-form.tsx';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('AdminTaxonomy'))('sector.editTitle'), robots: { index: false } };
}

export default async function SectorPage({ params, searchParams }: Props) {
  const { id } = await params;
  const viewer = await requirePage('sector:manage', `/admin/sectors/${id}`);
  if (!isUuid(id)) notFound();
  const [t, admin, sector, others, { notice }] = await Promise.all([
    getTranslations('AdminTaxonomy'),
    getTranslations('Admin'),
    getSector(viewer, id),
    sectorOptions(viewer),
    searchParams,
  ]);
  if (!sector) notFound();
  return (
    <>
      <p>
        <Link href="/admin/sectors">{t('sector.back')}</Link>
      </p>
      <PageNotice notice={notice} />
      <h1>{sector.name}</h1>
      <p className="record-status">
        {sector.archivedAt && <span className="badge badge-muted">{admin('archived')}</span>}
        <Link href={`/admin/audit?entityType=sector&entityId=${sector.id}`}>{admin('history')}</Link>
      </p>
      {sector.mergedIntoId ? (
        <p>
          {t('sector.mergedInto')} <Link href={`/admin/sectors/${sector.mergedIntoId}`}>{t('sector.survivor')}</Link>
        </p>
      ) : (
        <>
          <SectorForm record={sector} />
          <section aria-labelledby="merge">
            <h2 id="merge">{t('sector.mergeHeading')}</h2>
            <MergeForm
              action={mergeSectorAction}
              id={sector.id}
              version={sector.version}
              kind="sector"
              options={others.filter((option) => option.value !== sector.id)}
            />
          </section>
        </>
      )}
    </>
  );
}
