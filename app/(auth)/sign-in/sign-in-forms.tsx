'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FieldErrors, FormMessage, SubmitButton } from '@/components/forms/form-parts.tsx';
import { IDLE_STATE, type ActionState } from '@/lib/forms/action-state.ts';
import { secondFactorAction, signInAction } from './actions.ts';

function useErrorText(namespace: 'Auth') {
  const t = useTranslations(namespace);
  return (key: string | undefined, retryAfterSeconds?: number) => {
    if (!key) return null;
    // next-auth's endpoints report a throttled attempt as ?error=throttled, without the wait.
    if (key === 'throttled' && retryAfterSeconds === undefined) return t('errors.locked');
    return t.has(`errors.${key}`) ? t(`errors.${key}`, { seconds: retryAfterSeconds ?? 0 }) : t('errors.unexpected');
  };
}

const retryAfter = (state: ActionState) => (state.status === 'error' ? state.retryAfterSeconds : undefined);

function fieldText(t: ReturnType<typeof useTranslations<'Auth'>>, state: ActionState, field: string) {
  if (state.status !== 'error') return undefined;
  return state.fieldErrors?.[field]?.map((key) => (t.has(`fields.${key}`) ? t(`fields.${key}`) : key));
}

export function SignInForm({ callbackUrl, linkedError }: { callbackUrl: string; linkedError?: string }) {
  const t = useTranslations('Auth');
  const errorText = useErrorText('Auth');
  const [state, formAction] = useActionState(signInAction, IDLE_STATE);
  const error = state.status === 'error' && state.error !== 'invalid' ? state.error : state.status === 'idle' ? linkedError : undefined;
  const email = state.status === 'error' ? String(state.values?.email ?? '') : '';
  const emailErrors = fieldText(t, state, 'email');
  const passwordErrors = fieldText(t, state, 'password');
  return (
    <form action={formAction} className="form" noValidate>
      {error && <FormMessage tone="error">{errorText(error, retryAfter(state))}</FormMessage>}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div className="field">
        <label htmlFor="email">{t('email')}</label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={email}
          aria-invalid={Boolean(emailErrors)}
          aria-describedby={emailErrors ? 'email-errors' : undefined}
        />
        <FieldErrors id="email-errors" messages={emailErrors} />
      </div>
      <div className="field">
        <label htmlFor="password">{t('password')}</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={Boolean(passwordErrors)}
          aria-describedby={passwordErrors ? 'password-errors' : undefined}
        />
        <FieldErrors id="password-errors" messages={passwordErrors} />
      </div>
      <SubmitButton label={t('submit')} pendingLabel={t('submitting')} />
    </form>
  );
}

export function SecondFactorForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations('Auth');
  const errorText = useErrorText('Auth');
  const [state, formAction] = useActionState(secondFactorAction, IDLE_STATE);
  const codeErrors = fieldText(t, state, 'code');
  return (
    <form action={formAction} className="form" noValidate>
      {state.status === 'error' && state.error !== 'invalid' && (
        <FormMessage tone="error">{errorText(state.error, retryAfter(state))}</FormMessage>
      )}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div className="field">
        <label htmlFor="code">{t('code')}</label>
        <input
          id="code"
          name="code"
          type="text"
          inputMode="numeric"
          autoComplete="one-time-code"
          required
          autoFocus
          aria-invalid={Boolean(codeErrors)}
          aria-describedby={codeErrors ? 'code-errors' : undefined}
        />
        <FieldErrors id="code-errors" messages={codeErrors} />
      </div>
      <SubmitButton label={t('verify')} pendingLabel={t('verifying')} />
      <p>
        <Link href="/sign-in">{t('startOver')}</Link>
      </p>
    </form>
  );
}
