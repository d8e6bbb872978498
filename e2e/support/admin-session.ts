import { expect, type Browser, type BrowserContext, type BrowserContextOptions } from '@playwright/test';
import { adminCode, E2E, formAlert, signIn } from './accounts.ts';

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;
let session: Promise<StorageState> | undefined;

async function signInOnce(browser: Browser): Promise<StorageState> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, E2E.admin);
  // A code works once: if an earlier test used this step's code, the next step's is accepted too.
  for (const offset of [0, 30]) {
    await page.getByLabel('Authentication code').fill(await adminCode(undefined, offset));
    await page.getByRole('button', { name: 'Verify' }).click();
    if (await page.waitForURL(/\/admin$/, { timeout: 5_000 }).then(() => true, () => false)) break;
    await expect(formAlert(page)).toContainText('That code is not valid.');
  }
  await expect(page).toHaveURL(/\/admin$/);
  const state = await context.storageState();
  await context.close();
  return state;
}

/** A new browser context signed in as the enrolled e2e admin; the worker signs in only once. */
export async function adminContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  session ??= signInOnce(browser);
  return browser.newContext({ ...options, storageState: await session });
}
