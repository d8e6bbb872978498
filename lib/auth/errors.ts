/** The viewer is not signed in (or the session ended) and the action needs a signed-in user. */
export class UnauthenticatedError extends Error {
  constructor() {
    super('Sign-in required');
  }
}

/** The viewer is signed in but the permission table does not allow this. */
export class ForbiddenError extends Error {
  constructor(readonly permission: string) {
    super(`Not allowed: ${permission}`);
  }
}

/** The target (an agreement, a milestone, an update) does not exist or is not visible to the viewer. */
export class NotFoundError extends Error {
  constructor(readonly entity: string) {
    super(`Not found: ${entity}`);
  }
}

/** A save based on a stale version; carries what is stored now so the form can show what changed. */
export class ConflictError<T = unknown> extends Error {
  constructor(readonly current: T) {
    super('The record changed since it was loaded');
  }
}

/**
 * The input is well-formed but a rule of the register refuses it (a slug in use, the last active
 * admin). `reason` is a message key; with `field` it is shown on that field, otherwise for the form.
 */
export class RuleViolation extends Error {
  constructor(
    readonly reason: string,
    readonly field?: string,
  ) {
    super(field ? `${field}: ${reason}` : reason);
  }
}
