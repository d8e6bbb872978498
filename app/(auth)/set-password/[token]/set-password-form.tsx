'use client';

import { useTranslations } from 'next-intl';
import { FormFeedback, PendingButton, TextField, useFormKit } from '@/components/admin/form-kit.tsx';
import { setPasswordAction } from './actions.ts';

export function SetPasswordForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations('SetPassword');
  const kit = useFormKit(setPasswordAction, 'set-password', 'SetPassword');
  return (
    <form action={kit.formAction} className="form" noValidate>
      <FormFeedback kit={kit} />
      <input type="hidden" name="token" value={token} />
      {/* Lets password managers file the new password under the right account. */}
      <input type="hidden" name="username" autoComplete="username" value={email} />
      <TextField
        kit={kit}
        name="password"
        label={t('password')}
        hint={t('passwordHint')}
        type="password"
        autoComplete="new-password"
        required
      />
      <TextField kit={kit} name="passwordConfirmation" label={t('confirmation')} type="password" autoComplete="new-password" required />
      <PendingButton label={t('submit')} pendingLabel={t('submitting')} />
    </form>
  );
}
