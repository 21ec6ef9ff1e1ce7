/**
 * Case screens acceptance: a complaint received by phone is taken from creation to stage-2
 * closure entirely through the UI; the deadlines shown match the SLA engine (P-3.2, P-4.1,
 * P-4.3); screenshots of each screen in English and Latvian; everything survives a restart.
 */
import { computeDeadlines, createWorkingCalendar, DEFAULT_SLA_POLICY, type CaseClock } from '../src/shared/sla';
import { expect, test } from './support/fixtures';
import { act, choose, screenshot } from './support/ui';

type Detail = { case: { id: string; reference: string; clock: CaseClock; deadlines: { kind: string; dueAt: string }[] } };

test('a phone complaint goes from creation to stage-2 closure through the UI', async ({ plaint }, testInfo) => {
  test.setTimeout(240_000);
  const { page } = plaint;
  const london = createWorkingCalendar({ region: 'GB-ENG', timeZone: 'Europe/London' });

  await page.getByTestId('nav-new-case').click();
  const form = page.getByTestId('page-new-case');
  await form.getByLabel('Name', { exact: false }).first().fill('Jānis Bērziņš');
  await form.getByLabel('Phone').fill('+371 2000 0000');
  await choose(page, form.getByLabel('Preferred channel'), 'Telephone');
  await form.getByLabel('Product or service').fill('Blood pressure monitor');
  await form.getByLabel('Summary', { exact: false }).fill('Monitor stopped working after a week');
  await form.getByLabel('Description').fill('Error E3 after seven days of use.');
  await screenshot(page, testInfo, 'en-new-complaint');
  await form.getByTestId('create-case').click();
  await expect(page.getByTestId('page-case')).toBeVisible();
  await expect(page.getByTestId('case-status')).toHaveAttribute('data-status', 'received');

  const detail = async (): Promise<Detail> => {
    const caseId = new URL(page.url()).hash.split('/').pop() ?? '';
    return page.evaluate(async (id) => {
      const api = (window as unknown as { plaint: { invoke(m: string, i: unknown): Promise<{ ok: boolean; result: unknown }> } }).plaint;
      return (await api.invoke('cases.get', { caseId: id })).result as Detail;
    }, caseId);
  };
  /** The deadlines on screen are the SLA engine's, computed here independently from the case's clock. */
  const expectDeadlinesMatchEngine = async () => {
    const { case: record } = await detail();
    const expected = computeDeadlines(london, DEFAULT_SLA_POLICY, record.clock);
    const shown = page.getByTestId('case-deadlines').locator('[data-deadline]');
    await expect(shown).toHaveCount(expected.length);
    for (const deadline of expected) await expect(page.locator(`[data-deadline="${deadline.kind}"]`)).toHaveAttribute('data-due', deadline.dueAt);
  };
  await expectDeadlinesMatchEngine();
  const received = (await detail()).case.clock.receivedAt;
  expect(Date.parse((await detail()).case.deadlines[0]!.dueAt) - Date.parse(received)).toBe(48 * 3_600_000); // P-3.2
  await screenshot(page, testInfo, 'en-workspace-received');

  await act(page, 'acknowledge', 'acknowledged');
  await expectDeadlinesMatchEngine();
  await act(page, 'startInvestigation', 'investigating');
  await act(page, 'askThirdParty', 'awaiting-third-party', async (f) => {
    await choose(page, f.getByLabel('Who is asked'), 'Testing laboratory');
    await f.getByLabel('Name of the department or third party').fill('MedLab Ltd');
    await f.getByLabel('Question').fill('Is the unit faulty?');
  });
  await act(page, 'recordThirdPartyResponse', 'investigating', async (f) => {
    await f.getByLabel('Response').fill('Faulty sensor confirmed.');
  });
  await act(page, 'communicateResolution', 'resolution-communicated', async (f) => {
    await f.getByLabel('Summary').fill('A replacement monitor is on its way.');
    await choose(page, f.getByLabel('Outcome'), 'Upheld');
  });
  await expectDeadlinesMatchEngine();
  await act(page, 'close', 'closed');
  await act(page, 'recordEscalationRequest', 'escalation-requested', async (f) => {
    await f.getByLabel('Reason').fill('Wants a refund instead of a replacement.');
  });
  await expectDeadlinesMatchEngine(); // P-4.3 escalation acknowledgement deadline appears
  await act(page, 'acknowledgeEscalation', 'escalation-acknowledged');
  await act(page, 'forwardToDepartmentHead', 'department-head-review', async (f) => {
    await f.getByLabel('Department head').fill('Dr Patel');
  });
  await act(page, 'communicateStage2Outcome', 'stage2-resolution-communicated', async (f) => {
    await f.getByLabel('Summary').fill('Refund of £49.99 agreed.');
    await choose(page, f.getByLabel('Outcome'), 'Partly upheld');
    await f.getByRole('button', { name: 'Add redress' }).click();
    await choose(page, f.getByLabel('Redress').last(), 'Refund');
    await f.getByLabel('Amount (£)').fill('49.99');
  });
  await act(page, 'close', 'closed');
  await expectDeadlinesMatchEngine();
  await expect(page.getByTestId('case-status')).toContainText('Stage 2');
  await expect(page.getByTestId('timeline')).toContainText('Citizens Advice'); // P-6.1 signposting
  await screenshot(page, testInfo, 'en-workspace-closed');

  await page.getByTestId('view-closed').click();
  await expect(page.getByTestId('case-rows')).toContainText('Jānis Bērziņš');
  await screenshot(page, testInfo, 'en-case-list');
  await page.getByTestId('nav-settings').click();
  await screenshot(page, testInfo, 'en-settings');

  // The same screens in Latvian.
  await choose(page, page.getByTestId('language-select'), 'Latviešu');
  await expect(page.getByRole('heading', { level: 1, name: 'Iestatījumi' })).toBeVisible();
  await screenshot(page, testInfo, 'lv-settings');
  await page.getByTestId('view-closed').click();
  await expect(page.getByTestId('case-list-title')).toHaveText('Slēgtās');
  await screenshot(page, testInfo, 'lv-case-list');
  await page.locator('[data-testid="case-rows"] [role="row"]').first().click();
  await expect(page.getByTestId('case-status')).toContainText('2. posms');
  await screenshot(page, testInfo, 'lv-workspace');
  await page.getByTestId('nav-new-case').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Jauna sūdzība' })).toBeVisible();
  await screenshot(page, testInfo, 'lv-new-complaint');

  // Data entered survives a restart of the harness (same data directory).
  await plaint.restart();
  await plaint.page.getByTestId('view-closed').click();
  await expect(plaint.page.getByTestId('case-rows')).toContainText('Jānis Bērziņš');
});
