/**
 * "Why this date?" (issue 15) in English and Latvian: the Latvian transferred Saturday of
 * December 2024 is shown as counted, the skipped days with their reason, and a date computed
 * under an earlier calendar is flagged. Dates worked out by hand: acknowledged Friday 6 December
 * 2024 in Riga, 10 working days with Saturday 14 December worked: 9–13 (1–5), 14 (6), 16–19 (7–10).
 */
import { MantineProvider } from '@mantine/core';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { createQueryClient } from '../../api/query-client';
import type { PlaintBridge } from '../../../../shared/api/bridge';
import type { SettingsSnapshot } from '../../../../shared/api/types/settings';
import { DEFAULT_SLA_POLICY, type Deadline } from '../../../../shared/sla';
import { theme } from '../../app/theme';
import { createI18n, type Language } from '../../i18n/i18n';
import { SettingsProvider } from '../../settings/SettingsContext';
import { WhyThisDate } from './WhyThisDate';

const snapshot: SettingsSnapshot = {
  organisation: { name: 'Welzo', addressLines: [], postcode: '', country: 'LV', email: '', phone: '', independentAdvice: { 'en-GB': '', lv: '' } },
  slaPolicy: DEFAULT_SLA_POLICY,
  calendar: { region: 'LV', timeZone: 'Europe/Riga', closures: ['2024-12-23', '2024-12-30'], extraWorkingDays: ['2024-12-14', '2024-12-28'], workWeek: [1, 2, 3, 4, 5], dayNotes: { '2024-12-14': 'transferred from Mon 23 Dec' } },
  complaintTypes: [],
  departments: [],
  rootCauses: [],
  staff: [],
  security: { idleLockMinutes: 15 },
  deviceCode: '7KQ2',
};

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
  window.plaint = { invoke: () => Promise.resolve({ ok: true, result: snapshot }), subscribe: () => () => undefined } as unknown as PlaintBridge;
  render(
    <QueryClientProvider client={createQueryClient()}>
      <I18nextProvider i18n={createI18n(language)}>
        <MantineProvider theme={theme}>
          <SettingsProvider fallback={null}>
            <WhyThisDate deadline={deadline} extensions={[]} />
          </SettingsProvider>
        </MantineProvider>
      </I18nextProvider>
    </QueryClientProvider>,
  );
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
