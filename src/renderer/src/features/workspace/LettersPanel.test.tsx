/**
 * Issue 19, files on demand: a scan whose content is on the team server while this device is
 * offline says so plainly ("on the team server; opens when you are online"), never "not found",
 * and the letters panel stays usable.
 * Issue 17: a letter sent by e-mail reads as sent by e-mail (to whom, when), not "not posted", and
 * is not offered for sending again.
 */
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { createPlaintBridge } from '@shared/api/bridge';
import type { ApiMethodName } from '@shared/api/names';
import type { CaseDetail } from '@shared/domain/views';
import { SessionGate } from '../../session/SessionContext';
import { SettingsProvider } from '../../settings/SettingsContext';
import { settingsSnapshot, signedIn } from '../../test-support/fixtures';
import { renderWithProviders } from '../../test-support/render';
import { LettersPanel } from './LettersPanel';

const session = signedIn({ accountId: 'olga', name: 'Olga Other', roles: ['caseworker'], departments: [] });

const letter = {
  id: 'letter-1',
  direction: 'in',
  caseId: 'case-1',
  caseReference: '7KQ2-000001-A',
  receivedOn: '2026-11-23',
  letterDate: null,
  party: { name: 'Margaret Hale', addressLines: [], postcode: '', country: 'GB' },
  referenceQuoted: '',
  kind: 'new-complaint',
  routedTo: '',
  note: '',
  summary: 'Leaking bottle',
  files: [{ id: 'file-1', name: 'scan.png', mimeType: 'image/png', size: 1000 }],
  template: null,
  language: null,
  text: '',
  finalisedAt: null,
  posting: null,
  batchId: '',
  loggedAt: '2026-11-23T09:00:00.000Z',
  loggedBy: { id: 'carl', name: 'Carl Clerk' },
  voided: false,
};

function showLetters(letters: readonly object[], language?: 'lv') {
  const answers: Partial<Record<ApiMethodName, unknown>> = {
    'session.current': session,
    'session.activity': session,
    'settings.get': settingsSnapshot(),
    'post.list': letters,
    'mail.outbox': [],
  };
  window.plaint = createPlaintBridge({ request: (method) => Promise.resolve({ ok: true, result: answers[method] }), listen: () => () => undefined });
  renderPanel('acknowledged', language);
}

/** The panel on a case in `status` whose complainant has an e-mail address, for the person signed in. */
function renderPanel(status: string, language?: 'lv') {
  const detail = { case: { id: 'case-1', status, extensions: [], complainant: { email: 'margaret@example.org' } } } as unknown as CaseDetail;
  renderWithProviders(
    <SessionGate>
      <SettingsProvider fallback={null}>
        <LettersPanel detail={detail} />
      </SettingsProvider>
    </SessionGate>,
    undefined,
    language,
  );
}

const outgoing = {
  ...letter,
  id: 'letter-2',
  direction: 'out',
  kind: null,
  template: 'acknowledgement',
  language: 'en-GB',
  text: 'Dear Margaret Hale',
  finalisedAt: '2026-11-25T11:00:00.000Z',
  files: [],
};
const emailed = {
  ...outgoing,
  posting: {
    postedOn: '2026-11-25',
    postClass: 'email',
    trackingNumber: '',
    loggedAt: '2026-11-25T11:30:00.000Z',
    email: { to: 'margaret@example.org', messageId: '<plaint-letter-2@example.com>', sentAt: '2026-11-25T11:30:00.000Z' },
  },
};

describe('a letter sent by e-mail (issue 17)', () => {
  it('reads as sent by e-mail with the address and time, not as not posted, and offers no sending', async () => {
    showLetters([emailed]);
    const line = await screen.findByTestId('letter-dispatch');
    expect(line.textContent).toBe('Sent by e-mail to margaret@example.org on 25 Nov 2026, 11:30');
    expect(screen.queryByText('Not posted yet')).toBeNull();
    expect(screen.queryByTestId('send-letter-email')).toBeNull();
  });

  it('in Latvian too', async () => {
    showLetters([emailed], 'lv');
    expect((await screen.findByTestId('letter-dispatch')).textContent).toContain('Nosūtīta pa e-pastu uz margaret@example.org');
  });

  it('an e-mail that came back reads as not delivered with the reason, to be posted instead; no sending again', async () => {
    showLetters([
      {
        ...emailed,
        posting: { ...emailed.posting, email: { ...emailed.posting.email, bounce: { at: '2026-11-25T11:31:00.000Z', reason: '550 5.1.1 User unknown' } } },
      },
    ]);
    expect((await screen.findByTestId('letter-dispatch')).textContent).toBe(
      'E-mail to margaret@example.org not delivered (550 5.1.1 User unknown): post the letter instead',
    );
    expect(screen.queryByTestId('send-letter-email')).toBeNull();
  });

  it('a letter not yet sent still says so and offers sending by e-mail', async () => {
    showLetters([outgoing]);
    expect((await screen.findByTestId('letter-dispatch')).textContent).toBe('Not posted yet');
    expect(await screen.findByTestId('send-letter-email')).toBeTruthy();
  });
});

afterEach(() => {
  delete window.plaint;
});

describe('opening a scan that is not on this device (issue 19)', () => {
  it('offline: says the file is on the team server and opens when online, not "not found"', async () => {
    const answers: Partial<Record<ApiMethodName, unknown>> = {
      'session.current': session,
      'session.activity': session,
      'settings.get': settingsSnapshot(),
      'post.list': [letter],
    };
    window.plaint = createPlaintBridge({
      request: (method) =>
        method === 'post.file'
          ? Promise.resolve({
              ok: false,
              error: {
                code: 'UNAVAILABLE',
                message: 'This file is on the team server; it opens when you are online.',
                issues: [{ path: 'fileId', code: 'file_on_server', message: '' }],
              },
            })
          : Promise.resolve({ ok: true, result: answers[method] }),
      listen: () => () => undefined,
    });
    renderPanel('received');
    await userEvent.click(await screen.findByRole('button', { name: /scan\.png/ }));
    const shown = await screen.findByTestId('file-error');
    expect(shown.textContent).toContain('This file is on the team server; it opens when you are online.');
    expect(shown.textContent).not.toMatch(/not found/i);
  });
});

describe('a letter never promises a date the workflow will not hold (issue 18 §2)', () => {
  function withAnswers(answer: (method: ApiMethodName, input: unknown) => { ok: true; result: unknown } | { ok: false; error: unknown }, language?: 'lv') {
    const requests: { method: ApiMethodName; input: unknown }[] = [];
    window.plaint = createPlaintBridge({
      request: (method, input) => {
        requests.push({ method, input });
        return Promise.resolve(answer(method, input) as never);
      },
      listen: () => () => undefined,
    });
    renderPanel('received', language);
    return requests;
  }
  const base: Partial<Record<ApiMethodName, unknown>> = {
    'session.current': session,
    'session.activity': session,
    'settings.get': settingsSnapshot(),
    'mail.outbox': [],
  };

  it("finalising sends the draft's dates, and a date the main process re-rendered is said plainly", async () => {
    const drafted = { text: 'We aim to send you our response by 9 December 2026.', dates: { 'deadline.resolution': '2026-12-09' } };
    const requests = withAnswers((method) =>
      method === 'post.draftLetter'
        ? { ok: true, result: drafted }
        : method === 'post.finaliseLetter'
          ? { ok: true, result: { ...outgoing, text: 'We aim to send you our response by 10 December 2026.' } }
          : { ok: true, result: method === 'post.list' ? [] : base[method] },
    );
    await userEvent.click(await screen.findByTestId('generate-letter'));
    await screen.findByDisplayValue(drafted.text);
    await userEvent.click(screen.getByTestId('finalise-letter'));
    expect((await screen.findByTestId('letter-dates-corrected')).textContent).toContain('The letter was finalised with its date corrected');
    expect(requests.find((request) => request.method === 'post.finaliseLetter')?.input).toMatchObject({
      text: drafted.text,
      draftedDates: { 'deadline.resolution': '2026-12-09' },
    });
  });

  it.each([
    [undefined, 'This letter promises 9 Dec 2026, but once it goes the deadline will be 10 Dec 2026. Draft the letter again'],
    ['lv' as const, 'Šajā vēstulē solīts 2026. gada 9. dec., bet pēc tās nosūtīšanas termiņš būs 2026. gada 10. dec.. Sagatavojiet vēstuli no jauna'],
  ])('sending a letter whose date moved is refused with both dates, in the reader’s language (%s)', async (language, expected) => {
    const refusal = {
      code: 'VALIDATION_FAILED',
      message: 'stale',
      issues: [{ path: 'letterId', code: 'letter_date_stale', message: 'stale', params: { stated: '2026-12-09', holds: '2026-12-10' } }],
    };
    withAnswers(
      (method) => (method === 'mail.send' ? { ok: false, error: refusal } : { ok: true, result: method === 'post.list' ? [outgoing] : base[method] }),
      language,
    );
    await userEvent.click(await screen.findByTestId('send-letter-email'));
    expect((await screen.findByText(new RegExp(expected.slice(0, 20)))).textContent).toContain(expected);
  });
});
