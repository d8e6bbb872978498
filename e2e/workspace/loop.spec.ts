import { expect, test, type Page } from '@playwright/test';
import { ANALYST_AZ, ANALYST_PK, signedIn } from '../support/accounts.ts';

const AGREEMENT = 'scholarships-exchange-programme';
const MILESTONE_TITLE = 'Scholarships awarded to Pakistani students in Azerbaijan';

/** What the public sees of the agreement: its page's score, the dashboard's score and the API's. */
async function publicView(page: Page) {
  await page.goto(`/agreements/${AGREEMENT}`);
  const detail = (await page.locator('.score-figure .score-number').first().textContent())!.trim();
  const text = await page.locator('main').innerText();
  await page.goto('/');
  const dashboard = await page.locator('.update-list').innerText();
  const api = (await (await page.request.get(`/api/v1/agreements/${AGREEMENT}`)).json()) as { data: { score: number } };
  const overall = (await (await page.request.get('/api/v1/scores')).json()) as { data: { overall: { score: number } } };
  return { detail, dashboard, api: api.data.score, overall: overall.data.overall.score, text };
}

function milestoneSection(page: Page, title: string) {
  return page.locator('section.workspace-milestone').filter({ has: page.getByRole('heading', { level: 2, name: title }) });
}

test('an update recorded by one side counts only once the other side verifies it', async ({ browser }) => {
  const marker = `Thirty scholarships taken up (${Date.now()})`;
  const pk = await (await browser.newContext()).newPage();
  const az = await (await browser.newContext()).newPage();
  const visitor = await (await browser.newContext()).newPage();
  const before = await publicView(visitor);

  // Analyst A (Pakistan side) records an update with evidence.
  await signedIn(pk, ANALYST_PK);
  await pk.goto(`/workspace/agreements/${AGREEMENT}`);
  await milestoneSection(pk, MILESTONE_TITLE).getByRole('link', { name: 'Record an update' }).click();
  await pk.getByLabel('Observed on').fill('2026-10-15');
  await pk.getByLabel('Actual value (scholarships)').fill('30');
  await pk.getByLabel('What happened').fill(marker);
  await pk.getByRole('button', { name: 'Record the update' }).click();
  // Progress without evidence is refused, naming the field, and the input stays.
  await expect(pk.getByText('An update that claims progress needs at least one evidence item.')).toBeVisible();
  await expect(pk.getByLabel('What happened')).toHaveValue(marker);
  const first = pk.getByRole('group', { name: 'Evidence item 1' });
  await first.getByLabel('Web address').fill('https://example.org/edu-az/2026/enrolment');
  await first.getByLabel('Title').fill('Enrolment statistics 2026');
  await first.getByLabel('Kind').selectOption('DATASET');
  await pk.getByRole('button', { name: 'Record the update' }).click();
  await expect(pk.getByText('Recorded. It is now awaiting review.')).toBeVisible();

  // The public does not see it, and the scores have not moved.
  const pending = await publicView(visitor);
  expect(pending.text).not.toContain(marker);
  expect(pending.dashboard).not.toContain(marker);
  expect(pending).toEqual(before);

  // Analyst B (Azerbaijan side) verifies it from the review queue.
  await signedIn(az, ANALYST_AZ);
  await expect(az).toHaveURL(/\/workspace$/);
  const card = az.locator('article.update-card').filter({ hasText: marker });
  await card.getByRole('button', { name: 'Verify' }).click();
  await expect(card.getByText('Verified. Scores are updated.')).toBeVisible();
  // Settled: it has left the queue on the next visit.
  await az.reload();
  await expect(az.locator('article.update-card').filter({ hasText: marker })).toHaveCount(0);

  // The very next public requests (well within a second of the verification committing, cached pages
  // included) show the new score on the agreement's page, the update on the dashboard, and both in
  // the API.
  const after = await publicView(visitor);
  expect(after.api).toBeGreaterThan(before.api);
  expect(after.overall).toBeGreaterThan(before.overall);
  expect(after.detail).not.toBe(before.detail);
  expect(after.text).toContain(marker);
  expect(after.dashboard).toContain(marker);
});

/** The hidden fields of the first review form in a page's server-rendered HTML (what a no-JS post sends). */
function reviewFormFields(html: string): Record<string, string> {
  const form = /<form class="form review-form"[^>]*>([\s\S]*?)<\/form>/.exec(html)![1]!;
  const decode = (value: string) => value.replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  return Object.fromEntries(
    [...form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/>/g)].map((match) => [match[1]!, decode(match[2] ?? '')]),
  );
}

test('an analyst cannot verify their own update, even with a crafted request', async ({ browser }) => {
  const az = await (await browser.newContext()).newPage();
  await signedIn(az, ANALYST_AZ);
  // A genuine review form, as the other side's page carries it.
  const fields = reviewFormFields(await (await az.request.get('/workspace/agreements/lng-supply-socar')).text());
  expect(Object.keys(fields).some((name) => name.startsWith('$ACTION'))).toBe(true);

  const pk = await (await browser.newContext()).newPage();
  await signedIn(pk, ANALYST_PK);
  await pk.goto('/workspace/agreements/lng-supply-socar');
  const own = pk.locator('article.update-card').filter({ hasText: 'awaiting confirmation from the Azerbaijani side' });
  await expect(own.getByText('Your own update: another analyst or an admin reviews it.')).toBeVisible();
  const updateId = (await own.getAttribute('aria-labelledby'))!.replace('update-', '');

  // Replayed by the author, pointed at their own update.
  const response = await pk.request.post('/workspace/agreements/lng-supply-socar', {
    headers: { origin: new URL(pk.url()).origin },
    multipart: { ...fields, updateId, decision: 'verify' },
  });
  expect(response.status()).toBe(200);
  await pk.reload();
  await expect(own.locator('.pill-pending')).toHaveText('Awaiting review');

  // The same request from the other side goes through: the refusal above was the permission check.
  const allowed = await az.request.post('/workspace/agreements/lng-supply-socar', {
    headers: { origin: new URL(pk.url()).origin },
    multipart: { ...fields, updateId, decision: 'reject', note: 'Please add the Azerbaijani customs record.' },
  });
  expect(allowed.status()).toBe(200);
  await pk.reload();
  await expect(own.locator('.pill-rejected')).toHaveText('Rejected');
});

test('a stale edit of a milestone is refused with what changed, keeping the typed text', async ({ browser }) => {
  const pk = await (await browser.newContext()).newPage();
  const az = await (await browser.newContext()).newPage();
  await signedIn(pk, ANALYST_PK);
  await signedIn(az, ANALYST_AZ);
  for (const page of [pk, az]) {
    await page.goto(`/workspace/agreements/${AGREEMENT}`);
    await milestoneSection(page, MILESTONE_TITLE).getByRole('link', { name: 'Edit details' }).click();
  }
  await az.getByLabel('Description').fill('Counted from enrolment statistics of the Ministry.');
  await az.getByRole('button', { name: 'Save details' }).click();
  await expect(az.getByText('Saved.')).toBeVisible();

  await pk.getByLabel('Description').fill('Counted from scholarship award letters.');
  await pk.getByRole('button', { name: 'Save details' }).click();
  const notice = pk.getByRole('alert').filter({ hasText: 'Someone else saved this record after you opened it' });
  await expect(notice).toBeVisible();
  await expect(notice.getByRole('row', { name: /Description/ })).toContainText('Counted from enrolment statistics of the Ministry.');
  await expect(pk.getByLabel('Description')).toHaveValue('Counted from scholarship award letters.');
  // Submitting again is a deliberate save over the stored version.
  await pk.getByRole('button', { name: 'Save details' }).click();
  await expect(pk.getByText('Saved.')).toBeVisible();
});

test('typed work survives an expired session: the form says so, keeps the input, and saves after signing in again', async ({ browser }) => {
  const context = await browser.newContext();
  const pk = await context.newPage();
  await signedIn(pk, ANALYST_PK);
  await pk.goto(`/workspace/agreements/${AGREEMENT}`);
  await milestoneSection(pk, 'Joint scholarship call published every year').getByRole('link', { name: 'Record a delivery' }).click();
  const narrative = 'Call for 2027 announced by both ministries on the same day.';
  await pk.getByLabel('Delivered on').fill('2026-11-20');
  await pk.getByLabel('Quantity delivered (call)').fill('0');
  await pk.getByLabel('What happened').fill(narrative);

  await context.clearCookies();
  await pk.getByRole('button', { name: 'Record the update' }).click();
  await expect(pk.getByText('Your session has ended. Your input is kept here')).toBeVisible();
  await expect(pk.getByLabel('What happened')).toHaveValue(narrative);

  // Sign in again in another tab, then submit the kept input.
  const other = await context.newPage();
  await signedIn(other, ANALYST_PK);
  await pk.getByRole('button', { name: 'Record the update' }).click();
  await expect(pk.getByText('Recorded. It is now awaiting review.')).toBeVisible();
  await context.close();
});

test('recording an update works without JavaScript, with field errors next to the fields', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const pk = await context.newPage();
  await signedIn(pk, ANALYST_PK);
  await pk.goto(`/workspace/agreements/${AGREEMENT}`);
  await milestoneSection(pk, 'Scholarships awarded to Azerbaijani students in Pakistan')
    .getByRole('link', { name: 'Record an update' })
    .click();
  await pk.getByLabel('Actual value (scholarships)').fill('64');
  await pk.getByRole('button', { name: 'Record the update' }).click();
  await expect(pk.getByLabel('What happened')).toHaveAttribute('aria-invalid', 'true');
  await expect(pk.getByText('This field is required.')).toBeVisible();
  await expect(pk.getByLabel('Actual value (scholarships)')).toHaveValue('64');

  await pk.getByLabel('What happened').fill('Sixty-four scholarships awarded to date.');
  const first = pk.getByRole('group', { name: 'Evidence item 1' });
  await first.getByLabel('Web address').fill('https://example.org/hec/2026/scholarships');
  await first.getByLabel('Title').fill('HEC scholarship report 2026');
  await pk.getByRole('button', { name: 'Record the update' }).click();
  await expect(pk.getByText('Recorded. It is now awaiting review.')).toBeVisible();
  await context.close();
});
