import { expect, type Page } from '@playwright/test';
import { generate } from 'otplib';
import { E2E_ACCOUNTS, E2E_PASSWORD, E2E_TOTP_SECRET } from '../../tests/fixtures/e2e-accounts.ts';

/** Demo accounts of the seeded database (prisma/seed/demo-data.ts). */
export const ANALYST_PK = { email: 'analyst.pk@ittifaq.demo', password: 'ittifaq-analyst-pk' };
export const ANALYST_AZ = { email: 'analyst.az@ittifaq.demo', password: 'ittifaq-analyst-az' };
export const E2E = Object.fromEntries(
  Object.entries(E2E_ACCOUNTS).map(([key, account]) => [key, { email: account.email, password: E2E_PASSWORD }]),
) as Record<keyof typeof E2E_ACCOUNTS, { email: string; password: string }>;

export async function signIn(page: Page, account: { email: string; password: string }, path = '/sign-in') {
  await page.goto(path);
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs in and waits until the app has let the account in (left the sign-in page). */
export async function signedIn(page: Page, account: { email: string; password: string }) {
  await signIn(page, account);
  await page.waitForURL((url) => url.pathname !== '/sign-in');
}

/** A TOTP code for the enrolled e2e admin, for a time step no earlier test has used. */
export async function adminCode(secret = E2E_TOTP_SECRET, offsetSeconds = 0) {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSeconds });
}

/**
 * Signs in the enrolled e2e admin, password then code. A code works once, and earlier tests may have
 * used the current and the next step's codes: then the next 30-second step brings a fresh one.
 */
export async function signInAdmin(page: Page) {
  await signIn(page, E2E.admin);
  await expect(page.getByRole('heading', { name: 'Two-factor authentication' })).toBeVisible();
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.getByLabel('Authentication code').fill(await adminCode(undefined, attempt === 0 ? 0 : 30));
    await page.getByRole('button', { name: 'Verify' }).click();
    if (
      await page
        .waitForURL((url) => url.pathname !== '/sign-in', { timeout: 5_000 })
        .then(
          () => true,
          () => false,
        )
    )
      return;
    await expect(formAlert(page)).toContainText('That code is not valid.');
    if (attempt === 1) await page.waitForTimeout(30_000 - (Date.now() % 30_000) + 1_000);
  }
  throw new Error('The e2e admin could not sign in with any code.');
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/$/);
}

/** The form's own message (Next.js's route announcer is an alert too). */
export function formAlert(page: Page) {
  return page.locator('.form-message[role="alert"]');
}
