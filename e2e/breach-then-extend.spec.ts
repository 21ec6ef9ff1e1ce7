/**
 * Issue 18 §1, P-4.4: a breach cannot be erased after the fact, through the real workspace.
 * - On a breached case, "Extend the deadline" never offers a date in the past.
 * - A new deadline that has already passed is refused at its field, and nothing changes.
 * - A later one is accepted, and the breach stays on record: the case shows "breached, then
 *   extended" beside its new countdown, and the "Breached, then extended" view lists it.
 */
import type { Locator } from '@playwright/test';
import { api } from './support/api';
import { expect, test } from './support/fixtures';

const DAY = 86_400_000;

/** How a person types a time in the office's zone (London in the harness): dd/mm/yyyy HH:mm. */
function officeTyped(instant: number): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('day')}/${part('month')}/${part('year')} ${part('hour')}:${part('minute')}`;
}

interface CaseExtensionView {
  readonly previousDueAt: string;
  readonly newDueAt: string;
  readonly breachedAt?: string;
}
interface CaseView {
  readonly case: { readonly reference: string; readonly extensions: readonly CaseExtensionView[] };
}

async function fillNewDeadline(form: Locator, instant: number): Promise<void> {
  await form.locator('[data-field="newDueAt"]').fill(officeTyped(instant));
}

test('a breached case: a new deadline in the past is refused, a later one keeps the breach on record (P-4.4)', async ({ plaint }) => {
  const { page } = plaint;
  const now = Date.now();
  // Setup (not the caseworker): a case received six weeks ago, acknowledged and under investigation since, so its
  // stage-1 resolution deadline (10 working days, P-4.1) has long passed.
  const created = await api<{ caseId: string; reference: string }>(page, 'cases.create', {
    complainant: { name: 'Walter Hartright', email: 'walter@example.org', preferredChannel: 'email' },
    channel: 'email',
    receivedAt: new Date(now - 42 * DAY).toISOString(),
    type: 'service',
    summary: 'Refund never arrived',
  });
  for (const action of [{ type: 'acknowledge', channel: 'email' }, { type: 'startInvestigation' }]) {
    await api(page, 'cases.act', { caseId: created.caseId, action: { ...action, at: new Date(now - 41 * DAY).toISOString() } });
  }

  await page.evaluate((id) => (window.location.hash = `#/case/${id}`), created.caseId);
  const resolution = page.locator('[data-deadline="stage1Resolution"]');
  await expect(resolution).toContainText('overdue');
  const breachedDue = Date.parse((await resolution.getAttribute('data-due')) ?? '');
  expect(breachedDue).toBeLessThan(now);

  await page.locator('[data-testid="action-bar"] [data-action="extendDeadline"]').click();
  const form = page.getByTestId('action-form-extendDeadline');
  await expect(form).toBeVisible();
  // The form's own suggestion is never a date already passed.
  const suggested = await form.locator('[data-field="newDueAt"]').inputValue();
  const [day, month, year, hour, minute] = suggested.split(/[/ :]/).map(Number);
  expect(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 0, hour ?? 0, minute ?? 0)).toBeGreaterThan(now);

  // A deadline two days ago: refused at its field, in words, and the case is unchanged.
  await fillNewDeadline(form, now - 2 * DAY);
  await form.locator('[data-field="reason"]').fill('Waiting for the bank to confirm the refund');
  await form.getByTestId('action-submit').click();
  await expect(form.getByText(/The new deadline must be later than now/)).toBeVisible();
  await expect(form).toBeVisible();
  const unchanged = await api<CaseView>(page, 'cases.get', { caseId: created.caseId });
  expect(unchanged.case.extensions).toEqual([]);

  // Ten days from now: accepted; the breach stays on record beside the new countdown.
  const newDue = now + 10 * DAY;
  await fillNewDeadline(form, newDue);
  await form.getByTestId('action-submit').click();
  await expect(form).toBeHidden();
  await expect(resolution).toContainText('breached, then extended');
  const extended = await api<CaseView>(page, 'cases.get', { caseId: created.caseId });
  expect(extended.case.extensions).toHaveLength(1);
  expect(Date.parse(extended.case.extensions[0]?.previousDueAt ?? '')).toBe(breachedDue);
  expect(extended.case.extensions[0]?.breachedAt).toBe(extended.case.extensions[0]?.previousDueAt);
  // Typed to the minute, in the office's zone.
  expect(Math.abs(Date.parse(extended.case.extensions[0]?.newDueAt ?? '') - newDue)).toBeLessThan(60_000);

  // The list can find it: the "Breached, then extended" view holds exactly the case.
  await page.getByTestId('view-breached-then-extended').click();
  await expect(page.getByTestId('case-list-title')).toHaveText('Breached, then extended');
  const rows = page.locator('[data-testid="case-rows"] [role="row"][data-case-id]');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-case-id', created.caseId);
});
