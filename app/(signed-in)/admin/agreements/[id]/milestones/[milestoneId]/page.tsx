import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ActionButton } from '@/components/admin/form-kit.tsx';
import { requirePage } from '@/lib/auth/page-guard.ts';
import { getMilestoneForAdmin } from '@/lib/data/admin/milestones.ts';
import { isUuid } from '@/lib/validation/ids.ts';
import { changeMilestoneStateAction } from '../actions.ts';
import { milestoneChoices } from '../choices.ts';
import { MilestoneForm } from '../milestone-form.tsx';

type Props = { params: Promise<{ id: string; milestoneId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('AdminMilestones'))('editTitle'), robots: { index: false } };
}

export default async function MilestonePage({ params }: Props) {
  const { id, milestoneId } = await params;
  const viewer = await requirePage('milestone:manage', `/admin/agreements/${id}/milestones/${milestoneId}`);
  if (!isUuid(milestoneId)) notFound();
  const [t, admin, milestone, choices] = await Promise.all([
    getTranslations('AdminMilestones'),
    getTranslations('Admin'),
    getMilestoneForAdmin(viewer, milestoneId),
    milestoneChoices(viewer),
  ]);
  if (!milestone || milestone.agreementId !== id) notFound();
  const archived = milestone.archivedAt !== null;
  return (
    <>
      <p>
        <Link href={`/admin/agreements/${id}#milestones`}>{t('backToAgreement')}</Link>
      </p>
      <h1>{milestone.title}</h1>
      <p className="record-status">
        {archived && <span className="badge badge-muted">{admin('archived')}</span>}
        <Link href={`/admin/audit?entityType=milestone&entityId=${milestone.id}`}>{admin('history')}</Link>
      </p>
      <div className="row-actions">
        <ActionButton
          action={changeMilestoneStateAction}
          idPrefix="milestone-state"
          fields={{ id: milestone.id, change: archived ? 'restore' : 'archive' }}
          version={milestone.version}
          label={archived ? t('restore') : t('archive')}
          pendingLabel={admin('working')}
          variant={archived ? 'primary' : 'danger'}
        />
      </div>
      <p>{archived ? t('archivedExplanation') : t('archiveExplanation')}</p>
      <MilestoneForm agreementId={id} record={milestone} choices={choices} />
    </>
  );
}
