import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { MergeForm } from '@/components/admin/merge-form.tsx';
import { PageNotice } from '@/components/admin/page-notice.tsx';
import { requirePage } from '@/lib/auth/page-guard.ts';
import { getParty, partyOptions } from '@/lib/data/admin/parties.ts';
import { isUuid } from '@/lib/validation/ids.ts';
import { mergePartyAction } from '../actions.ts';
import { partyKindOptions } from '../kinds.ts';
import { PartyForm } from '../party-form.tsx';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('AdminTaxonomy'))('party.editTitle'), robots: { index: false } };
}

export default async function PartyPage({ params, searchParams }: Props) {
  const { id } = await params;
  const viewer = await requirePage('party:manage', `/admin/parties/${id}`);
  if (!isUuid(id)) notFound();
  const [t, admin, party, kinds, others, { notice }] = await Promise.all([
    getTranslations('AdminTaxonomy'),
    getTranslations('Admin'),
    getParty(viewer, id),
    partyKindOptions(),
    partyOptions(viewer),
    searchParams,
  ]);
  if (!party) notFound();
  return (
    <>
      <p>
        <Link href="/admin/parties">{t('party.back')}</Link>
      </p>
      <PageNotice notice={notice} />
      <h1>{party.name}</h1>
      <p className="record-status">
        {party.archivedAt && <span className="badge badge-muted">{admin('archived')}</span>}
        <Link href={`/admin/audit?entityType=party&entityId=${party.id}`}>{admin('history')}</Link>
      </p>
      {party.mergedIntoId ? (
        <p>
          {t('party.mergedInto')} <Link href={`/admin/parties/${party.mergedIntoId}`}>{t('party.survivor')}</Link>
        </p>
      ) : (
        <>
          <PartyForm record={party} kinds={kinds} />
          <section aria-labelledby="merge">
            <h2 id="merge">{t('party.mergeHeading')}</h2>
            <MergeForm
              action={mergePartyAction}
              id={party.id}
              version={party.version}
              kind="party"
              options={others.filter((option) => option.value !== party.id)}
            />
          </section>
        </>
      )}
    </>
  );
}
