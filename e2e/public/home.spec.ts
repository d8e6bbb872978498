import { expect, test } from '@playwright/test';

test('the dashboard shows the relationship score, its history, deadlines, the latest updates and sector and party scores', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Implementation of Pakistan–Azerbaijan agreements');
  await expect(page.getByRole('note').first()).toContainText('Demonstration data');

  await expect(page.locator('.score-figure').first()).toContainText(/Relationship implementation score\s*\d{1,3}%/);
  await expect(page.getByRole('definition').first()).toHaveText(/^\d+$/);

  const chart = page.getByRole('img', { name: 'Relationship score month by month' });
  await expect(chart).toBeVisible();
  await page.getByText('Show the data as a table').first().click();
  await expect(
    page
      .getByRole('table', { name: 'Relationship score month by month: the score at the end of each year' })
      .getByRole('row', { name: /^Dec 2021/ }),
  ).toContainText(/\d+%/);

  await expect(page.getByRole('heading', { name: /Milestones overdue/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Due in the next 90 days/ })).toBeVisible();
  await expect(page.locator('.update-list > li').first()).toContainText(/reported by the (Pakistan|Azerbaijan) side/);

  const sectors = page.getByRole('table', { name: /score of each sector/ });
  await expect(sectors.getByRole('row', { name: /Energy & Infrastructure/ })).toContainText(/\d+%/);
  await expect(page.getByRole('table', { name: /score of each party/ }).getByRole('link', { name: 'Pakistan', exact: true })).toBeVisible();
  // Every party, not only the busiest, has its score on /parties.
  await page.getByRole('link', { name: /Scores of all \d+ parties/ }).click();
  await expect(page.getByRole('table', { name: /score of each party/ }).getByRole('link', { name: 'SOCAR' })).toBeVisible();
  // Drafts never appear in public.
  await expect(page.getByText('Software and IT outsourcing partnership')).toHaveCount(0);
});

test('/api/health answers 200 with the database up', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: 'ok', database: 'up', cache: { trusted: true } });
});
