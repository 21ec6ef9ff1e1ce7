/**
 * Issue 16 end to end: a manager (the seeded administrator holds every role) opens Reports, sees
 * figures that match the cases made, changes the range, and opens a figure (from its table and by
 * clicking a bar): the case list shows as many cases as the figure said. axe finds no serious or
 * critical violation on the charts or a table view, in English (light) and Latvian (dark), and
 * screenshots of both are attached. A table's XLSX export, downloaded and read back with exceljs,
 * holds exactly the table shown. The monthly complaints report prints cleanly: Chromium's PDF of
 * it (the same print CSS that Electron's printToPDF uses) has the report's title and figures on a
 * few A4 pages, without the app's navigation. A spike of one complaint type last week raises a
 * trend alert (P-5.2) in the notification centre, and clicking it lists exactly those cases.
 */
import ExcelJS from 'exceljs';
import { PDFDocument } from 'pdf-lib';
import { pdfText } from '../src/main/post-room/pdf-text';
import type { Page } from '@playwright/test';
import { invoke } from './support/api';
import { seriousViolations } from './support/axe';
import { ADMIN, expect, test } from './support/fixtures';
import { choose, screenshot } from './support/ui';

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();

async function createCase(page: Page, name: string, type: string, receivedAt: string): Promise<void> {
  const created = await invoke(page, 'cases.create', {
    complainant: { name, email: `${name.split(' ')[0]?.toLowerCase()}@example.org`, preferredChannel: 'email' },
    channel: 'email',
    receivedAt,
    type,
    summary: `Complaint from ${name}`,
  });
  expect(created.ok, JSON.stringify(created.error)).toBe(true);
}

test('a manager sees figures that match the cases, changes the range, and a figure opens exactly its cases', async ({ plaint }, testInfo) => {
  const { page } = plaint;
  await expect(page.getByTestId('page-cases')).toBeVisible();
  await createCase(page, 'Ada Billing', 'billing', daysAgo(3));
  await createCase(page, 'Bea Billing', 'billing', daysAgo(2));
  await createCase(page, 'Cy Product', 'product', daysAgo(40));

  await page.getByTestId('nav-reports').click();
  await expect(page.getByTestId('page-reports')).toBeVisible();
  await expect(page.getByTestId('report-received')).toHaveText('3');
  await expect(page.getByTestId('report-open')).toHaveText('3');
  await expect(page.getByTestId('report-volume-by-type-chart')).toBeVisible();
  await screenshot(page, testInfo, 'reports-en');
  expect(await seriousViolations(page), 'reports, charts').toEqual([]);

  // The range from ten days ago leaves out the case received 40 days ago.
  await page.getByTestId('report-from').fill(daysAgo(10).slice(0, 10));
  await expect(page.getByTestId('report-received')).toHaveText('2');

  // The table view of the same chart: the billing count opens exactly those cases.
  await page.getByTestId('report-volume-by-type-view').getByText('Table').click();
  const billing = page.getByTestId('figure-volume-by-type-billing-cases');
  await expect(billing).toHaveText('2');
  expect(await seriousViolations(page), 'reports, a table view').toEqual([]);
  await billing.click();
  await expect(page.getByTestId('page-cases')).toBeVisible();
  await expect(page.getByTestId('case-count')).toHaveText('2 cases');
  await expect(page.getByTestId('case-list-title')).toContainText('Received by type: Billing');

  // Back in Reports (the default range again), a bar of the chart opens its cases too.
  await page.getByTestId('nav-reports').click();
  await expect(page.getByTestId('report-received')).toHaveText('3');
  // Types by count: billing (2) first, then product (1).
  const billingBar = page.getByTestId('report-volume-by-type-chart').locator('.recharts-bar-rectangle path').first();
  await billingBar.click();
  await expect(page.getByTestId('case-count')).toHaveText('2 cases');

  // In Latvian and the dark theme: the same figures, and still nothing serious for axe.
  await page.emulateMedia({ colorScheme: 'dark' });
  await choose(page, page.getByTestId('language-select'), 'Latviešu');
  await page.getByTestId('nav-reports').click();
  await expect(page.getByRole('heading', { name: 'Pārskati', level: 1 })).toBeVisible();
  await expect(page.getByTestId('report-received')).toHaveText('3');
  await expect(page.getByTestId('report-volume-by-type')).toContainText('Saņemtas pēc veida');
  await screenshot(page, testInfo, 'reports-lv-dark');
  expect(await seriousViolations(page), 'reports in Latvian, dark theme').toEqual([]);
});

test('reports are not offered to a caseworker', async ({ plaint }) => {
  const { page } = plaint;
  await expect(page.getByTestId('page-cases')).toBeVisible();
  const saved = await invoke(page, 'staff.save', {
    name: 'Casey Worker',
    login: 'casey',
    roles: ['caseworker'],
    departments: [],
    password: 'reports test password',
  });
  expect(saved.ok).toBe(true);
  await plaint.signOut();
  await plaint.signIn('casey', 'reports test password');
  await expect(page.getByTestId('nav-cases')).toBeVisible();
  await expect(page.getByTestId('nav-reports')).toHaveCount(0);
  const refused = await invoke(page, 'reports.dashboard', {});
  expect(refused.ok).toBe(false);
});

test('a table exported to XLSX, downloaded and read back with exceljs, matches the table shown', async ({ plaint }) => {
  const { page } = plaint;
  await expect(page.getByTestId('page-cases')).toBeVisible();
  await createCase(page, 'Ada Billing', 'billing', daysAgo(3));
  await createCase(page, 'Bea Billing', 'billing', daysAgo(2));
  await createCase(page, 'Cy Product', 'product', daysAgo(1));
  await page.getByTestId('nav-reports').click();
  await expect(page.getByTestId('page-reports')).toBeVisible();
  await expect(page.getByTestId('report-received')).toHaveText('3');

  const card = page.getByTestId('report-volume-by-type');
  await card.getByText('Table').click();
  const shown = await page
    .getByTestId('report-volume-by-type-table')
    .locator('tr')
    .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').trim())));
  expect(shown).toEqual([
    ['Type', 'Cases'],
    ['Billing and payment', '2'],
    ['Product defect or problem', '1'],
  ]);

  const downloading = page.waitForEvent('download');
  await page.getByTestId('report-volume-by-type-xlsx').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('volume-by-type.xlsx');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const sheet = workbook.worksheets[0];
  expect(sheet?.name).toBe('Received by type');
  const read: string[][] = [];
  sheet?.eachRow((row) => read.push((Array.isArray(row.values) ? row.values.slice(1) : []).map((value) => String(value))));
  expect(read).toEqual(shown);
  // Counts are numbers in the workbook, not text.
  expect(sheet?.getCell('B2').value).toBe(2);
});

test('volumes per week: the control groups them by ISO week across a year end (29 December 2025 starts week 1 of 2026), and the weekly table exports to XLSX as shown', async ({
  plaint,
}) => {
  const { page } = plaint;
  await expect(page.getByTestId('page-cases')).toBeVisible();
  await createCase(page, 'Ada Billing', 'billing', '2025-12-30T12:00:00.000Z');
  await createCase(page, 'Bea Billing', 'billing', '2026-01-02T12:00:00.000Z');
  await createCase(page, 'Cy Product', 'product', '2026-01-06T12:00:00.000Z');
  await page.getByTestId('nav-reports').click();
  await page.getByTestId('report-from').fill('2025-12-22');
  await page.getByTestId('report-to').fill('2026-01-11');
  await expect(page.getByTestId('report-received')).toHaveText('3');

  await page.getByTestId('report-group-by').getByText('Week').click();
  const card = page.getByTestId('report-volume-by-week');
  await expect(card).toContainText('Complaints received per week');
  await page.getByTestId('report-volume-by-week-view').getByText('Table').click();
  const shown = await page
    .getByTestId('report-volume-by-week-table')
    .locator('tr')
    .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').trim())));
  expect(shown.map((row) => [row[0]?.replace(/, from .*$/, ''), row[1]])).toEqual([
    ['Week', 'This period'],
    ['Week 52 of 2025', '0'],
    ['Week 1 of 2026', '2'],
    ['Week 2 of 2026', '1'],
  ]);
  expect(await seriousViolations(page), 'reports per week, a table view').toEqual([]);

  const downloading = page.waitForEvent('download');
  await page.getByTestId('report-volume-by-week-xlsx').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('volume-by-week.xlsx');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const read: string[][] = [];
  workbook.worksheets[0]?.eachRow((row) => read.push((Array.isArray(row.values) ? row.values.slice(1) : []).map((value) => String(value))));
  expect(read).toEqual(shown);

  // In Latvian, the control and the weeks are named in Latvian.
  await choose(page, page.getByTestId('language-select'), 'Latviešu');
  await page.getByTestId('nav-reports').click();
  await page.getByTestId('report-from').fill('2025-12-22');
  await page.getByTestId('report-to').fill('2026-01-11');
  await page.getByTestId('report-group-by').getByText('nedēļām').click();
  await expect(page.getByTestId('report-volume-by-week')).toContainText('Saņemtās sūdzības pa nedēļām');
  await page.getByTestId('report-volume-by-week-view').getByText('Tabulu').click();
  await expect(page.getByTestId('report-volume-by-week-table')).toContainText('2026. gada 1. nedēļa');
});

test('the monthly complaints report prints cleanly: Chromium’s PDF of it has the title and figures on a few A4 pages', async ({ plaint }, testInfo) => {
  const { page } = plaint;
  await expect(page.getByTestId('page-cases')).toBeVisible();
  // Received in November 2026 (the month printed), and one in October that it leaves out.
  await createCase(page, 'Ada Billing', 'billing', '2026-11-03T10:00:00.000Z');
  await createCase(page, 'Bea Billing', 'billing', '2026-11-10T10:00:00.000Z');
  await createCase(page, 'Cy Product', 'product', '2026-11-20T10:00:00.000Z');
  await createCase(page, 'Di October', 'product', '2026-10-20T10:00:00.000Z');

  await page.getByTestId('nav-reports').click();
  await page.getByTestId('report-monthly').click();
  await expect(page.getByTestId('page-monthly-report')).toBeVisible();
  // The month picker (issue 18: @mantine/dates, named in the app's language): year, then month.
  await page.getByTestId('monthly-report-month').click();
  const picker = page.getByRole('dialog');
  await picker.locator('.mantine-MonthPickerInput-calendarHeaderLevel').click();
  await picker.getByRole('button', { name: '2026', exact: true }).click();
  await picker.getByRole('button', { name: 'Nov', exact: true }).click();
  await expect(page.getByTestId('monthly-report-title')).toHaveText('Monthly complaints report: November 2026');
  await expect(page.getByTestId('monthly-volume-by-type')).toContainText('Billing and payment');
  await expect(page.getByTestId('monthly-volume-by-type').locator('.recharts-bar-rectangle').first()).toBeVisible();
  expect(await seriousViolations(page), 'the monthly report').toEqual([]);

  await page.emulateMedia({ media: 'print' });
  // In print, the shell's header and navigation and the report's buttons are hidden.
  await expect(page.getByTestId('nav-reports')).toBeHidden();
  await expect(page.getByTestId('monthly-report-print')).toBeHidden();
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  await testInfo.attach('monthly-report.pdf', { body: pdf, contentType: 'application/pdf' });

  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const pages = (await PDFDocument.load(pdf)).getPageCount();
  expect(pages).toBeGreaterThanOrEqual(2);
  expect(pages).toBeLessThanOrEqual(8);
  const text = await pdfText(pdf);
  expect(text).toContain('Monthly complaints report: November 2026');
  expect(text).toContain('Received by type');
  expect(text).toContain('Billing and payment');
  expect(text).not.toContain('Post room');
});

test('a spike of one type last week raises a trend alert (P-5.2) that opens exactly its cases', async ({ plaint }) => {
  const { page } = plaint;
  await expect(page.getByTestId('page-cases')).toBeVisible();
  // Wednesday of last week in the office's time zone (noon UTC that day): inside the last complete
  // office week, with none in the 8 before, whatever the hour the test runs.
  const settings = await invoke(page, 'settings.get', {});
  const timeZone = (settings.result as { calendar: { timeZone: string } }).calendar.timeZone;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', weekday: 'short' })
      .formatToParts(new Date())
      .map((part) => [part.type, part.value]),
  );
  const sinceMonday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts['weekday'] ?? '');
  const lastWednesday = new Date(Date.UTC(Number(parts['year']), Number(parts['month']) - 1, Number(parts['day']) - sinceMonday - 5, 12)).toISOString();
  for (const name of ['Ann', 'Ben', 'Cat', 'Dan', 'Eve', 'Fay']) await createCase(page, `${name} Talk`, 'communication', lastWednesday);

  // The check runs when someone signs in (and hourly): the manager is told now.
  await plaint.signOut();
  await plaint.signIn(ADMIN.login, ADMIN.password);
  await page.getByTestId('notifications-open').click();
  const alert = page.getByTestId('notification-list').getByText('Complaints spike — Type: Communication');
  await expect(alert).toBeVisible({ timeout: 30_000 });
  await alert.click();
  await expect(page.getByTestId('page-cases')).toBeVisible();
  await expect(page.getByTestId('case-list-title')).toHaveText('Complaints spike — Type: Communication');
  await expect(page.getByTestId('case-count')).toHaveText('6 cases');
});
