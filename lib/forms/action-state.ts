// The result of a server action, shared by the action (server) and its form (client).

export type FieldErrors = Record<string, string[]>;

export type ActionFailure = 'invalid' | 'unauthenticated' | 'forbidden' | 'not-found' | 'conflict' | 'unexpected' | (string & {});

export type ActionState =
  | { status: 'idle' }
  | {
      status: 'error';
      error: ActionFailure;
      /** Message keys per field; the form translates them. */
      fieldErrors?: FieldErrors;
      /** What the user submitted (never secrets), so the form can show it again. */
      values?: Record<string, unknown>;
      /** For conflicts: the stored record, so the form can show what changed. */
      current?: unknown;
      /** For refusals by the brute-force throttle: how long until the next attempt is heard. */
      retryAfterSeconds?: number;
    }
  | { status: 'success'; message?: string; data?: unknown };

export const IDLE_STATE: ActionState = { status: 'idle' };
