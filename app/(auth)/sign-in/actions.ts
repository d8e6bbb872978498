'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { defineAction } from '@/lib/auth/action.ts';
import { verifyPasswordStep, verifySecondFactorStep } from '@/lib/auth/authenticate.ts';
import { homeFor } from '@/lib/auth/home.ts';
import {
  clearSessionCookies,
  passwordStepProof,
  rememberPasswordStep,
  requestClient,
  startSession,
  viewerForUser,
} from '@/lib/auth/session.ts';
import { signOut } from '@/lib/data/sessions.ts';
import { safeCallbackPath } from '@/lib/http/request-context.ts';
import { text } from '@/lib/validation/fields.ts';

const PasswordStepSchema = z.object({
  email: text().trim().min(1, 'required').max(320, 'tooLong'),
  password: text().min(1, 'required').max(1024, 'tooLong'),
  callbackUrl: text().max(2000, 'tooLong').optional(),
});

const SecondFactorSchema = z.object({
  code: text().trim().min(1, 'required').max(64, 'tooLong'),
  callbackUrl: text().max(2000, 'tooLong').optional(),
});

async function landingFor(userId: string, sessionVersion: number, callbackUrl: string | undefined) {
  const viewer = await viewerForUser(userId, sessionVersion);
  // An admin who has not enrolled a second factor goes to enrolment whatever the link asked for.
  return viewer.kind === 'user' && viewer.mustEnrolTwoFactor ? homeFor(viewer) : safeCallbackPath(callbackUrl, homeFor(viewer));
}

export const signInAction = defineAction({
  permission: 'session:sign-in',
  schema: PasswordStepSchema,
  async run({ email, password, callbackUrl }) {
    const result = await verifyPasswordStep(email, password, (await requestClient()).address);
    if (result.outcome === 'invalid') return { status: 'error', error: 'invalid-credentials', values: { email } };
    if (result.outcome === 'throttled') {
      return { status: 'error', error: 'throttled', retryAfterSeconds: result.retryAfterSeconds, values: { email } };
    }
    if (result.outcome === 'second-factor') {
      await rememberPasswordStep({ sub: result.userId, sv: result.sessionVersion });
      const next = new URLSearchParams({ step: 'code', ...(callbackUrl ? { callbackUrl: safeCallbackPath(callbackUrl, '') } : {}) });
      redirect(`/sign-in?${next}`);
    }
    await startSession(result.userId, result.sessionVersion);
    redirect(await landingFor(result.userId, result.sessionVersion, callbackUrl));
  },
});

export const secondFactorAction = defineAction({
  permission: 'session:sign-in',
  schema: SecondFactorSchema,
  async run({ code, callbackUrl }) {
    const proof = await passwordStepProof();
    if (!proof) return { status: 'error', error: 'expired' };
    const result = await verifySecondFactorStep({ userId: proof.sub, sessionVersion: proof.sv }, code, (await requestClient()).address);
    if (result.outcome === 'expired') {
      await clearSessionCookies();
      return { status: 'error', error: 'expired' };
    }
    if (result.outcome === 'throttled') return { status: 'error', error: 'throttled', retryAfterSeconds: result.retryAfterSeconds };
    if (result.outcome === 'invalid') return { status: 'error', error: 'invalid-code' };
    await startSession(result.userId, result.sessionVersion);
    redirect(await landingFor(result.userId, result.sessionVersion, callbackUrl));
  },
});

/** Ends this session on the server (the cookie is worthless from now on, wherever a copy of it is). */
export const signOutAction = defineAction({
  permission: 'session:sign-out',
  schema: z.object({}),
  async run(_input, viewer) {
    await signOut(viewer, (await requestClient()).address);
    await clearSessionCookies();
    redirect('/');
  },
});
