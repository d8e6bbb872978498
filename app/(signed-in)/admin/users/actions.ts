'use server';

import { refresh } from 'next/cache';
import { z } from 'zod';
import { defineAction } from '@/lib/auth/action.ts';
import { deactivateUser, reactivateUser, resetPassword, resetTwoFactor } from '@/lib/data/admin/user-account.ts';
import { createUser, updateUser } from '@/lib/data/admin/users.ts';
import { endUserSessions } from '@/lib/data/sessions.ts';
import { requestClient } from '@/lib/auth/session.ts';
import { idField } from '@/lib/validation/fields.ts';
import { siteOrigin } from '@/lib/http/site-url.ts';
import { UserCreateSchema, UserStateSchema, UserUpdateSchema } from '@/lib/validation/user.ts';

/** The one-time link, shown to the admin in this response only (the database keeps its hash). */
function linkData(link: { token: string; expiresAt: Date }) {
  return { link: `${siteOrigin()}/set-password/${link.token}`, expiresAt: link.expiresAt.toISOString() };
}

export const createUserAction = defineAction({
  permission: 'user:manage',
  schema: UserCreateSchema,
  async run(input, viewer) {
    const created = await createUser(viewer, input);
    return { status: 'success', message: 'created', data: { id: created.id, ...linkData(created) } };
  },
});

export const updateUserAction = defineAction({
  permission: 'user:manage',
  schema: UserUpdateSchema,
  async run(input, viewer) {
    await updateUser(viewer, input);
    refresh();
    return { status: 'success', message: 'saved' };
  },
});

const ACCOUNT_CHANGES = ['deactivate', 'reactivate', 'reset-password', 'reset-two-factor'] as const;

export const changeUserAccountAction = defineAction({
  permission: 'user:manage',
  schema: UserStateSchema.extend({ change: z.enum(ACCOUNT_CHANGES, { error: 'invalidChoice' }) }),
  async run({ change, ...input }, viewer) {
    if (change === 'reset-password') {
      const link = await resetPassword(viewer, input);
      refresh();
      return { status: 'success', message: change, data: linkData(link) };
    }
    await { deactivate: deactivateUser, reactivate: reactivateUser, 'reset-two-factor': resetTwoFactor }[change](viewer, input);
    refresh();
    return { status: 'success', message: change };
  },
});

/** Signs the user out on every device at once. */
export const endUserSessionsAction = defineAction({
  permission: 'user:end-sessions',
  schema: z.object({ id: idField }),
  async run({ id }, viewer) {
    const ended = await endUserSessions(viewer, id, (await requestClient()).address);
    refresh();
    return { status: 'success', message: 'sessionsEnded', data: { ended } };
  },
});
