import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { AssignForm } from '@/components/admin/assign-form.tsx';
import { ActionButton } from '@/components/admin/form-kit.tsx';
import { requirePage } from '@/lib/auth/page-guard.ts';
import { agreementOptions } from '@/lib/data/admin/assignments.ts';
import { getUserForAdmin } from '@/lib/data/admin/users.ts';
import { listUserSessions } from '@/lib/data/sessions.ts';
import { isUuid } from '@/lib/validation/ids.ts';
import { unassignAnalystAction } from '../../assignments/actions.ts';
import { changeUserAccountAction, endUserSessionsAction } from '../actions.ts';
import { userChoices } from '../choices.ts';
import { ResetPasswordButton, UserForm } from '../user-form.tsx';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('AdminUsers'))('editTitle'), robots: { index: false } };
}

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requirePage('user:manage', `/admin/users/${id}`);
  if (!isUuid(id)) notFound();
  const [t, admin, format, found, choices, agreements, sessions] = await Promise.all([
    getTranslations('AdminUsers'),
    getTranslations('Admin'),
    getFormatter(),
    getUserForAdmin(viewer, id),
    userChoices(viewer),
    agreementOptions(viewer),
    listUserSessions(viewer, id),
  ]);
  if (!found) notFound();
  const { form: user, details } = found;
  const when = (date: Date | null) => (date ? format.dateTime(date, { dateStyle: 'medium', timeStyle: 'short' }) : t('never'));
  const assigned = new Set(details.assignments.map(({ agreement }) => agreement.id));
  return (
    <>
      <p>
        <Link href="/admin/users">{t('back')}</Link>
      </p>
      <h1>{user.name}</h1>
      <p className="record-status">
        <span className="badge">{user.active ? admin('active') : admin('inactive')}</span>
        <Link href={`/admin/audit?entityType=user&entityId=${user.id}`}>{admin('history')}</Link>
      </p>
      <dl className="admin-facts">
        <dt>{t('password')}</dt>
        <dd>
          {details.hasPassword
            ? t('passwordSet')
            : details.openLinkExpiresAt
              ? t('linkOpenUntil', { date: when(details.openLinkExpiresAt) })
              : t('noPassword')}
        </dd>
        <dt>{t('twoFactor')}</dt>
        <dd>{details.totpEnabledAt ? t('twoFactorSince', { date: when(details.totpEnabledAt) }) : t('off')}</dd>
        <dt>{t('lastSignIn')}</dt>
        <dd>{when(details.lastSignInAt)}</dd>
        <dt>{t('sessions')}</dt>
        <dd>
          {sessions.length === 0 ? t('noSessions') : t('sessionsOpen', { count: sessions.length, lastSeen: when(sessions[0]!.lastSeenAt) })}
        </dd>
      </dl>

      <section aria-labelledby="account">
        <h2 id="account">{t('accountHeading')}</h2>
        <p>{t('accountIntro')}</p>
        <div className="row-actions">
          <ActionButton
            action={changeUserAccountAction}
            idPrefix="activation"
            fields={{ id: user.id, change: user.active ? 'deactivate' : 'reactivate' }}
            version={user.version}
            label={user.active ? t('deactivate') : t('reactivate')}
            pendingLabel={admin('working')}
            variant={user.active ? 'danger' : 'primary'}
          />
          <ResetPasswordButton id={user.id} version={user.version} />
          {sessions.length > 0 && (
            <ActionButton
              action={endUserSessionsAction}
              idPrefix="end-sessions"
              fields={{ id: user.id }}
              label={t('endSessions')}
              pendingLabel={admin('working')}
              success={t('sessionsEnded')}
            />
          )}
          {details.totpEnabledAt && (
            <ActionButton
              action={changeUserAccountAction}
              idPrefix="reset-two-factor"
              fields={{ id: user.id, change: 'reset-two-factor' }}
              version={user.version}
              label={t('resetTwoFactor')}
              pendingLabel={admin('working')}
            />
          )}
        </div>
      </section>

      <section aria-labelledby="profile">
        <h2 id="profile">{t('profileHeading')}</h2>
        <UserForm record={user} roles={choices.roles} parties={choices.parties} />
      </section>

      {user.role === 'ANALYST' && (
        <section aria-labelledby="assignments">
          <h2 id="assignments">{t('assignmentsHeading')}</h2>
          {details.assignments.length === 0 ? (
            <p>{t('noAssignments')}</p>
          ) : (
            <ul className="plain-list">
              {details.assignments.map(({ agreement }) => (
                <li key={agreement.id}>
                  <Link href={`/admin/agreements/${agreement.id}`}>{agreement.title}</Link>
                  {agreement.archivedAt && ` — ${admin('archived')}`}
                  <ActionButton
                    action={unassignAnalystAction}
                    idPrefix={`unassign-${agreement.id}`}
                    fields={{ agreementId: agreement.id, userId: user.id }}
                    label={admin('unassign')}
                    ariaLabel={admin('unassignNamed', { name: agreement.title })}
                    pendingLabel={admin('working')}
                  />
                </li>
              ))}
            </ul>
          )}
          {user.active && (
            <AssignForm
              fixed={{ name: 'userId', value: user.id }}
              choose="agreementId"
              options={agreements.filter((option) => !assigned.has(option.value))}
            />
          )}
        </section>
      )}
    </>
  );
}
