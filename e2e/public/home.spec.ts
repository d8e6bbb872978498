import { expect, test } from '@playwright/test';

test('the home page lists the published demo agreements with their scores and bands', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Implementation of Pakistan–Azerbaijan agreements');
  await expect(page.getByRole('note')).toContainText('Demonstration data');

  const lng = page.locator('tr[data-slug="lng-supply-socar"]');
  await expect(lng.getByRole('rowheader')).toHaveText('LNG supply from SOCAR: one cargo a month');
  await expect(lng.getByRole('cell').nth(1)).toHaveText(/^\d{1,3}%$/);
  await expect(lng.getByRole('cell').nth(2)).toHaveText(/Minimal|Intermediate|Full/);

  const rows = page.locator('tbody tr');
  await expect(rows).toHaveCount(10);
  // Drafts never appear in public.
  await expect(page.getByText('Software and IT outsourcing partnership')).toHaveCount(0);
});

test('/api/health answers 200 with the database up', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: 'ok', database: 'up' });
});
