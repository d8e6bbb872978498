import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import type { ActionState, FieldErrors } from '../forms/action-state.ts';
import { echoValues, formDataToObject } from '../forms/form-data.ts';
import { InputError } from '../forms/input-error.ts';
import { allowedRole, authorize, type Target } from './authorize.ts';
import { ConflictError, ForbiddenError, NotFoundError, RuleViolation, UnauthenticatedError } from './errors.ts';
import type { Permission } from './permissions.ts';
import { getViewer, type Viewer } from './session.ts';

/** Marks every server action with its permission, so a test can check the table covers them all. */
export const ACTION_PERMISSION = Symbol.for('ittifaq.action.permission');

export type ServerAction = ((previous: ActionState, formData: FormData) => Promise<ActionState>) & {
  [ACTION_PERMISSION]: Permission;
};

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_form';
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}

/**
 * A server action in the house order: the viewer's role is checked against the permission table
 * before anything is parsed; then the input is parsed with the shared schema (extra fields are
 * dropped by the schema, never trusted); then the table's conditions are checked on `target`, unless
 * the data function `run` calls checks them itself inside its transaction (then `target` is left out
 * so they are not read twice); then `run` does the work through lib/data. Known errors become states the form can show; unknown ones
 * are logged and answered with a generic message. `redirect()` inside `run` works as usual.
 */
export function defineAction<S extends z.ZodType>(config: {
  permission: Permission;
  schema: S;
  target?: (input: z.output<S>) => Target;
  run: (input: z.output<S>, viewer: Viewer) => Promise<ActionState | void>;
}): ServerAction {
  const action = async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
    const raw = formDataToObject(formData);
    // What the form gets back to show again: its schema's own fields, truncated, never secrets.
    const values = echoValues(config.schema, raw);
    const viewer = await getViewer();
    if (!allowedRole(viewer, config.permission)) {
      return { status: 'error', error: viewer.kind === 'public' ? 'unauthenticated' : 'forbidden', values };
    }
    const parsed = config.schema.safeParse(raw);
    if (!parsed.success) return { status: 'error', error: 'invalid', fieldErrors: fieldErrorsOf(parsed.error), values };
    try {
      if (config.target) await authorize(viewer, config.permission, config.target(parsed.data));
      return (await config.run(parsed.data, viewer)) ?? { status: 'success' };
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof UnauthenticatedError) return { status: 'error', error: 'unauthenticated', values };
      if (error instanceof ForbiddenError) return { status: 'error', error: 'forbidden', values };
      if (error instanceof NotFoundError) return { status: 'error', error: 'not-found', values };
      if (error instanceof ConflictError) return { status: 'error', error: 'conflict', values, current: error.current };
      if (error instanceof InputError) return { status: 'error', error: 'invalid', fieldErrors: error.fieldErrors, values };
      if (error instanceof RuleViolation) {
        return error.field
          ? { status: 'error', error: 'invalid', fieldErrors: { [error.field]: [error.reason] }, values }
          : { status: 'error', error: error.reason, values };
      }
      console.error(`server action for ${config.permission} failed`, error);
      return { status: 'error', error: 'unexpected', values };
    }
  };
  return Object.assign(action, { [ACTION_PERMISSION]: config.permission });
}
