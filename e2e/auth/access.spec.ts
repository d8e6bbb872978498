import { expect, test } from '@playwright/test';
import { ANALYST_PK, signIn } from '../support/accounts.ts';

test('an analyst cannot open the admin console', async ({ page }) => {
  await signIn(page, ANALYST_PK);
  await expect(page).toHaveURL(/\/workspace$/);
  const response = await page.goto('/admin');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not allowed');
  await expect(page.getByRole('link', { name: 'Admin console' })).toHaveCount(0);
});

test('signed-out visitors of signed-in areas are sent to sign in', async ({ page }) => {
  for (const path of ['/workspace', '/admin', '/account/security']) {
    await page.goto(path);
    await expect(page).toHaveURL(new RegExp(`/sign-in\\?callbackUrl=${encodeURIComponent(path).replace(/%/g, '%')}`));
  }
});

test('security headers are on pages, API responses and the 404 page', async ({ request }) => {
  for (const path of ['/', '/api/health', '/no-such-page', '/sign-in']) {
    const response = await request.get(path);
    const headers = response.headers();
    expect(headers['content-security-policy'], path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(headers['content-security-policy'], path).toContain(`object-src 'none'`);
    expect(headers['content-security-policy'], path).toContain(`base-uri 'none'`);
    expect(headers['content-security-policy'], path).toContain(`frame-ancestors 'none'`);
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
    expect(headers['strict-transport-security'], path).toContain('max-age=');
  }
  expect((await request.get('/no-such-page')).status()).toBe(404);
});

test("each response gets its own nonce, and the page's scripts carry it", async ({ page, request }) => {
  const first = (await request.get('/')).headers()['content-security-policy'];
  const second = (await request.get('/')).headers()['content-security-policy'];
  expect(first).not.toBe(second);
  const response = await page.goto('/sign-in');
  const nonce = /'nonce-([^']+)'/.exec(response!.headers()['content-security-policy']!)![1];
  const scripts = await page.locator('script').evaluateAll((nodes) => nodes.map((node) => (node as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  for (const scriptNonce of scripts) expect(scriptNonce).toBe(nonce);
});
