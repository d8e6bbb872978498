import { expect, test } from '@playwright/test';

test('the about page explains what Ittifaq is', async ({ page }) => {
  await page.goto('/about');
  await expect(page).toHaveTitle(/About Ittifaq/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('About Ittifaq');
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(['How it works', 'Scores', 'Open source']);
});
