import { expect, test, type Page } from '@playwright/test';
import { adminContext } from '../support/admin-session.ts';

const AGREEMENTS_HEADER = 'slug,title,kind,status,signed_on,effective_on,expires_on,summary,sectors,parties';
const MILESTONES_HEADER =
  'agreement_slug,position,title,description,clause_ref,clause_excerpt,responsible_party,due_on,weight,kind,frequency,quantity_per_period,unit,starts_on,ends_on,baseline,target';

const agreement = (slug: string, title: string, kind: string) =>
  `${slug},${title},${kind},SIGNED,2026-02-01,,,"Rail and road freight, Baku to Karachi.",trade-investment,pakistan:SIGNATORY;azerbaijan:SIGNATORY`;
const csv = (header: string, rows: string[]) => Buffer.from(`\uFEFF${[header, ...rows].join('\r\n')}\r\n`);

async function upload(page: Page, files: { agreements: Buffer; milestones?: Buffer }) {
  await page.getByLabel('Agreements file (CSV)').setInputFiles({ name: 'agreements.csv', mimeType: 'text/csv', buffer: files.agreements });
  if (files.milestones)
    await page
      .getByLabel('Milestones file (CSV)')
      .setInputFiles({ name: 'milestones.csv', mimeType: 'text/csv', buffer: files.milestones });
  await page.getByRole('button', { name: 'Check the files' }).click();
}

test('an admin imports a CSV with one bad row, sees the row-level error with nothing written, fixes it and imports', async ({
  browser,
}) => {
  const context = await adminContext(browser);
  const page = await context.newPage();
  await page.goto('/admin');
  await page.getByRole('navigation', { name: 'Admin console' }).getByRole('link', { name: 'Import' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Import CSV');

  const milestones = csv(MILESTONES_HEADER, ['e2e-corridor,,First freight train,,Art. 2,,,2026-09-30,1,ONE_OFF,,,,,,,']);
  await upload(page, {
    agreements: csv(AGREEMENTS_HEADER, [
      agreement('e2e-corridor', 'Caspian freight corridor', 'AGREEMENT'),
      agreement('e2e-ferry', 'Caspian ferry line', 'ACCORD'),
    ]),
    milestones,
  });
  const agreements = page.getByRole('region', { name: 'Agreements file' });
  await expect(agreements.locator('tr[data-row="2"]')).toContainText('Create');
  await expect(agreements.locator('tr[data-row="3"]')).toContainText('kind: Use one of: MOU, AGREEMENT, TREATY');
  await expect(page.getByText('Some rows have problems, so nothing can be imported and nothing was written.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import', exact: true })).toHaveCount(0);

  const register = await context.newPage();
  await register.goto('/admin/agreements');
  await expect(register.getByRole('heading', { level: 1 })).toHaveText('Agreements');
  await expect(register.locator('tr[data-slug="e2e-corridor"]')).toHaveCount(0);

  await upload(page, {
    agreements: csv(AGREEMENTS_HEADER, [
      agreement('e2e-corridor', 'Caspian freight corridor', 'AGREEMENT'),
      agreement('e2e-ferry', 'Caspian ferry line', 'MOU'),
    ]),
    milestones,
  });
  await expect(agreements.locator('tr[data-row="3"]')).toContainText('Create');
  await expect(page.getByRole('region', { name: 'Milestones file' }).locator('tr[data-row="2"]')).toContainText('Create');
  await expect(page.getByText('Every row is valid.')).toBeVisible();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(
    page.getByText('Imported: 2 agreements created, 0 updated and 0 unchanged; 1 milestone created, 0 updated and 0 unchanged.'),
  ).toBeVisible();

  await page.getByRole('link', { name: 'Open the register of agreements' }).click();
  const row = page.locator('tr[data-slug="e2e-corridor"]');
  await expect(row).toContainText('Caspian freight corridor');
  await expect(row).toContainText('Published');
  await expect(row.locator('td').nth(2)).toHaveText('1');
  await expect(page.locator('tr[data-slug="e2e-ferry"]')).toBeVisible();
  await context.close();
});

test('the import works without JavaScript: check, then import what was checked', async ({ browser }) => {
  const context = await adminContext(browser, { javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/admin/import');
  await upload(page, { agreements: csv(AGREEMENTS_HEADER, [agreement('e2e-no-script', 'Freight corridor without scripts', 'PROTOCOL')]) });
  await expect(page.getByRole('region', { name: 'Agreements file' }).locator('tr[data-row="2"]')).toContainText('Create');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(
    page.getByText('Imported: 1 agreement created, 0 updated and 0 unchanged; 0 milestones created, 0 updated and 0 unchanged.'),
  ).toBeVisible();
  await page.goto('/agreements/e2e-no-script');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Freight corridor without scripts');
  await context.close();
});
