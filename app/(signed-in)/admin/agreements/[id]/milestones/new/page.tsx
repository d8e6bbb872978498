import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requirePage } from '@/lib/auth/page-guard.ts';
import { getAgreementForAdmin } from '@/lib/data/admin/agreements.ts';
import { isUuid } from '@/lib/validation/ids.ts';
import { milestoneChoices } from '../choices.ts';
import { MilestoneForm } from '../milestone-form.tsx';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('AdminMilestones'))('newTitle'), robots: { index: false } };
}

export default async function NewMilestonePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requirePage('milestone:manage', `/admin/agreements/${id}/milestones/new`);
  if (!isUuid(id)) notFound();
  const [t, found, choices] = await Promise.all([
    getTranslations('AdminMilestones'),
    getAgreementForAdmin(viewer, id),
    milestoneChoices(viewer),
  ]);
  if (!found) notFound();
  return (
    <>
      <p>
        <Link href={`/admin/agreements/${id}#milestones`}>{t('back', { title: found.agreement.title })}</Link>
      </p>
      <h1>{t('newTitle')}</h1>
      <MilestoneForm agreementId={id} choices={choices} />
    </>
  );
}
