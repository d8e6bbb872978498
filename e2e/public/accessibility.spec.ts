import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const PAGES = [
  '/',
  '/?asOf=2024-12-31',
  '/agreements',
  '/agreements?q=scholarship&sector=education-academics&signedYear=nonsense',
  '/agreements/lng-supply-socar',
  '/agreements/nadra-asan-e-government-exchange',
  '/agreements/scholarships-exchange-programme?asOf=2024-12-31',
  '/sectors/energy-infrastructure',
  '/parties',
  '/parties/pakistan',
  '/methodology',
  '/no-such-page',
];

async function openAllDetails(page: Page) {
  await page.evaluate(() => document.querySelectorAll('details').forEach((details) => details.setAttribute('open', '')));
}

test('every public page passes axe-core WCAG 2.2 AA checks with nothing hidden', async ({ page }) => {
  test.setTimeout(90_000);
  for (const path of PAGES) {
    await page.goto(path);
    await openAllDetails(page);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(
      results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`),
      path,
    ).toEqual([]);
  }
});

test('the keyboard reaches every control of the agreement list, starting with the skip link', async ({ page }) => {
  await page.goto('/agreements?perPage=4');
  const controls = await page.locator('main input:not([type=hidden]), main select, main button, main a[href], header a[href]').count();
  const reached = new Set<string>();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  for (let step = 0; step < controls + 5; step++) {
    await page.keyboard.press('Tab');
    reached.add(
      await page.evaluate(() => {
        const element = document.activeElement!;
        return `${element.tagName}#${element.id}|${element.getAttribute('href') ?? ''}|${element.textContent?.trim() ?? ''}`;
      }),
    );
  }
  for (const id of [
    'filter-q',
    'filter-sector',
    'filter-party',
    'filter-kind',
    'filter-status',
    'filter-year',
    'filter-band',
    'filter-sort',
    'filter-as-of',
  ]) {
    expect(
      [...reached].some((entry) => entry.includes(`#${id}|`)),
      id,
    ).toBe(true);
  }
  expect([...reached].some((entry) => entry.startsWith('BUTTON') && entry.endsWith('Apply'))).toBe(true);
  expect([...reached].some((entry) => entry.includes('page=2'))).toBe(true);
});

test('pages fit a 375 px wide phone without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  for (const path of ['/', '/agreements', '/agreements/lng-supply-socar', '/parties/pakistan', '/methodology']) {
    await page.goto(path);
    await openAllDetails(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(375);
  }
});

test('printing leaves out navigation and forms but keeps the content', async ({ page }) => {
  await page.goto('/agreements/lng-supply-socar');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.locator('.as-of-form')).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Milestones' })).toBeVisible();
});
