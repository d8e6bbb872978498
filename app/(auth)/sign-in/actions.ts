'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { defineAction } from '@/lib/auth/action.ts';
import { verifyPasswordStep, verifySecondFactorStep } from '@/lib/auth/authenticate.ts';
import { homeFor } from '@/lib/auth/home.ts';
import { endSession, passwordStepProof, rememberPasswordStep, startSession, viewerForSession } from '@/lib/auth/session.ts';
import { clientAddress } from '@/lib/http/client-address.ts';
import { safeCallbackPath } from '@/lib/http/request-context.ts';

const PasswordStepSchema = z.object({
  email: z.string().trim().min(1, 'required').max(320, 'tooLong'),
  password: z.string().min(1, 'required').max(1024, 'tooLong'),
  callbackUrl: z.string().optional(),
});

const SecondFactorSchema = z.object({
  code: z.string().trim().min(1, 'required').max(64, 'tooLong'),
  callbackUrl: z.string().optional(),
});

async function landingFor(userId: string, sessionVersion: number, callbackUrl: string | undefined) {
  const viewer = await viewerForSession(userId, sessionVersion);
  // An admin who has not enrolled a second factor goes to enrolment whatever the link asked for.
  return viewer.kind === 'user' && viewer.mustEnrolTwoFactor ? homeFor(viewer) : safeCallbackPath(callbackUrl, homeFor(viewer));
}

export const signInAction = defineAction({
  permission: 'session:sign-in',
  schema: PasswordStepSchema,
  async run({ email, password, callbackUrl }) {
    const result = await verifyPasswordStep(email, password, clientAddress(await headers()));
    if (result.outcome === 'invalid') return { status: 'error', error: 'invalid-credentials', values: { email } };
    if (result.outcome === 'locked') return { status: 'error', error: 'locked', values: { email } };
    if (result.outcome === 'second-factor') {
      await rememberPasswordStep({ sub: result.userId, sv: result.sessionVersion });
      const next = new URLSearchParams({ step: 'code', ...(callbackUrl ? { callbackUrl } : {}) });
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
    const result = await verifySecondFactorStep({ userId: proof.sub, sessionVersion: proof.sv }, code, clientAddress(await headers()));
    if (result.outcome === 'expired') {
      await endSession();
      return { status: 'error', error: 'expired' };
    }
    if (result.outcome === 'locked') return { status: 'error', error: 'locked' };
    if (result.outcome === 'invalid') return { status: 'error', error: 'invalid-code' };
    await startSession(result.userId, result.sessionVersion);
    redirect(await landingFor(result.userId, result.sessionVersion, callbackUrl));
  },
});

export const signOutAction = defineAction({
  permission: 'session:sign-out',
  schema: z.object({}),
  async run() {
    await endSession();
    redirect('/');
  },
});
