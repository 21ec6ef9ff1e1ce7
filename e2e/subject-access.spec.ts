/**
 * Issue 14, Settings → Subject access in the real renderer against the real main process: two
 * people with similar names are on file; the administrator searches, ticks Anna's case only,
 * excludes a staff-only note with a reason and exports to a typed path. The archive opens, holds
 * Anna's case and none of Annija's, nor the excluded note; a relative path is refused in words;
 * axe finds no serious or critical violation on the screen.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

interface Envelope {
  ok: boolean;
  result?: { caseId: string; reference: string };
}

async function seedPeople(page: Page): Promise<void> {
  const ok = await page.evaluate(async () => {
    const api = (window as unknown as { plaint: { invoke(method: string, input: unknown): Promise<Envelope> } }).plaint;
    const complaint = (name: string, email: string, postcode: string) => ({
      complainant: { name, email, phone: '', preferredChannel: 'email', address: { lines: ['Rīga'], postcode, country: 'LV' } },
      channel: 'email',
      type: 'product',
      summary: `${name} complains about a monitor`,
      receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
    });
    const anna = await api.invoke('cases.create', complaint('Anna Bērziņa', 'anna@example.lv', 'LV-1010'));
    const annija = await api.invoke('cases.create', complaint('Annija Bērziņa', 'annija@example.lv', 'LV-1050'));
    const notes = [
      await api.invoke('cases.addNote', { caseId: anna.result?.caseId, text: 'Called Anna back about the cuff' }),
      await api.invoke('cases.addNote', { caseId: anna.result?.caseId, text: 'Staff only: Mara is off sick' }),
      await api.invoke('cases.addNote', { caseId: annija.result?.caseId, text: 'Annija wants a refund' }),
    ];
    return [anna, annija, ...notes].every((response) => response.ok);
  });
  expect(ok).toBe(true);
}

test('an administrator finds a person, confirms the match, withholds a note with a reason and exports the archive', async ({ plaint }) => {
  const { page } = plaint;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'plaint-e2e-sar-'));
  try {
    await seedPeople(page);
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-tab-subjectAccess').click();
    await page.getByTestId('sar-name').fill('berzina');
    await page.getByTestId('sar-search').click();
    await expect(page.getByTestId('sar-case')).toHaveCount(2);
    await expect(page.getByTestId('sar-review')).toBeDisabled();
    await page.getByTestId('sar-case').filter({ hasText: 'anna@example.lv' }).getByTestId('sar-case-select').check();
    await page.getByTestId('sar-review').click();

    const staffNote = page.getByTestId('sar-entry').filter({ hasText: 'Mara is off sick' });
    await expect(staffNote).toHaveCount(1);
    await expect(page.getByTestId('sar-review-list')).not.toContainText('Annija');
    await staffNote.getByText('Exclude', { exact: true }).click();
    await page.getByTestId('sar-destination').fill('anna.zip');
    await expect(page.getByTestId('sar-export')).toBeDisabled();
    await staffNote.getByTestId('sar-entry-reason').fill('About a member of staff only');
    // The screen, with a review and a reason open, has no serious or critical accessibility violation.
    const axe = await new AxeBuilder({ page }).include('[data-testid="subject-access"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(
      axe.violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map(
          (violation) =>
            `${violation.id}: ${violation.nodes
              .map((node) => node.target.join(' '))
              .slice(0, 3)
              .join('; ')}`,
        ),
    ).toEqual([]);
    await page.getByTestId('sar-export').click();
    await expect(page.getByText('Give the full path of the archive, not anna.zip.')).toBeVisible();
    expect(fs.readdirSync(folder)).toEqual([]);

    const destination = path.join(folder, 'anna.zip');
    await page.getByTestId('sar-destination').fill(destination);
    await page.getByTestId('sar-export').click();
    await expect(page.getByTestId('sar-exported')).toContainText(destination);

    const archive = unzipSync(new Uint8Array(fs.readFileSync(destination)));
    expect(Object.keys(archive)).toEqual(expect.arrayContaining(['summary.pdf', 'records.json']));
    const records = strFromU8(archive['records.json']!);
    const parsed = JSON.parse(records) as { cases: { complainant: { name: string } }[]; withheld: { reason: string }[] };
    expect(parsed.cases.map((entry) => entry.complainant.name)).toEqual(['Anna Bērziņa']);
    expect(parsed.withheld.map((entry) => entry.reason)).toEqual(['About a member of staff only']);
    expect(records).toContain('Called Anna back about the cuff');
    expect(records).not.toContain('Annija');
    expect(records).not.toContain('Mara is off sick');
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
