import type { FieldErrors } from './action-state.ts';

/**
 * Input that passed the form's schema but fails a rule that needs stored data (e.g. a milestone's
 * kind decides which value is required). Carries field-level message keys like a schema failure.
 */
export class InputError extends Error {
  constructor(readonly fieldErrors: FieldErrors) {
    super(`Invalid input: ${Object.keys(fieldErrors).join(', ')}`);
  }
}
