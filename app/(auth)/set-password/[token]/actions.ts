'use server';

import { redirect } from 'next/navigation';
import { defineAction } from '@/lib/auth/action.ts';
import { setPasswordWithToken } from '@/lib/data/password-tokens.ts';
import { SetPasswordSchema } from '@/lib/validation/user.ts';

export const setPasswordAction = defineAction({
  permission: 'account:set-password',
  schema: SetPasswordSchema,
  async run({ token, password }, viewer) {
    await setPasswordWithToken(viewer, token, password);
    redirect('/sign-in?notice=password-set');
  },
});
