import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AssignForm } from '@/components/admin/assign-form.tsx';
import { ActionButton } from '@/components/admin/form-kit.tsx';
import { PageNotice } from '@/components/admin/page-notice.tsx';
import { requirePage } from '@/lib/auth/page-guard.ts';
import { getAgreementForAdmin } from '@/lib/data/admin/agreements.ts';
import { analystOptions } from '@/lib/data/admin/assignments.ts';
import { isUuid } from '@/lib/validation/ids.ts';
import { unassignAnalystAction } from '../../assignments/actions.ts';
import { changeAgreementStateAction } from '../actions.ts';
import { AgreementForm } from '../agreement-form.tsx';
import { agreementChoices } from '../choices.ts';
import { MilestoneTable } from './milestone-table.tsx';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('AdminAgreements'))('editTitle'), robots: { index: false } };
}

export default async function AdminAgreementPage({ params, searchParams }: Props) {
  const { id } = await params;
  const viewer = await requirePage('agreement:manage', `/admin/agreements/${id}`);
  if (!isUuid(id)) notFound();
  const [t, admin, found, choices, analysts, { notice }] = await Promise.all([
    getTranslations('AdminAgreements'),
    getTranslations('Admin'),
    getAgreementForAdmin(viewer, id),
    agreementChoices(viewer),
    analystOptions(viewer),
    searchParams,
  ]);
  if (!found) notFound();
  const { agreement, form } = found;
  const published = agreement.publication === 'PUBLISHED';
  const archived = agreement.archivedAt !== null;
  const assigned = new Set(agreement.assignments.map((assignment) => assignment.user.id));
  return (
    <>
      <p>
        <Link href="/admin/agreements">{t('back')}</Link>
      </p>
      <PageNotice notice={notice} />
      <h1>{agreement.title}</h1>
      <p className="record-status">
        <span className="badge">{admin(`publication.${agreement.publication}`)}</span>
        {archived && <span className="badge badge-muted">{admin('archived')}</span>}
        <Link href={`/admin/audit?entityType=agreement&entityId=${agreement.id}`}>{admin('history')}</Link>
      </p>
      <div className="row-actions">
        {!archived && (
          <ActionButton
            action={changeAgreementStateAction}
            idPrefix="publication"
            fields={{ id: agreement.id, change: published ? 'unpublish' : 'publish' }}
            version={agreement.version}
            label={published ? t('unpublish') : t('publish')}
            pendingLabel={admin('working')}
            variant={published ? 'secondary' : 'primary'}
          />
        )}
        <ActionButton
          action={changeAgreementStateAction}
          idPrefix="archive"
          fields={{ id: agreement.id, change: archived ? 'restore' : 'archive' }}
          version={agreement.version}
          label={archived ? t('restore') : t('archive')}
          pendingLabel={admin('working')}
          variant={archived ? 'primary' : 'danger'}
          errorValues={{ slug: agreement.slug }}
        />
      </div>
      {archived ? (
        <p>{t('archivedExplanation', { slug: agreement.slug })}</p>
      ) : (
        <section aria-labelledby="details">
          <h2 id="details">{t('details')}</h2>
          <AgreementForm record={form} choices={choices} />
        </section>
      )}

      <section aria-labelledby="milestones">
        <h2 id="milestones">{t('milestones')}</h2>
        {!archived && (
          <p>
            <Link href={`/admin/agreements/${agreement.id}/milestones/new`} className="button button-primary">
              {t('addMilestone')}
            </Link>
          </p>
        )}
        <MilestoneTable agreementId={agreement.id} milestones={agreement.milestones} />
      </section>

      <section aria-labelledby="assignments">
        <h2 id="assignments">{t('assignments')}</h2>
        <p>{t('assignmentsIntro')}</p>
        {agreement.assignments.length === 0 ? (
          <p>{t('noAssignments')}</p>
        ) : (
          <ul className="plain-list">
            {agreement.assignments.map(({ user }) => (
              <li key={user.id}>
                <Link href={`/admin/users/${user.id}`}>{user.name}</Link> ({user.email}){!user.active && ` — ${admin('inactive')}`}
                <ActionButton
                  action={unassignAnalystAction}
                  idPrefix={`unassign-${user.id}`}
                  fields={{ agreementId: agreement.id, userId: user.id }}
                  label={admin('unassign')}
                  ariaLabel={admin('unassignNamed', { name: user.name })}
                  pendingLabel={admin('working')}
                />
              </li>
            ))}
          </ul>
        )}
        {!archived && (
          <AssignForm
            fixed={{ name: 'agreementId', value: agreement.id }}
            choose="userId"
            options={analysts.filter((option) => !assigned.has(option.value))}
          />
        )}
      </section>
    </>
  );
}
