'use server';

import { redirect } from 'next/navigation';
import { refresh } from 'next/cache';
import { z } from 'zod';
import { defineAction } from '@/lib/auth/action.ts';
import { NotFoundError } from '@/lib/auth/errors.ts';
import { requestClient } from '@/lib/auth/session.ts';
import { endOwnOtherSessions, endOwnSession } from '@/lib/data/sessions.ts';
import { beginEnrolment, confirmEnrolment, disableTwoFactor, regenerateRecoveryCodes, TwoFactorError } from '@/lib/data/two-factor.ts';
import type { ActionState } from '@/lib/forms/action-state.ts';
import { idField, text } from '@/lib/validation/fields.ts';

/** A change of factors asks for the password again, and a code. */
const FactorProofSchema = z.object({
  password: text({ error: 'required' }).min(1, 'required').max(1024, 'tooLong'),
  code: text({ error: 'required' }).trim().min(1, 'required').max(32, 'tooLong'),
});

async function withTwoFactorErrors(run: () => Promise<ActionState>): Promise<ActionState> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof TwoFactorError) return { status: 'error', error: error.reason, retryAfterSeconds: error.retryAfterSeconds };
    throw error;
  }
}

const address = async () => (await requestClient()).address;

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
  schema: FactorProofSchema,
  run: (proof, viewer) =>
    withTwoFactorErrors(async () => ({
      status: 'success',
      message: 'enabled',
      data: { recoveryCodes: await confirmEnrolment(viewer, proof, await address()) },
    })),
});

export const regenerateRecoveryCodesAction = defineAction({
  permission: 'account:two-factor',
  schema: FactorProofSchema,
  run: (proof, viewer) =>
    withTwoFactorErrors(async () => ({
      status: 'success',
      data: { recoveryCodes: await regenerateRecoveryCodes(viewer, proof, await address()) },
    })),
});

export const disableTwoFactorAction = defineAction({
  permission: 'account:two-factor',
  schema: FactorProofSchema,
  run: (proof, viewer) =>
    withTwoFactorErrors(async () => {
      await disableTwoFactor(viewer, proof, await address());
      return { status: 'success', message: 'disabled' };
    }),
});

export const endSessionAction = defineAction({
  permission: 'session:end',
  schema: z.object({ sessionId: idField }),
  async run({ sessionId }, viewer) {
    try {
      await endOwnSession(viewer, sessionId, await address());
    } catch (error) {
      // Already ended (elsewhere, or by timing out): the list is simply out of date.
      if (!(error instanceof NotFoundError)) throw error;
    }
    refresh();
    return { status: 'success', message: 'sessionEnded' };
  },
});

export const endOtherSessionsAction = defineAction({
  permission: 'session:end-others',
  schema: z.object({}),
  async run(_input, viewer) {
    const ended = await endOwnOtherSessions(viewer, await address());
    refresh();
    return { status: 'success', message: 'otherSessionsEnded', data: { ended } };
  },
});
