'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage, SubmitButton } from '@/components/forms/form-parts.tsx';
import { IDLE_STATE } from '@/lib/forms/action-state.ts';
import { endOtherSessionsAction, endSessionAction } from './actions.ts';
import { useAccountText } from './two-factor-forms.tsx';

export interface SessionRow {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  address: string | null;
  userAgent: string | null;
  current: boolean;
}

function EndSession({ id, label }: { id: string; label: string }) {
  const { t, error } = useAccountText();
  const [state, formAction] = useActionState(endSessionAction, IDLE_STATE);
  return (
    <form action={formAction} className="action-form">
      <input type="hidden" name="sessionId" value={id} />
      <SubmitButton label={label} pendingLabel={t('ending')} />
      {error(state) && <FormMessage tone="error">{error(state)}</FormMessage>}
    </form>
  );
}

/** Shown while there are other sessions, and after ending them, to say so. */
function EndOthers({ others }: { others: number }) {
  const { t, error } = useAccountText();
  const [state, formAction] = useActionState(endOtherSessionsAction, IDLE_STATE);
  if (others === 0 && state.status !== 'success') return null;
  return (
    <form action={formAction} className="form">
      {state.status === 'success' && <FormMessage tone="success">{t('otherSessionsEnded')}</FormMessage>}
      {error(state) && <FormMessage tone="error">{error(state)}</FormMessage>}
      {others > 0 && <SubmitButton label={t('endOthers')} pendingLabel={t('ending')} />}
    </form>
  );
}

/** The account's open sessions, newest use first; every one but this one can be ended from here. */
export function SessionList({ sessions }: { sessions: SessionRow[] }) {
  const t = useTranslations('Account');
  const format = useFormatter();
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <>
      <table className="data-table">
        <caption>{t('sessionsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('sessionBrowser')}</th>
            <th scope="col">{t('sessionAddress')}</th>
            <th scope="col">{t('sessionCreated')}</th>
            <th scope="col">{t('sessionLastSeen')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('sessionActions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((session) => (
            <tr key={session.id} data-session={session.current ? 'current' : 'other'}>
              <th scope="row">{session.userAgent ?? t('unknown')}</th>
              <td>{session.address ?? t('unknown')}</td>
              <td>{when(session.createdAt)}</td>
              <td>{when(session.lastSeenAt)}</td>
              <td>{session.current ? <strong>{t('thisSession')}</strong> : <EndSession id={session.id} label={t('endSession')} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <EndOthers others={sessions.filter((session) => !session.current).length} />
    </>
  );
}
