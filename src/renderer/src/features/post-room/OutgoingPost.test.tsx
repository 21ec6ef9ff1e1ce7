/**
 * Issue 18, outgoing post: several letters chosen are printed as one document (one letter per
 * page, with the recipient's address and the letter's text), printed as address labels, and
 * marked posted in one operation; a refusal names the letter it was about.
 */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { LetterRecord } from '@shared/domain/letters';
import { withApi, type ApiCall } from '../../test-support/fake-api';
import { settingsSnapshot } from '../../test-support/fixtures';
import { renderWithSettings } from '../../test-support/render';
import { OutgoingPost } from './OutgoingPost';

/** How long a first answer may take on a loaded machine: a limit, not an expectation of speed. */
const LOADED_MS = 10_000;

function letter(id: string, name: string, reference: string, country = 'GB'): LetterRecord {
  return {
    id,
    direction: 'out',
    caseId: `case-${id}`,
    caseReference: reference,
    receivedOn: null,
    letterDate: null,
    party: { name, addressLines: ['12 Milton Road', 'Manchester'], postcode: 'M1 1AE', country },
    referenceQuoted: '',
    kind: null,
    routedTo: '',
    note: '',
    summary: '',
    files: [],
    template: 'acknowledgement',
    language: 'en-GB',
    text: `Dear ${name},\n\nThank you for your letter.`,
    finalisedAt: '2026-11-25T10:00:00.000Z',
    posting: null,
    batchId: '',
    loggedAt: '2026-11-25T10:00:00.000Z',
    loggedBy: { id: 'carl', name: 'Carl Clerk' },
    voided: false,
  };
}

const waiting = [letter('l1', 'Margaret Hale', 'K7Q2-01RT-4'), letter('l2', 'Jānis Bērziņš', 'K7Q2-02RT-2', 'LV')];
let printed: { letters: string[]; labels: string[]; sheets: number }[] = [];
const originalPrint = window.print;

afterEach(() => {
  delete window.plaint;
  window.print = originalPrint;
});

function open(answers: Parameters<typeof withApi>[1]) {
  printed = [];
  // What the print dialog would print: the print root as it stands when it opens.
  window.print = () => {
    const root = document.querySelector('.plaint-print-root');
    printed.push({
      letters: [...(root?.querySelectorAll('[data-testid="printed-letter"]') ?? [])].map((node) => node.textContent ?? ''),
      labels: [...(root?.querySelectorAll('[data-testid="address-label"]') ?? [])].map((node) => node.textContent ?? ''),
      sheets: root?.querySelectorAll('[data-testid="label-sheet"]').length ?? 0,
    });
  };
  const sent: ApiCall[] = [];
  withApi(
    settingsSnapshot({
      organisation: {
        name: 'Welzo',
        addressLines: ['19-21 Crawford Street', 'London'],
        postcode: 'W1H 1PJ',
        country: 'GB',
        email: '',
        phone: '',
        independentAdvice: { 'en-GB': '', lv: '' },
      },
    }),
    answers,
    sent,
  );
  renderWithSettings(<OutgoingPost />);
  return sent;
}

describe('issue 18: batch print, address labels and posting together', () => {
  it('prints the chosen letters as one document, one per page, each with both addresses and its text; nothing stays on the page', async () => {
    open({ 'post.list': () => ({ ok: true, result: waiting }) });
    await userEvent.click(await screen.findByTestId('choose-all-letters', {}, { timeout: LOADED_MS }));
    expect(screen.getByTestId('batch-actions').textContent).toContain('2 letters chosen');
    await userEvent.click(screen.getByTestId('print-letters'));
    expect(printed).toHaveLength(1);
    expect(printed[0]?.letters).toHaveLength(2);
    expect(printed[0]?.letters[0]).toContain('19-21 Crawford Street');
    expect(printed[0]?.letters[0]).toContain('Margaret Hale\n12 Milton Road\nManchester\nM1 1AE');
    expect(printed[0]?.letters[0]).toContain('Thank you for your letter.');
    expect(printed[0]?.letters[1]).toContain('LATVIA');
    await waitFor(() => expect(document.querySelector('.plaint-print-root')).toBeNull(), { timeout: LOADED_MS });
  });

  it('prints address labels for the chosen letters only, on a 3 × 7 sheet', async () => {
    open({ 'post.list': () => ({ ok: true, result: waiting }) });
    const [, second] = await screen.findAllByTestId('choose-letter', {}, { timeout: LOADED_MS });
    if (!second) throw new Error('no second letter');
    await userEvent.click(second);
    await userEvent.click(screen.getByTestId('print-labels'));
    expect(printed[0]).toEqual({ letters: [], labels: ['Jānis Bērziņš\n12 Milton Road\nManchester\nM1 1AE\nLATVIA'], sheets: 1 });
  });

  it('marks the chosen letters posted in one call, and names the letter a refusal is about', async () => {
    let left = waiting;
    let refuse = true;
    const sent = open({
      'post.list': () => ({ ok: true, result: left }),
      'post.logPostings': () => {
        if (refuse)
          return {
            ok: false,
            error: {
              code: 'VALIDATION_FAILED',
              message: 'x',
              issues: [{ path: 'letterIds.1', code: 'already_posted', message: 'x', params: { postedOn: '2026-11-24' } }],
            },
          };
        left = [];
        return { ok: true, result: [] };
      },
    });
    await userEvent.click(await screen.findByTestId('choose-all-letters', {}, { timeout: LOADED_MS }));
    await userEvent.selectOptions(screen.getByTestId('batch-post-class'), 'second');
    await userEvent.click(screen.getByRole('button', { name: 'Mark 2 letters posted' }));
    expect((await screen.findByTestId('batch-problem', {}, { timeout: LOADED_MS })).textContent).toContain('K7Q2-02RT-2 Jānis Bērziņš');
    expect(screen.queryAllByTestId('choose-letter')).toHaveLength(2);
    refuse = false;
    await userEvent.click(screen.getByRole('button', { name: 'Mark 2 letters posted' }));
    await waitFor(() => expect(screen.queryByTestId('awaiting-posting')).toBeNull(), { timeout: LOADED_MS });
    const calls = sent.filter((call) => call.method === 'post.logPostings').map((call) => call.input);
    expect(calls).toHaveLength(2);
    expect(calls[1]).toEqual({ letterIds: ['l1', 'l2'], postedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), postClass: 'second' });
  });

  it('shows the day posted in the app’s language (dd/mm/yyyy), not the PC’s locale (issue 18)', async () => {
    open({ 'post.list': () => ({ ok: true, result: waiting }) });
    const [posted] = await screen.findAllByRole('textbox', { name: 'Date posted' }, { timeout: LOADED_MS });
    expect((posted as HTMLInputElement | undefined)?.value).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    expect(screen.getByTestId('batch-posted-on')).toHaveProperty('value', expect.stringMatching(/^\d{2}\/\d{2}\/\d{4}$/));
  });
});
