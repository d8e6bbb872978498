import { expect, test } from '@playwright/test';
import { formAlert, signIn } from '../support/accounts.ts';
import { adminContext } from '../support/admin-session.ts';

const USER = { name: 'Nigar Aliyeva', email: 'nigar.aliyeva@e2e.test', password: 'caspian-wind-farm-survey-2026' };

test('a new user sets a password through the one-time link and signs in; deactivating them signs them out on their next request; each step is in the audit log', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const admin = await (await adminContext(browser)).newPage();
  await admin.goto('/admin/users/new');
  await admin.getByLabel('Name').fill(USER.name);
  await admin.getByLabel('Email').fill(USER.email);
  await admin.getByLabel('Role').selectOption({ label: 'Analyst' });
  await admin.getByLabel('Side').selectOption({ label: 'Republic of Azerbaijan (Azerbaijan)' });
  await admin.getByRole('button', { name: 'Create user' }).click();
  const link = await admin.getByRole('textbox', { name: 'Set-password link' }).inputValue();
  expect(link).toMatch(/^http:\/\/[\w.]+:\d+\/set-password\/[A-Za-z0-9_-]{43}$/);
  await admin.getByRole('link', { name: "Open the user's page" }).click();
  await admin.waitForURL(/\/admin\/users\/[0-9a-f-]{36}$/);
  const userId = new URL(admin.url()).pathname.split('/').at(-1)!;
  await expect(admin.getByText('Not set yet; a set-password link is open until')).toBeVisible();

  const userContext = await browser.newContext();
  const user = await userContext.newPage();
  await user.goto(link);
  await expect(user.getByRole('heading', { level: 1 })).toHaveText('Set your password');
  await user.getByLabel('New password', { exact: true }).fill('too-short');
  await user.getByLabel('Repeat the new password').fill('too-short');
  await user.getByRole('button', { name: 'Set password' }).click();
  await expect(user.getByText('Use at least 12 characters.')).toBeVisible();
  await expect(user.getByLabel('New password', { exact: true })).toHaveValue('');
  await user.getByLabel('New password', { exact: true }).fill(USER.password);
  await user.getByLabel('Repeat the new password').fill(USER.password);
  await user.getByRole('button', { name: 'Set password' }).click();
  await expect(user).toHaveURL(/\/sign-in\?notice=password-set$/);
  await expect(user.getByText('Your password is set. Sign in with it.')).toBeVisible();
  await signIn(user, USER);
  await expect(user).toHaveURL(/\/workspace$/);
  await expect(user.getByText(`Signed in as ${USER.name}`)).toBeVisible();

  // The link worked once.
  const again = await browser.newContext();
  const second = await again.newPage();
  await second.goto(link);
  await expect(second.getByRole('heading', { level: 1 })).toHaveText('This link does not work');
  await again.close();

  await admin.reload();
  await admin.getByRole('button', { name: 'Deactivate' }).click();
  await expect(admin.getByText('Deactivated: the account is signed out on its next request and cannot sign in.')).toBeVisible();
  await expect(admin.getByRole('button', { name: 'Reactivate' })).toBeVisible();

  await user.goto('/workspace');
  await expect(user).toHaveURL(/\/sign-in/);
  await signIn(user, USER);
  await expect(formAlert(user)).toHaveText('The email or password is incorrect.');
  await userContext.close();

  await admin.getByRole('link', { name: 'History' }).click();
  await expect(admin).toHaveURL(`/admin/audit?entityType=user&entityId=${userId}`);
  await expect(admin.locator('.audit-event strong')).toContainText(['user.deactivate', 'auth.sign-in', 'user.password-set', 'user.create']);

  for (const path of ['/admin/users/not-an-id', '/admin/agreements/00000000-0000-4000-8000-000000000000']) {
    expect((await admin.goto(path))?.status(), path).toBe(404);
    await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  }
});

test('admin forms work without JavaScript: a refused submission keeps what was typed, and the corrected one succeeds', async ({
  browser,
}) => {
  const context = await adminContext(browser, { javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/admin/users/new');
  await page.getByLabel('Name').fill('Rashid Karimov');
  await page.getByLabel('Email').fill('rashid.karimov-at-e2e.test');
  await page.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByText('Some fields need your attention.')).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Enter an email address such as name@example.org.')).toBeVisible();
  await expect(page.getByLabel('Name')).toHaveValue('Rashid Karimov');
  await page.getByLabel('Email').fill('rashid.karimov@e2e.test');
  await page.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByRole('textbox', { name: 'Set-password link' })).toHaveValue(/\/set-password\/[A-Za-z0-9_-]{43}$/);
  await context.close();
});
