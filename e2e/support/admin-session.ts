import { expect, type Browser, type BrowserContext, type BrowserContextOptions } from '@playwright/test';
import { signInAdmin } from './accounts.ts';

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;
let session: Promise<StorageState> | undefined;

async function signInOnce(browser: Browser): Promise<StorageState> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAdmin(page);
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
