'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { signOutAction } from '@/app/(auth)/sign-in/actions.ts';
import { SubmitButton } from '@/components/forms/form-parts.tsx';
import { IDLE_STATE } from '@/lib/forms/action-state.ts';

export function SignOutButton() {
  const t = useTranslations('Auth');
  const [, formAction] = useActionState(signOutAction, IDLE_STATE);
  return (
    <form action={formAction} className="inline-form">
      <SubmitButton label={t('signOut')} pendingLabel={t('signOut')} />
    </form>
  );
}
