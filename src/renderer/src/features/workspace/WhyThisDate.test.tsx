/**
 * "Why this date?" (issue 15) in English and Latvian: the Latvian transferred Saturday of
 * December 2024 is shown as counted, the skipped days with their reason, and a date computed
 * under an earlier calendar is flagged. Dates worked out by hand: acknowledged Friday 6 December
 * 2024 in Riga, 10 working days with Saturday 14 December worked: 9–13 (1–5), 14 (6), 16–19 (7–10).
 */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Deadline } from '@shared/sla';
import type { Language } from '../../i18n/i18n';
import { answerEvery } from '../../test-support/fake-api';
import { holidayTable, latvianSettingsSnapshot } from '../../test-support/fixtures';
import { renderWithSettings } from '../../test-support/render';
import { WhyThisDate } from './WhyThisDate';

const snapshot = latvianSettingsSnapshot({
  calendar: {
    region: 'LV',
    timeZone: 'Europe/Riga',
    closures: ['2024-12-23', '2024-12-30'],
    extraWorkingDays: ['2024-12-14', '2024-12-28'],
    workWeek: [1, 2, 3, 4, 5],
    dayNotes: { '2024-12-14': 'transferred from Mon 23 Dec' },
    publicHolidays: holidayTable('LV'),
  },
});

const stage1: Deadline = {
  kind: 'stage1Resolution',
  startsAt: '2024-12-06T12:00:00.000Z',
  dueAt: '2024-12-19T21:59:59.999Z',
  warnAt: '2024-12-18T21:59:59.999Z',
  provisional: false,
  extensionId: null,
  metAt: null,
};

afterEach(() => {
  delete window.plaint;
});

async function open(deadline: Deadline, language: Language = 'en-GB'): Promise<HTMLElement> {
  answerEvery({ 'settings.get': snapshot });
  renderWithSettings(<WhyThisDate deadline={deadline} extensions={[]} />, language);
  await userEvent.click(await screen.findByTestId('why-stage1Resolution'));
  return screen.findByTestId('why-this-date');
}

const row = (panel: HTMLElement, date: string) => panel.querySelector<HTMLElement>(`[data-date="${date}"]`);

describe('Why this date?', () => {
  it('counts the working Saturday, skips the weekend, and ends on the deadline day', async () => {
    const panel = await open(stage1);
    expect(panel.querySelectorAll('[data-date]')).toHaveLength(13); // 7 to 19 December
    expect(row(panel, '2024-12-14')?.dataset['counted']).toBe('true');
    expect(row(panel, '2024-12-14')?.textContent).toContain('Working day 6');
    expect(row(panel, '2024-12-14')?.textContent).toContain('Extra working day');
    expect(row(panel, '2024-12-15')?.dataset['reason']).toBe('weekend');
    expect(row(panel, '2024-12-15')?.textContent).toContain('Not counted');
    expect(row(panel, '2024-12-19')?.textContent).toContain('Working day 10');
    expect(panel.textContent).toContain('10 working days from');
    expect(panel.textContent).toContain('(P-4.1)');
    expect(within(panel).queryByTestId('why-outdated')).toBeNull();
  });

  it('speaks Latvian', async () => {
    const panel = await open(stage1, 'lv');
    expect(screen.getByTestId('why-stage1Resolution').textContent).toBe('Kāpēc šis datums?');
    expect(row(panel, '2024-12-14')?.textContent).toContain('6. darba diena');
    expect(row(panel, '2024-12-14')?.textContent).toContain('Papildu darba diena');
    expect(row(panel, '2024-12-15')?.textContent).toContain('Nav darba nedēļā');
  });

  it('flags a date computed under an earlier calendar (Friday 20 December, before the transfer was entered)', async () => {
    const panel = await open({ ...stage1, dueAt: '2024-12-20T21:59:59.999Z' });
    expect(within(panel).getByTestId('why-outdated')).toBeTruthy();
  });
});
