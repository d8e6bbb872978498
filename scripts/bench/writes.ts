// The two signed-in write scenarios, through the real path: generated analysts sign in through
// next-auth's credentials endpoint (a real session cookie), and each request is what the browser
// sends when a form's server action runs (a `Next-Action` request with the form as multipart data).
// A request counts as successful only when the action answers `"status":"success"`.
import pg from 'pg';
import { BENCH_PASSWORD } from './generate-base.ts';
import { Random } from './random.ts';
import type { RequestPlan, ScenarioContext, Skipped } from './scenarios.ts';

export type WriteKind = 'record' | 'verify';

/** How many analysts share the load, each with their own session. */
const ANALYSTS = 16;
/** Unique pending updates to hand out to verifications: enough for a long run at the target rate. */
const VERIFY_POOL = 6_000;

const BOUNDARY = '----ittifaq-bench-boundary';

/**
 * A server action's arguments as React sends them for `useActionState` forms: [state, formData], the
 * form's fields first. The server decodes the stream as it arrives, so the root ("0") must come last.
 */
function actionBody(fields: Record<string, string>): string {
  const parts = [
    ...Object.entries(fields).map(([name, value]) => [`_1_${name}`, value]),
    ['0', JSON.stringify([{ status: 'idle' }, '$K1'])],
  ];
  return `${parts.map(([name, value]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join('')}--${BOUNDARY}--\r\n`;
}

function cookiesOf(response: Response, jar: Map<string, string>) {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const at = pair!.indexOf('=');
    jar.set(pair!.slice(0, at), pair!.slice(at + 1));
  }
  return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
}

/** Signs in through next-auth's credentials endpoint and returns the session cookie header. */
async function signIn(baseUrl: string, email: string): Promise<string> {
  const jar = new Map<string, string>();
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  cookiesOf(csrf, jar);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookiesOf(csrf, jar), origin: baseUrl },
    body: new URLSearchParams({ csrfToken, email, password: BENCH_PASSWORD, json: 'true' }),
  });
  const cookie = cookiesOf(response, jar);
  if (![...jar.keys()].some((name) => name.endsWith('ittifaq.session')))
    throw new Error(`Signing in ${email} failed (HTTP ${response.status}).`);
  return cookie;
}

/** The id of the server action behind the first form with `formClass` on a page. */
async function actionId(baseUrl: string, path: string, cookie: string, formClass: string): Promise<string> {
  const html = await (await fetch(`${baseUrl}${path}`, { headers: { cookie } })).text();
  const match = new RegExp(`<form class="${formClass}"[^>]*>[^]*?&quot;id&quot;:&quot;([0-9a-f]+)&quot;`).exec(html);
  if (!match) throw new Error(`No "${formClass}" form on ${path}.`);
  return match[1]!;
}

interface Job {
  cookie: string;
  path: string;
  fields: Record<string, string>;
}

/**
 * Hands the jobs out in a fixed random order. The queries list them grouped by analyst and agreement;
 * in that order all 16 connections would write to one agreement at a time (and verifications would
 * queue on its lock), where 16 analysts at work spread over the agreements assigned to them.
 */
function rotate(ordered: Job[], action: string, baseUrl: string): RequestPlan {
  const jobs = new Random('ittifaq-bench-writes').shuffle(ordered);
  let next = 0;
  const request = (job: Job) => ({
    method: 'POST' as const,
    path: job.path,
    headers: {
      // autocannon sends no Host of its own once headers are given; Next compares it with Origin.
      host: new URL(baseUrl).host,
      cookie: job.cookie,
      'next-action': action,
      accept: 'text/x-component',
      origin: baseUrl,
      'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
    },
    body: actionBody(job.fields),
  });
  return {
    ...request(jobs[0]!),
    setupRequest: () => request(jobs[next++ % jobs.length]!),
    isSuccess: (status, body) => status === 200 && body.includes('"status":"success"'),
  };
}

async function recordJobs(client: pg.Client, baseUrl: string, today: string): Promise<{ jobs: Job[]; action: string }> {
  const { rows } = await client.query<{
    email: string;
    milestone_id: string;
    kind: string;
    baseline: number | null;
    target: number | null;
  }>(`
    with analysts as (
      select u.id, u.email from app_user u
      where u.role = 'ANALYST' and u.active and exists (select 1 from assignment a where a.user_id = u.id)
      order by u.email limit ${ANALYSTS}
    )
    select a.email, m.id as milestone_id, m.kind::text as kind, m.baseline, m.target
    from analysts a join assignment s on s.user_id = a.id
    join agreement g on g.id = s.agreement_id and g.archived_at is null
    join milestone m on m.agreement_id = g.id and m.archived_at is null
    order by a.email, m.id`);
  const cookies = new Map<string, string>();
  for (const email of new Set(rows.map((row) => row.email))) cookies.set(email, await signIn(baseUrl, email));
  const jobs = rows.map((row, index): Job => {
    const value: Record<string, string> =
      row.kind === 'ONE_OFF' ? { progress: '50' } : row.kind === 'RECURRING' ? { quantity: '1' } : { actualValue: String(row.target ?? 1) };
    return {
      cookie: cookies.get(row.email)!,
      path: `/workspace/milestones/${row.milestone_id}/record`,
      fields: {
        milestoneId: row.milestone_id,
        observedOn: today,
        status: 'IN_PROGRESS',
        ...value,
        narrative: `Benchmark update ${index}.`,
        'evidence[0].url': 'https://example.org/bench/evidence',
        'evidence[0].title': 'Benchmark evidence',
        'evidence[0].kind': 'DOCUMENT',
      },
    };
  });
  const first = jobs[0]!;
  return { jobs, action: await actionId(baseUrl, first.path, first.cookie, 'form') };
}

async function verifyJobs(client: pg.Client, baseUrl: string): Promise<{ jobs: Job[]; action: string; slug: string }> {
  // Pending updates each analyst may review: on an assigned agreement, written by someone else.
  const { rows } = await client.query<{ email: string; update_id: string; slug: string }>(`
    with analysts as (
      select u.id, u.email from app_user u where u.role = 'ANALYST' and u.active order by u.email
    ), candidates as (
      select distinct on (p.id) a.email, p.id as update_id, g.slug
      from progress_update p
      join agreement g on g.id = p.agreement_id and g.archived_at is null
      join milestone m on m.id = p.milestone_id and m.archived_at is null
      join assignment s on s.agreement_id = p.agreement_id
      join analysts a on a.id = s.user_id and a.id <> p.author_id
      where p.review_state = 'PENDING'
      order by p.id, a.email
    )
    select * from candidates where email in (select email from candidates group by email order by count(*) desc limit ${ANALYSTS})
    limit ${VERIFY_POOL}`);
  const cookies = new Map<string, string>();
  for (const email of new Set(rows.map((row) => row.email))) cookies.set(email, await signIn(baseUrl, email));
  const jobs = rows.map((row): Job => ({
    cookie: cookies.get(row.email)!,
    path: '/workspace',
    fields: { updateId: row.update_id, decision: 'verify' },
  }));
  const first = rows[0]!;
  return {
    jobs,
    action: await actionId(baseUrl, `/workspace/agreements/${first.slug}`, cookies.get(first.email)!, 'form review-form'),
    slug: first.slug,
  };
}

export async function planWrite(kind: WriteKind, context: ScenarioContext): Promise<RequestPlan | Skipped> {
  const client = new pg.Client({ connectionString: context.databaseUrl });
  await client.connect();
  try {
    if (kind === 'record') {
      const { jobs, action } = await recordJobs(client, context.baseUrl, new Date().toISOString().slice(0, 10));
      if (jobs.length === 0) return { skipped: 'no analyst in the data set has an assigned milestone' };
      return rotate(jobs, action, context.baseUrl);
    }
    const { jobs, action } = await verifyJobs(client, context.baseUrl);
    if (jobs.length === 0) return { skipped: 'no pending update in the data set can be reviewed by an assigned analyst' };
    return rotate(jobs, action, context.baseUrl);
  } finally {
    await client.end();
  }
}
