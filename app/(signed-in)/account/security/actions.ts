'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { defineAction } from '@/lib/auth/action.ts';
import { beginEnrolment, confirmEnrolment, disableTwoFactor, regenerateRecoveryCodes, TwoFactorError } from '@/lib/data/two-factor.ts';
import type { ActionState } from '@/lib/forms/action-state.ts';

const CodeSchema = z.object({ code: z.string().trim().min(1, 'required').max(32, 'tooLong') });

async function withTwoFactorErrors(run: () => Promise<ActionState>): Promise<ActionState> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof TwoFactorError) return { status: 'error', error: error.reason };
    throw error;
  }
}

/** Makes a pending secret; the page then shows its QR code (post, redirect, get). */
export const beginTwoFactorAction = defineAction({
  permission: 'account:two-factor',
  schema: z.object({}),
  async run(_input, viewer) {
    const result = await withTwoFactorErrors(async () => {
      await beginEnrolment(viewer);
      return { status: 'success' };
    });
    if (result.status === 'error') return result;
    redirect('/account/security');
  },
});

export const confirmTwoFactorAction = defineAction({
  permission: 'account:two-factor',
  schema: CodeSchema,
  run: ({ code }, viewer) =>
    withTwoFactorErrors(async () => ({
      status: 'success',
      message: 'enabled',
      data: { recoveryCodes: await confirmEnrolment(viewer, code) },
    })),
});

export const regenerateRecoveryCodesAction = defineAction({
  permission: 'account:two-factor',
  schema: CodeSchema,
  run: ({ code }, viewer) =>
    withTwoFactorErrors(async () => ({ status: 'success', data: { recoveryCodes: await regenerateRecoveryCodes(viewer, code) } })),
});

export const disableTwoFactorAction = defineAction({
  permission: 'account:two-factor',
  schema: CodeSchema,
  run: ({ code }, viewer) =>
    withTwoFactorErrors(async () => {
      await disableTwoFactor(viewer, code);
      return { status: 'success', message: 'disabled' };
    }),
});
