import { expect, test } from '@playwright/test';
import { ANALYST_PK, signIn } from '../support/accounts.ts';

const BYPASSES = ['/\t/evil.example', '//evil.example', '/\\evil.example', 'https:evil.example', '/\r\n/evil.example'];

test('a signed-in visitor sent to the sign-in page with a hostile callbackUrl stays on this site', async ({ page }) => {
  await signIn(page, ANALYST_PK);
  await expect(page).toHaveURL(/\/workspace$/);
  for (const target of BYPASSES) {
    await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(target)}`);
    const url = new URL(page.url());
    expect(url.host, target).toBe(new URL(test.info().project.use.baseURL!).host);
    expect(url.pathname, target).toBe('/workspace');
  }
});

test('signing in from a link with a hostile callbackUrl lands on the home page of the account', async ({ browser }) => {
  for (const target of BYPASSES.slice(0, 2)) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, ANALYST_PK, `/sign-in?callbackUrl=${encodeURIComponent(target)}`);
    await page.waitForURL((url) => url.pathname !== '/sign-in');
    expect(new URL(page.url()).host, target).toBe(new URL(test.info().project.use.baseURL!).host);
    await expect(page).toHaveURL(/\/workspace$/);
    await context.close();
  }
});
