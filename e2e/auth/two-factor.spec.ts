import { expect, test } from '@playwright/test';
import { generate } from 'otplib';
import { E2E, formAlert, signIn, signInAdmin, signOut } from '../support/accounts.ts';

test('an admin without a second factor must enrol it, then signs in with a code', async ({ page }) => {
  // Four sign-ins and an enrolment.
  test.slow();
  await signIn(page, E2E.enrol, '/sign-in?callbackUrl=%2Fadmin');
  await expect(page).toHaveURL(/\/account\/security$/);
  await expect(page.getByText('Administrators must use two-factor authentication.')).toBeVisible();

  // Until enrolled, the admin console is out of reach.
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/account\/security$/);

  await page.getByRole('button', { name: 'Set up two-factor authentication' }).click();
  await expect(page.getByRole('img', { name: 'QR code for adding Ittifaq to an authenticator app' })).toBeVisible();
  const secret = (await page.getByText(/Or type this key into the app:/).textContent())!.split(': ')[1]!.trim();
  // Turning it on asks for the password again, beside the code.
  await page.getByLabel('Your password').fill(E2E.enrol.password);
  await page.getByLabel('6-digit code').fill(await generate({ secret }));
  await page.getByRole('button', { name: 'Turn on two-factor authentication' }).click();
  await expect(page.getByText('Two-factor authentication is now on.')).toBeVisible();
  await expect(page.locator('.code-list li')).toHaveCount(10);
  const recoveryCode = (await page.locator('.code-list li').first().textContent())!.trim();

  await page.goto('/admin');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Admin console');
  await signOut(page);

  // Next sign-in asks for a code; the enrolment's code cannot be replayed, the next step's can.
  await signIn(page, E2E.enrol);
  await expect(page.getByRole('heading', { name: 'Two-factor authentication' })).toBeVisible();
  await page.getByLabel('Authentication code').fill(await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }));
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await signOut(page);

  // A recovery code works once.
  await signIn(page, E2E.enrol);
  await page.getByLabel('Authentication code').fill(recoveryCode);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await signOut(page);
  await signIn(page, E2E.enrol);
  await page.getByLabel('Authentication code').fill(recoveryCode);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(formAlert(page)).toContainText('That code is not valid.');
});

test('an enrolled admin signs in with password and code', async ({ page }) => {
  await signInAdmin(page);
  await expect(page).toHaveURL(/\/admin$/);
});
