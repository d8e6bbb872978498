// Running server actions in integration tests as a form would submit them, and checking that a
// refused submission wrote nothing.
import type { ServerAction } from '../../lib/auth/action.ts';
import { IDLE_STATE, type ActionState } from '../../lib/forms/action-state.ts';
import { withClient } from './db.ts';
import { redirectTarget } from './next-request.ts';

export type Submitted = ActionState | { status: 'redirect'; to: string };

/** Submits `fields` (names as the form uses them, e.g. `parties[0].partyId`) to `action`. */
export async function submit(action: ServerAction, fields: Record<string, string | number>): Promise<Submitted> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, String(value));
  try {
    return await action(IDLE_STATE, form);
  } catch (error) {
    const to = redirectTarget(error);
    if (to !== null) return { status: 'redirect', to };
    throw error;
  }
}

/** A fingerprint of every row of every table (but uploads in transit), to show that a refused change wrote nothing. */
export async function databaseFingerprint(): Promise<string> {
  return withClient(async (client) => {
    const { rows: tables } = await client.query<{ tablename: string }>(
      // Uploads waiting for their import are the admin's files in transit, not the register.
      `select tablename from pg_tables where schemaname = 'public' and tablename not in ('_prisma_migrations', 'import_upload') order by 1`,
    );
    const parts: string[] = [];
    for (const { tablename } of tables) {
      const { rows } = await client.query(
        `select count(*)::int as n, md5(coalesce(string_agg(md5(t::text), '' order by md5(t::text)), '')) as h from "${tablename}" t`,
      );
      parts.push(`${tablename}:${rows[0].n}:${rows[0].h}`);
    }
    return parts.join('\n');
  });
}

/** Expects `change` to leave every table exactly as it was, and returns what it returned. */
export async function expectNothingWritten<T>(change: () => Promise<T>): Promise<T> {
  const before = await databaseFingerprint();
  const result = await change();
  const after = await databaseFingerprint();
  if (after !== before) throw new Error(`rows changed although nothing should have been written:\n${after}`);
  return result;
}
