// Error pages without JavaScript: the message is in the HTML the server sends, with the error's
// status, whatever failed (components/errors/error-document-fallback.tsx).
import { randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { signedIn, ANALYST_PK } from '../support/accounts.ts';
import { withE2eDatabase } from '../support/database.ts';

test.use({ javaScriptEnabled: false });

const errorMessages = (page: Page) => page.getByRole('heading', { name: /Something went wrong|Page not found|Not allowed/ });

test('a page whose data cannot be read answers 500 with the error message', async ({ page }) => {
  // A broken database: the table behind the agreement list is gone for the length of the request.
  // A search no one has made before cannot come from a cache.
  const response = await withE2eDatabase(async (client) => {
    await client.query('alter table agreement rename to agreement_hidden_by_e2e');
    try {
      return await page.goto(`/agreements?q=${randomBytes(6).toString('hex')}`);
    } finally {
      await client.query('alter table agreement_hidden_by_e2e rename to agreement');
    }
  });
  expect(response?.status()).toBe(500);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Something went wrong');
  await expect(page.getByText('The error has been logged. Please try again.')).toBeVisible();
  await expect(errorMessages(page)).toHaveCount(1);
  await expect(page.getByRole('link', { name: 'Back to the dashboard' })).toHaveAttribute('href', '/');
});

test('an agreement that does not exist answers 404 with the not-found message', async ({ page }) => {
  const response = await page.goto('/agreements/no-such-agreement');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(errorMessages(page)).toHaveCount(1);
});

test('a page the account may not see answers 403 with the forbidden message', async ({ page }) => {
  await signedIn(page, ANALYST_PK);
  const response = await page.goto('/admin/users');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not allowed');
  await expect(errorMessages(page)).toHaveCount(1);
});

test('a page that works shows none of the error messages', async ({ page }) => {
  const response = await page.goto('/agreements');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Agreements');
  await expect(errorMessages(page)).toHaveCount(0);
});

test.describe('with JavaScript', () => {
  test.use({ javaScriptEnabled: true });

  test('the error page is drawn once, by the app, not by the fallback', async ({ page }) => {
    await page.goto('/agreements/no-such-agreement');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    await expect(errorMessages(page)).toHaveCount(1);
  });
});
