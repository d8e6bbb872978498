'use client';

import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { FormFeedback, PendingButton, SelectField, TextField, useFormKit, type Option } from '@/components/admin/form-kit.tsx';
import type { userFormView } from '@/lib/data/admin/users.ts';
import { changeUserAccountAction, createUserAction, updateUserAction } from './actions.ts';

type UserRecord = NonNullable<Awaited<ReturnType<typeof userFormView>>>;
interface LinkData {
  id?: string;
  link: string;
  expiresAt: string;
}

/** The set-password link, shown once: only its hash is stored. */
export function OneTimeLink({ data }: { data: LinkData }) {
  const t = useTranslations('AdminUsers');
  const format = useFormatter();
  return (
    <section className="one-time-link" aria-labelledby="one-time-link">
      <h2 id="one-time-link">{t('linkHeading')}</h2>
      <p>{t('linkIntro', { expires: format.dateTime(new Date(data.expiresAt), { dateStyle: 'medium', timeStyle: 'short' }) })}</p>
      <label htmlFor="one-time-link-url">{t('linkLabel')}</label>
      <input id="one-time-link-url" className="link-box" readOnly value={data.link} />
      {data.id && (
        <p>
          <Link href={`/admin/users/${data.id}`}>{t('openUser')}</Link>
        </p>
      )}
    </section>
  );
}

export function UserForm({ record, roles, parties }: { record?: UserRecord; roles: Option[]; parties: Option[] }) {
  const t = useTranslations('AdminUsers');
  const kit = useFormKit(record ? updateUserAction : createUserAction, 'user');
  const created = !record && kit.state.status === 'success' ? (kit.state.data as LinkData) : null;
  if (created) {
    return (
      <>
        <FormFeedback kit={kit} />
        <OneTimeLink data={created} />
        <p>
          <Link href="/admin/users/new">{t('createAnother')}</Link>
        </p>
      </>
    );
  }
  const party = new Map(parties.map((option) => [option.value, option.label]));
  return (
    <form action={kit.formAction} className="form" noValidate>
      <FormFeedback
        kit={kit}
        conflictFields={[
          { name: 'name', label: t('name') },
          { name: 'email', label: t('email') },
          { name: 'role', label: t('role') },
          { name: 'partyId', label: t('side'), format: (value) => party.get(String(value)) ?? String(value) },
        ]}
      />
      {record && <input type="hidden" name="id" value={record.id} />}
      {record && <input type="hidden" name="version" value={kit.version(record.version)} />}
      <TextField kit={kit} name="name" label={t('name')} stored={record?.name} required />
      <TextField kit={kit} name="email" label={t('email')} stored={record?.email} type="email" autoComplete="off" required />
      <div className="inline-fields">
        <SelectField kit={kit} name="role" label={t('role')} stored={record?.role ?? 'ANALYST'} options={roles} required />
        <SelectField
          kit={kit}
          name="partyId"
          label={t('side')}
          stored={record?.partyId}
          options={parties}
          emptyLabel={t('noSide')}
          hint={t('sideHint')}
        />
      </div>
      {record && <p className="field-hint">{t('sessionsEndHint')}</p>}
      <PendingButton label={record ? t('save') : t('create')} pendingLabel={t('saving')} />
    </form>
  );
}

/** Resets the password: the old one stops working now and a new one-time link is shown. */
export function ResetPasswordButton({ id, version }: { id: string; version: number }) {
  const t = useTranslations('AdminUsers');
  const admin = useTranslations('Admin');
  const kit = useFormKit(changeUserAccountAction, 'reset-password');
  const data = kit.state.status === 'success' ? (kit.state.data as LinkData) : null;
  return (
    <form action={kit.formAction} className="action-form">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={kit.version(version)} />
      <input type="hidden" name="change" value="reset-password" />
      <PendingButton label={t('resetPassword')} pendingLabel={admin('working')} variant="secondary" />
      <FormFeedback kit={kit} />
      {data && <OneTimeLink data={data} />}
    </form>
  );
}
