'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage } from '@/components/forms/form-parts.tsx';
import { PendingButton } from '@/components/admin/form-kit.tsx';
import type { ChainVerdict } from '@/lib/audit/chain.ts';
import { IDLE_STATE } from '@/lib/forms/action-state.ts';
import { verifyAuditChainAction } from './actions.ts';

/** Walks the whole hash chain on the server and says whether any row was altered outside the app. */
export function VerifyChainForm() {
  const t = useTranslations('AdminAudit');
  const [state, formAction] = useActionState(verifyAuditChainAction, IDLE_STATE);
  const broken =
    state.status === 'error' && state.error === 'chain-broken' ? (state.current as Extract<ChainVerdict, { ok: false }>) : null;
  return (
    <form action={formAction} className="action-form">
      <PendingButton label={t('verify')} pendingLabel={t('verifying')} variant="secondary" />
      {state.status === 'success' && (
        <FormMessage tone="success">{t('chainOk', { count: (state.data as { checked: number }).checked })}</FormMessage>
      )}
      {broken && (
        <FormMessage tone="error">
          {t(broken.reason === 'content' ? 'chainBrokenContent' : 'chainBrokenLink', { id: broken.brokenAtId, count: broken.checked })}
        </FormMessage>
      )}
      {state.status === 'error' && !broken && <FormMessage tone="error">{t('verifyFailed')}</FormMessage>}
    </form>
  );
}
