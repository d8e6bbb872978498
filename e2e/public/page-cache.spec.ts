import { expect, test } from '@playwright/test';
import { ANALYST_PK, signedIn } from '../support/accounts.ts';

const nonceOf = (csp: string | undefined) => /'nonce-([^']+)'/.exec(csp ?? '')?.[1];

test('public pages come from the page cache for anonymous visitors, each copy with its own nonce', async ({ request }) => {
  await request.get('/methodology');
  const first = await request.get('/methodology');
  const second = await request.get('/methodology');
  expect(first.headers()['x-ittifaq-cache']).toBe('hit');
  expect(second.headers()['x-ittifaq-cache']).toBe('hit');
  const [a, b] = [nonceOf(first.headers()['content-security-policy']), nonceOf(second.headers()['content-security-policy'])];
  expect(a).toBeTruthy();
  expect(a).not.toBe(b);
  const stamped = [...(await second.text()).matchAll(/nonce="([^"]+)"/g)].map((match) => match[1]);
  expect(stamped.length).toBeGreaterThan(0);
  expect(new Set(stamped)).toEqual(new Set([b]));
});

test('signed-in visitors are never served a shared copy', async ({ page }) => {
  await signedIn(page, ANALYST_PK);
  const response = await page.request.get('/methodology');
  expect(response.headers()['x-ittifaq-cache']).toBeUndefined();
});

test('open data comes from the cache too, and a conditional request for an unchanged copy gets 304', async ({ request }) => {
  await request.get('/api/v1/sectors');
  const hit = await request.get('/api/v1/sectors');
  expect(hit.headers()['x-ittifaq-cache']).toBe('hit');
  expect(hit.headers()['content-type']).toContain('application/json');
  expect((await hit.json()).data.length).toBeGreaterThan(0);
  const etag = hit.headers().etag;
  expect(etag).toBeTruthy();
  const unchanged = await request.get('/api/v1/sectors', { headers: { 'if-none-match': etag! } });
  expect(unchanged.status()).toBe(304);
  expect(unchanged.headers().etag).toBe(etag);
  expect(unchanged.headers()['x-content-type-options']).toBe('nosniff');
  const other = await request.get('/api/v1/sectors', { headers: { 'if-none-match': '"something-else"' } });
  expect(other.status()).toBe(200);
});

test('a browser gets a cached page gzip-compressed, and its scripts run under the fresh nonce', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto('/methodology');
  const response = await page.goto('/methodology');
  expect(response!.headers()['x-ittifaq-cache']).toBe('hit');
  expect(response!.headers()['content-encoding']).toBe('gzip');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // The App Router's client runtime starts only if its inline scripts ran.
  await page.waitForFunction(() => 'next' in window);
  expect(violations).toEqual([]);
});
