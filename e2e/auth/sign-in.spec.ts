import { expect, test } from '@playwright/test';
import { ANALYST_PK, E2E, formAlert, signIn, signOut } from '../support/accounts.ts';

test('an analyst signs in from a protected page, lands back on it, and signs out', async ({ page }) => {
  await page.goto('/workspace');
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fworkspace/);
  await page.getByLabel('Email').fill(ANALYST_PK.email);
  await page.getByLabel('Password').fill(ANALYST_PK.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/workspace$/);
  await expect(page.getByText('Signed in as Ayesha Siddiqui')).toBeVisible();

  const session = (await page.context().cookies()).find((cookie) => cookie.name.endsWith('ittifaq.session'));
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
  // Served over plain HTTP on 127.0.0.1 (local development): Secure is only set behind https.
  expect(session?.secure).toBe(false);

  await signOut(page);
  await page.goto('/workspace');
  await expect(page).toHaveURL(/\/sign-in/);
});

test('a wrong password and an unknown account get the same message, and the email stays typed', async ({ page }) => {
  await signIn(page, { email: ANALYST_PK.email, password: 'definitely-not-it' });
  const message = formAlert(page);
  await expect(message).toHaveText('The email or password is incorrect.');
  await expect(page.getByLabel('Email')).toHaveValue(ANALYST_PK.email);
  await expect(page.getByLabel('Password')).toHaveValue('');

  await signIn(page, { email: 'nobody@ittifaq.demo', password: 'definitely-not-it' });
  await expect(formAlert(page)).toHaveText('The email or password is incorrect.');
});

test('after five failures from one address the next attempt must wait: even the right password is answered "try again in…"', async ({
  page,
}) => {
  for (let attempt = 1; attempt <= 5; attempt++) {
    await signIn(page, { email: E2E.lockout.email, password: `wrong-password-${attempt}` });
    await expect(formAlert(page)).toBeVisible();
  }
  await signIn(page, E2E.lockout);
  await expect(formAlert(page)).toHaveText(/^Too many failed attempts\. Try again in \d+ seconds\.$/);
  await expect(page).toHaveURL(/\/sign-in/);
});

test('the sign-in form works without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, { email: ANALYST_PK.email, password: 'definitely-not-it' });
  await expect(page.getByText('The email or password is incorrect.')).toBeVisible();
  await signIn(page, ANALYST_PK);
  await expect(page).toHaveURL(/\/workspace$/);
  await context.close();
});
