import { expect, test } from '@playwright/test';
import { ANALYST_AZ, signedIn, signOut } from '../support/accounts.ts';

test('a cookie copied before signing out opens nothing afterwards', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signedIn(page, ANALYST_AZ);
  const stolen = await context.storageState();
  await signOut(page);

  const attacker = await browser.newContext({ storageState: stolen });
  const replay = await attacker.newPage();
  await replay.goto('/workspace');
  await expect(replay).toHaveURL(/\/sign-in/);
  await attacker.close();
  await context.close();
});

test('the account page lists the sessions, marks this one, and ends another, which is signed out at once', async ({ browser }) => {
  const laptop = await browser.newContext({ userAgent: 'Laptop browser (e2e)' });
  const phone = await browser.newContext({ userAgent: 'Phone browser (e2e)' });
  const here = await laptop.newPage();
  const there = await phone.newPage();
  await signedIn(there, ANALYST_AZ);
  await signedIn(here, ANALYST_AZ);

  await here.goto('/account/security');
  const sessions = here.getByRole('table', { name: 'Open sessions, most recently used first' });
  const current = sessions.locator('tr[data-session="current"]');
  await expect(current).toContainText('Laptop browser (e2e)');
  await expect(current).toContainText('This session');
  await expect(current).toContainText('127.0.0.1');
  const other = sessions.getByRole('row', { name: /Phone browser \(e2e\)/ });
  await expect(other).toHaveCount(1);

  await other.getByRole('button', { name: 'End this session' }).click();
  await expect(sessions.getByRole('row', { name: /Phone browser \(e2e\)/ })).toHaveCount(0);
  await there.goto('/workspace');
  await expect(there).toHaveURL(/\/sign-in/);

  // Signing in again on the phone, then "sign out everywhere else".
  await signedIn(there, ANALYST_AZ);
  await here.reload();
  await here.getByRole('button', { name: 'Sign out everywhere else' }).click();
  await expect(here.getByText('Every other session has ended.')).toBeVisible();
  await there.goto('/workspace');
  await expect(there).toHaveURL(/\/sign-in/);
  await here.goto('/workspace');
  await expect(here).toHaveURL(/\/workspace$/);
  await laptop.close();
  await phone.close();
});
