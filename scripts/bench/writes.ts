// HOOK for the two signed-in write scenarios ("Analyst records an update", "Analyst verifies an
// update"). They must go through the real path — a real session cookie from the real sign-in, and the
// real server action or route handler — so nothing here may write to the database directly or forge
// a session. Until sign-in and the analyst actions exist, both scenarios are reported as skipped.
//
// To wire them up once those issues land, make `planWrite` return a RequestPlan:
// 1. Sign in through next-auth as a generated analyst (emails `analyst-NNNN@bench.ittifaq.test`,
//    password BENCH_PASSWORD from generate-base.ts; they have no second factor) and keep the cookie.
// 2. record: POST the progress-update form of a milestone on an agreement that analyst is assigned
//    to (query `assignment` at `databaseUrl`), with the `Next-Action` header of the action if it is a
//    server action, or to the route handler; vary observedOn/narrative per request in setupRequest.
// 3. verify: every request needs its own PENDING update that the signed-in user may review (assigned,
//    not the author). At ≥ 100 req/s for the whole duration that is thousands of updates: pick them
//    from `progress_update` up front and hand one out per request in setupRequest; sign in several
//    analysts if one has too few.
import type { RequestPlan, ScenarioContext, Skipped } from './scenarios.ts';

export type WriteKind = 'record' | 'verify';

async function signInAvailable(baseUrl: string): Promise<boolean> {
  const response = await fetch(`${baseUrl}/api/auth/csrf`).catch(() => null);
  return response?.ok === true;
}

export async function planWrite(_kind: WriteKind, context: ScenarioContext): Promise<RequestPlan | Skipped> {
  if (!(await signInAvailable(context.baseUrl))) {
    return { skipped: 'sign-in is not available yet (no /api/auth), so there is no real session to write with' };
  }
  return { skipped: 'sign-in exists but this write scenario is not wired up yet: implement planWrite in scripts/bench/writes.ts' };
}
