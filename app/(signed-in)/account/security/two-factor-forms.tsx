'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FieldErrors, FormMessage, SubmitButton } from '@/components/forms/form-parts.tsx';
import { IDLE_STATE, type ActionState } from '@/lib/forms/action-state.ts';
import { beginTwoFactorAction, confirmTwoFactorAction } from './actions.ts';

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

export function useAccountText() {
  const t = useTranslations('Account');
  return {
    t,
    error: (state: ActionState) =>
      state.status === 'error' && state.error !== 'invalid'
        ? t.has(`errors.${state.error}`)
          ? t(`errors.${state.error}`, { seconds: state.retryAfterSeconds ?? 0 })
          : t('errors.unexpected')
        : null,
  };
}

/** Changing factors asks for the password again, beside the code. */
function PasswordField({ idPrefix, state }: { idPrefix: string; state: ActionState }) {
  const t = useTranslations('Account');
  const errors = state.status === 'error' ? state.fieldErrors?.password?.map(() => t('passwordRequired')) : undefined;
  return (
    <div className="field">
      <label htmlFor={`${idPrefix}-password`}>{t('password')}</label>
      <input
        id={`${idPrefix}-password`}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        aria-invalid={Boolean(errors)}
        aria-describedby={errors ? `${idPrefix}-password-errors` : undefined}
      />
      <FieldErrors id={`${idPrefix}-password-errors`} messages={errors} />
    </div>
  );
}

function RecoveryCodes({ codes }: { codes: string[] }) {
  const t = useTranslations('Account');
  return (
    <section aria-labelledby="recovery-codes" className="recovery-codes">
      <h3 id="recovery-codes">{t('recoveryHeading')}</h3>
      <p>{t('recoveryIntro')}</p>
      <ul className="code-list">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A form asking for the password and a current code: regenerate recovery codes, or turn two-factor off. */
export function CodeForm({ action, idPrefix, label, hint }: { action: Action; idPrefix: string; label: string; hint?: string }) {
  const { t, error } = useAccountText();
  const [state, formAction] = useActionState(action, IDLE_STATE);
  const codes = state.status === 'success' ? (state.data as { recoveryCodes?: string[] } | undefined)?.recoveryCodes : undefined;
  return (
    <form action={formAction} className="form">
      {error(state) && <FormMessage tone="error">{error(state)}</FormMessage>}
      {state.status === 'success' && state.message && <FormMessage tone="success">{t(state.message as 'disabled')}</FormMessage>}
      {hint && <p>{hint}</p>}
      <PasswordField idPrefix={idPrefix} state={state} />
      <div className="field">
        <label htmlFor={`${idPrefix}-code`}>{t('code')}</label>
        <input id={`${idPrefix}-code`} name="code" inputMode="numeric" autoComplete="one-time-code" required />
      </div>
      <SubmitButton label={label} pendingLabel={label} />
      {codes && <RecoveryCodes codes={codes} />}
    </form>
  );
}

export function StartTwoFactor() {
  const { t, error } = useAccountText();
  const [state, formAction] = useActionState(beginTwoFactorAction, IDLE_STATE);
  return (
    <form action={formAction} className="form">
      {error(state) && <FormMessage tone="error">{error(state)}</FormMessage>}
      <SubmitButton label={t('start')} pendingLabel={t('start')} />
    </form>
  );
}

/** Confirming a code from the app activates the pending secret and shows the recovery codes once. */
export function ConfirmTwoFactor({ secret, qr }: { secret: string; qr: string }) {
  const { t, error } = useAccountText();
  const [state, formAction] = useActionState(confirmTwoFactorAction, IDLE_STATE);
  const codes = state.status === 'success' ? (state.data as { recoveryCodes: string[] }).recoveryCodes : null;
  const codeErrors = state.status === 'error' ? state.fieldErrors?.code : undefined;
  if (codes) {
    return (
      <>
        <FormMessage tone="success">{t('enabled')}</FormMessage>
        <RecoveryCodes codes={codes} />
        <p>
          <a href="/account/security">{t('continue')}</a>
        </p>
      </>
    );
  }
  return (
    <form action={formAction} className="form">
      {error(state) && <FormMessage tone="error">{error(state)}</FormMessage>}
      <p>{t('scan')}</p>
      {/* A data URL made on the server; next/image adds nothing for an inline SVG. */}
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img src={qr} alt={t('qrAlt')} width={200} height={200} className="qr-code" />
      <p>{t('manualKey', { secret })}</p>
      <PasswordField idPrefix="enrol" state={state} />
      <div className="field">
        <label htmlFor="enrol-code">{t('code')}</label>
        <input
          id="enrol-code"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          required
          aria-invalid={Boolean(codeErrors)}
          aria-describedby={codeErrors ? 'enrol-code-errors' : undefined}
        />
        <FieldErrors id="enrol-code-errors" messages={codeErrors} />
      </div>
      <SubmitButton label={t('confirm')} pendingLabel={t('confirm')} />
    </form>
  );
}
