import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import Papa from 'papaparse';

const rows = (page: import('@playwright/test').Page) => page.locator('.agreement-table tbody tr');

test('a visitor filters, searches, sorts and pages through the agreements, each view at its own address', async ({ page }) => {
  await page.goto('/agreements');
  await expect(page.getByRole('heading', { name: /^\d+ agreements$/ })).toBeVisible();

  await page.getByLabel('Sector').selectOption('energy-infrastructure');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/sector=energy-infrastructure/);
  await expect(page.locator('tr[data-slug="lng-supply-socar"]')).toBeVisible();
  await expect(page.locator('tr[data-slug="defence-cooperation-mou-2020"]')).toHaveCount(0);

  await page.getByRole('link', { name: 'Clear all' }).click();
  await expect(page).toHaveURL(/\/agreements$/);
  await expect(page.getByLabel('Sector')).toHaveValue('');
  await page.getByLabel('Search', { exact: true }).fill('scholarhsip');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('heading', { name: '1 agreement matching “scholarhsip”' })).toBeVisible();
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).getByRole('link')).toHaveText('Scholarships and academic exchange programme');

  await page.goto('/agreements?perPage=4&sort=title-asc');
  const firstPage = await rows(page).getByRole('link').allTextContents();
  expect(firstPage).toEqual([...firstPage].sort((a, b) => a.localeCompare(b, 'en')));
  await page.getByRole('link', { name: 'Next' }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByRole('link', { name: 'Page 2' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByLabel('Sort by')).toHaveValue('title-asc');
  const secondPage = await rows(page).getByRole('link').allTextContents();
  expect(secondPage[0]!.localeCompare(firstPage.at(-1)!, 'en')).toBeGreaterThan(0);
});

test('an invalid filter in the address is named and ignored, not an error page', async ({ page }) => {
  const response = await page.goto('/agreements?signedYear=soon');
  expect(response!.status()).toBe(200);
  await expect(page.getByRole('alert').filter({ hasText: 'could not be used' })).toContainText('"signedYear" must be a year such as 2021.');
});

test('the CSV download holds exactly the filtered agreements, across all pages', async ({ page }) => {
  await page.goto('/agreements?band=INTERMEDIATE&perPage=2');
  const total = Number((await page.getByRole('heading', { name: /agreements$/ }).textContent())!.match(/\d+/)![0]);
  expect(total).toBeGreaterThan(2);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Agreements (CSV)' }).click()]);
  const parsed = Papa.parse<Record<string, string>>(await readFile((await download.path())!, 'utf8'), {
    header: true,
    skipEmptyLines: true,
  });
  expect(parsed.data).toHaveLength(total);
  expect(new Set(parsed.data.map((row) => row.band))).toEqual(new Set(['INTERMEDIATE']));
  expect(parsed.meta.fields).toEqual([
    'slug',
    'title',
    'kind',
    'status',
    'signed_on',
    'effective_on',
    'expires_on',
    'summary',
    'sectors',
    'parties',
    'score',
    'band',
  ]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the filter form and the pagination still work, as plain links and a GET form', async ({ page }) => {
    await page.goto('/agreements');
    await page.getByLabel('Kind').selectOption('CONTRACT');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page).toHaveURL(/kind=CONTRACT/);
    await expect(rows(page)).toHaveCount(1);
    await expect(page.locator('tr[data-slug="lng-supply-socar"]')).toBeVisible();
    await page.goto('/agreements?perPage=3');
    await page.getByRole('link', { name: 'Page 2' }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(rows(page)).toHaveCount(3);
  });
});
