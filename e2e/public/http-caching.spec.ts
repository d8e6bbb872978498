import { expect, test } from '@playwright/test';

const nonceOf = (csp: string | undefined) => /'nonce-([^']+)'/.exec(csp ?? '')?.[1];

test('open data can be kept by a CDN and revalidated: s-maxage and stale-while-revalidate, an ETag, 304 for an unchanged copy', async ({
  request,
}) => {
  for (const path of ['/api/v1/sectors', '/api/v1/agreements.csv']) {
    const response = await request.get(path);
    expect(response.status()).toBe(200);
    expect(response.headers()['cache-control']).toMatch(/^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+$/);
    const etag = response.headers().etag;
    expect(etag).toBeTruthy();
    const unchanged = await request.get(path, { headers: { 'if-none-match': etag! } });
    expect(unchanged.status()).toBe(304);
    expect(unchanged.headers().etag).toBe(etag);
    expect(unchanged.headers()['cache-control']).toBe(response.headers()['cache-control']);
    expect(unchanged.headers()['x-content-type-options']).toBe('nosniff');
    const other = await request.get(path, { headers: { 'if-none-match': '"something-else"' } });
    expect(other.status()).toBe(200);
  }
});

test('every page load gets a nonce of its own, and the page’s scripts run under it', async ({ page, request }) => {
  const [first, second] = [await request.get('/methodology'), await request.get('/methodology')];
  const [a, b] = [nonceOf(first.headers()['content-security-policy']), nonceOf(second.headers()['content-security-policy'])];
  expect(a).toBeTruthy();
  expect(a).not.toBe(b);
  const stamped = [...(await second.text()).matchAll(/nonce="([^"]+)"/g)].map((match) => match[1]);
  expect(new Set(stamped)).toEqual(new Set([b]));

  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto('/methodology');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // The App Router's client runtime starts only if its inline scripts ran.
  await page.waitForFunction(() => 'next' in window);
  expect(violations).toEqual([]);
});
