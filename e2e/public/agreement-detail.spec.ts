import { expect, test } from '@playwright/test';

test('a visitor opens an agreement, reads the ledger of a recurring obligation and follows an evidence link', async ({ page }) => {
  await page.goto('/agreements?q=LNG');
  await page.getByRole('link', { name: 'LNG supply from SOCAR: one cargo a month' }).click();
  await expect(page).toHaveURL(/\/agreements\/lng-supply-socar$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('LNG supply from SOCAR: one cargo a month');
  await expect(page).toHaveTitle(/LNG supply from SOCAR/);
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', 'LNG supply from SOCAR: one cargo a month');

  const cargoes = page.getByRole('article', { name: 'One LNG cargo delivered each month' });
  await expect(cargoes).toContainText('Clause: Clause 4.1');
  await expect(cargoes.locator('.compliance')).toContainText(
    /Delivered in the periods ended so far: \d+ of \d+ \(cargo\), a compliance rate of \d+%/,
  );
  await cargoes.getByText(/Ledger of expected and delivered quantities/).click();
  const ledger = cargoes.getByRole('table', { name: /expected against delivered/ });
  await expect(ledger.getByRole('row', { name: /^May 1, 2025/ })).toContainText('Missed');
  await expect(ledger.getByRole('row', { name: /^Jun 1, 2025/ })).toContainText('Delivered');

  await page.route('https://example.org/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Evidence</title><p>Evidence document</p>' }),
  );
  const evidence = page.locator('.timeline .evidence a').first();
  const href = await evidence.getAttribute('href');
  expect(href).toMatch(/^https:\/\/example\.org\//);
  await evidence.click();
  await expect(page).toHaveURL(href!);
  await expect(page.getByText('Evidence document')).toBeVisible();
});

test('changing the as-of date shows the older scores and timeline, and links carry the date', async ({ page }) => {
  await page.goto('/agreements/lng-supply-socar');
  const today = await page.locator('.score-figure .score-number').textContent();
  await page.getByLabel('Figures as of', { exact: true }).fill('2023-12-31');
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(page).toHaveURL(/\/agreements\/lng-supply-socar\?asOf=2023-12-31$/);
  await expect(page.getByRole('note').filter({ hasText: 'as they stood at the end of December 31, 2023' })).toBeVisible();
  await expect(page.locator('.score-figure .score-number')).toHaveText('25%');
  expect(today).not.toBe('25%');
  await expect(page.locator('.timeline > li')).toHaveCount(1);
  await expect(page.getByRole('link', { name: 'All agreements' })).toHaveAttribute('href', '/agreements?asOf=2023-12-31');
  await page.getByRole('link', { name: 'Energy & Infrastructure' }).click();
  await expect(page).toHaveURL(/\/sectors\/energy-infrastructure\?asOf=2023-12-31$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Energy & Infrastructure');
  await page.getByRole('link', { name: "Show today's figures" }).click();
  await expect(page).toHaveURL(/\/sectors\/energy-infrastructure$/);
});

test('where both sides assessed a milestone, each side latest assessment and the gap are shown', async ({ page }) => {
  await page.goto('/agreements/nadra-asan-e-government-exchange');
  const pilot = page.getByRole('article', { name: 'Pilot one-stop service centre in Pakistan on the ASAN model' });
  const sides = pilot.getByRole('table', { name: /latest verified assessment of each side/ });
  await expect(sides.getByRole('row', { name: /Pakistan/ })).toContainText('70%');
  await expect(sides.getByRole('row', { name: /Azerbaijan/ })).toContainText('30%');
  await expect(pilot).toContainText("The two sides' assessments are 40 points apart.");
  await expect(pilot.locator('.flag-overdue')).toHaveText('Overdue');
});

test('a corrected update stays in the timeline, marked as superseded with the reason', async ({ page }) => {
  await page.goto('/agreements/scholarships-exchange-programme');
  const superseded = page.locator('.timeline > li.superseded');
  await expect(superseded).toHaveCount(1);
  await expect(superseded).toContainText('Twenty scholarships announced for Pakistani students.');
  await expect(superseded).toContainText('Reason: Twenty scholarships were announced, but only fifteen were taken up');
});

test('sector, party and methodology pages summarise their agreements and explain the method with real data', async ({ page }) => {
  await page.goto('/parties/socar');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('State Oil Company of the Azerbaijan Republic');
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', 'State Oil Company of the Azerbaijan Republic');
  await expect(page.locator('tr[data-slug="lng-supply-socar"]')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Agreements (CSV)' })).toHaveAttribute('href', '/api/v1/agreements.csv?party=socar');

  await page.goto('/methodology');
  await expect(page.getByRole('heading', { name: 'A worked example' })).toBeVisible();
  await expect(page.getByRole('table', { name: /each milestone's score/ }).getByRole('row')).not.toHaveCount(0);
  await expect(page.getByText(/^Weighted mean: \(.+\) ÷ \d+ = \d+%\.$/)).toBeVisible();
});
