import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { orPageError, requirePage } from '@/lib/auth/page-guard.ts';
import { todayIso, toIsoDate } from '@/lib/dates.ts';
import { loadMilestoneForForm } from '@/lib/data/workspace.ts';
import { EVIDENCE_KINDS, PROGRESS_STATUSES } from '@/lib/validation/progress.ts';
import { RecordForm, type RecordFormDefaults } from './record-form.tsx';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Workspace.record'))('title'), robots: { index: false } };
}

export default async function RecordPage({ params, searchParams }: Props) {
  const { id } = await params;
  const viewer = await requirePage('progress:record', `/workspace/milestones/${id}/record`);
  const milestone = await orPageError(() => loadMilestoneForForm(viewer, id, 'progress:record'));
  const [t, status, evidenceKind, reviewState] = await Promise.all([
    getTranslations('Workspace.record'),
    getTranslations('ProgressStatus'),
    getTranslations('EvidenceKind'),
    getTranslations('ReviewState'),
  ]);
  const { correcting: correctingId } = await searchParams;
  const correcting = milestone.updates.find((update) => update.id === correctingId);
  const defaults: RecordFormDefaults = correcting
    ? {
        observedOn: toIsoDate(correcting.observedOn),
        status: correcting.status,
        progress: correcting.progress?.toString() ?? '',
        quantity: correcting.quantity?.toString() ?? '',
        actualValue: correcting.actualValue?.toString() ?? '',
        narrative: correcting.narrative,
        supersedesId: correcting.id,
      }
    : { observedOn: todayIso(), status: 'IN_PROGRESS' };
  return (
    <>
      <p>
        <Link href={`/workspace/agreements/${milestone.agreement.slug}#milestone-${milestone.id}`}>{t('backToAgreement')}</Link>
      </p>
      <h1>{milestone.kind === 'RECURRING' ? t('titleDelivery') : t('title')}</h1>
      <p className="muted">
        {milestone.agreement.title} — {milestone.title}
      </p>
      <p>{t('intro')}</p>
      <RecordForm
        milestone={{ id: milestone.id, kind: milestone.kind, unit: milestone.unit ?? '' }}
        defaults={defaults}
        statuses={PROGRESS_STATUSES.map((value) => ({ value, label: status(value) }))}
        evidenceKinds={EVIDENCE_KINDS.map((value) => ({ value, label: evidenceKind(value) }))}
        correctable={milestone.updates.map((update) => ({
          value: update.id,
          label: `${toIsoDate(update.observedOn)} — ${reviewState(update.reviewState)} — ${update.narrative.slice(0, 80)}`,
        }))}
      />
    </>
  );
}
