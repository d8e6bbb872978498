import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { orPageError, requirePage } from '@/lib/auth/page-guard.ts';
import { toIsoDate } from '@/lib/dates.ts';
import { listParties, loadMilestoneForForm } from '@/lib/data/workspace.ts';
import { DetailsForm } from './details-form.tsx';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Workspace.details'))('title'), robots: { index: false } };
}

export default async function EditMilestonePage({ params }: Props) {
  const { id } = await params;
  const viewer = await requirePage('milestone:edit-details', `/workspace/milestones/${id}/edit`);
  const [milestone, parties, t, tr] = await Promise.all([
    orPageError(() => loadMilestoneForForm(viewer, id, 'milestone:edit-details')),
    listParties(),
    getTranslations('Workspace.details'),
    getTranslations('Workspace.record'),
  ]);
  return (
    <>
      <p>
        <Link href={`/workspace/agreements/${milestone.agreement.slug}#milestone-${milestone.id}`}>{tr('backToAgreement')}</Link>
      </p>
      <h1>{t('title')}</h1>
      <p className="muted">
        {milestone.agreement.title} — {milestone.title}
      </p>
      <DetailsForm
        milestone={{
          id: milestone.id,
          version: milestone.version,
          description: milestone.description,
          dueOn: milestone.dueOn ? toIsoDate(milestone.dueOn) : '',
          responsiblePartyId: milestone.responsiblePartyId ?? '',
        }}
        parties={parties.map((party) => ({ value: party.id, label: party.shortName ? `${party.name} (${party.shortName})` : party.name }))}
      />
    </>
  );
}
