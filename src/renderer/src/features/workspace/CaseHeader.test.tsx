/**
 * Issue 18, "actual due dates are hidden": the case header shows each running deadline's date and
 * time as text beside its countdown (office time zone), and for a stage-2 acknowledgement both
 * its 10-working-day limit and its 5-working-day target (P-4.3).
 */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { PlaintBridge } from '@shared/api/bridge';
import type { CaseDetail } from '@shared/domain/views';
import { settingsSnapshot } from '../../test-support/fixtures';
import { renderWithSettings } from '../../test-support/render';
import { CaseHeader } from './CaseHeader';

const snapshot = settingsSnapshot();

afterEach(() => {
  delete window.plaint;
});

const detail = {
  case: {
    id: 'case-1',
    reference: 'MSQ8-01RT-4',
    status: 'escalation-requested',
    stage: 2,
    summary: 'Monitor stopped working',
    assignee: null,
    restricted: false,
    restrictedTo: [],
    extensions: [],
    deadlines: [
      {
        kind: 'escalationAcknowledgement',
        startedAt: '2026-12-03T10:00:00.000Z',
        dueAt: '2026-12-17T23:59:59.999Z',
        warnAt: '2026-12-10T23:59:59.999Z',
        metAt: null,
        breachedAt: null,
        provisional: false,
        extensionId: null,
      },
    ],
  },
  timeline: [],
} as unknown as CaseDetail;

describe('the case header’s deadlines (issue 18)', () => {
  it('show the stage-2 acknowledgement’s limit and its target as text', async () => {
    window.plaint = { invoke: () => Promise.resolve({ ok: true, result: snapshot }), subscribe: () => () => undefined } as unknown as PlaintBridge;
    renderWithSettings(<CaseHeader detail={detail} onChanged={() => undefined} />);
    const due = await screen.findByTestId('due-escalationAcknowledgement');
    expect(due.textContent).toBe('Due 17 Dec 2026, 23:59; aim to acknowledge by 10 Dec 2026, 23:59');
    expect(due.closest('[role="tooltip"]')).toBeNull();
  });
});

const acknowledged = {
  ...detail,
  case: {
    ...detail.case,
    status: 'acknowledged',
    stage: 1,
    deadlines: [
      {
        kind: 'acknowledgement',
        startedAt: '2026-11-25T09:30:00.000Z',
        dueAt: '2026-11-27T09:30:00.000Z',
        warnAt: '2026-11-27T09:30:00.000Z',
        metAt: '2026-11-25T11:30:00.000Z',
        breachedAt: null,
        provisional: false,
        extensionId: null,
      },
    ],
    acknowledgement: {
      at: '2026-11-25T11:30:00.000Z',
      channel: 'email',
      by: { id: 'amira', name: 'Amira Hassan' },
      undelivered: {
        letterId: 'letter-1',
        to: 'gone@example.org',
        reason: '550 5.1.1 User unknown',
        sentAt: '2026-11-25T11:30:00.000Z',
        bouncedAt: '2026-11-25T11:31:00.000Z',
        reached: null,
      },
    },
  },
} as unknown as CaseDetail;

describe('an acknowledgement e-mail that bounced (issue 17, P-3.2)', () => {
  it('flags the case: the customer has not been acknowledged; the deadline stays met, with the bounce beside it', async () => {
    window.plaint = { invoke: () => Promise.resolve({ ok: true, result: snapshot }), subscribe: () => () => undefined } as unknown as PlaintBridge;
    renderWithSettings(<CaseHeader detail={acknowledged} onChanged={() => undefined} />);
    const alert = await screen.findByTestId('acknowledgement-undelivered');
    expect(alert.textContent).toContain('The acknowledgement e-mail to gone@example.org');
    expect(alert.textContent).toContain('550 5.1.1 User unknown. The customer has not been acknowledged');
    expect(screen.getByTestId('acknowledgement-delivery').textContent).toBe('met by an e-mail that bounced: the customer has not had it');
  });

  it('once an acknowledgement reached the customer another way, the flag goes and the deadline says when and how', async () => {
    window.plaint = { invoke: () => Promise.resolve({ ok: true, result: snapshot }), subscribe: () => () => undefined } as unknown as PlaintBridge;
    const ack = acknowledged.case.acknowledgement as NonNullable<CaseDetail['case']['acknowledgement']>;
    const reached = {
      ...acknowledged,
      case: {
        ...acknowledged.case,
        acknowledgement: { ...ack, undelivered: { ...ack.undelivered!, reached: { at: '2026-11-26T09:15:00.000Z', channel: 'letter' as const } } },
      },
    };
    renderWithSettings(<CaseHeader detail={reached} onChanged={() => undefined} />);
    expect((await screen.findByTestId('acknowledgement-delivery')).textContent).toBe('the e-mail bounced; reached the customer 26 Nov 2026, 09:15 (Letter)');
    expect(screen.queryByTestId('acknowledgement-undelivered')).toBeNull();
  });
});

describe('an escalation acknowledgement e-mail that bounced (issue 17, P-4.3)', () => {
  it('flags the case with the escalation text, and the escalation acknowledgement deadline says it bounced', async () => {
    window.plaint = { invoke: () => Promise.resolve({ ok: true, result: snapshot }), subscribe: () => () => undefined } as unknown as PlaintBridge;
    const bounce = {
      letterId: 'letter-2',
      to: 'gone@example.org',
      reason: '550 5.1.1 User unknown',
      sentAt: '2026-11-25T11:30:00.000Z',
      bouncedAt: '2026-11-25T11:31:00.000Z',
      reached: null,
    };
    const escalated: CaseDetail = {
      ...acknowledged,
      case: {
        ...acknowledged.case,
        stage: 2,
        status: 'escalation-acknowledged',
        acknowledgement: { at: '2026-11-20T10:00:00.000Z', channel: 'telephone', by: { id: 'amira', name: 'Amira Hassan' } },
        deadlines: [
          {
            kind: 'escalationAcknowledgement',
            startsAt: '2026-11-24T09:00:00.000Z',
            dueAt: '2026-12-08T09:00:00.000Z',
            warnAt: '2026-12-01T09:00:00.000Z',
            metAt: '2026-11-25T11:30:00.000Z',
            breachedAt: null,
            provisional: false,
            extensionId: null,
          },
        ],
        escalation: {
          requestedAt: '2026-11-24T09:00:00.000Z',
          channel: 'email',
          reason: 'Not happy',
          acknowledgedAt: '2026-11-25T11:30:00.000Z',
          acknowledgedChannel: 'email',
          departmentHead: null,
          forwardedAt: null,
          undelivered: bounce,
        },
      },
    };
    renderWithSettings(<CaseHeader detail={escalated} onChanged={() => undefined} />);
    const alert = await screen.findByTestId('acknowledgement-undelivered');
    expect(alert.textContent).toContain('The escalation acknowledgement e-mail to gone@example.org');
    expect(alert.textContent).toContain('The customer has not been told their escalation was received');
    expect(screen.getByTestId('acknowledgement-delivery').textContent).toBe('met by an e-mail that bounced: the customer has not had it');
  });
});

describe('recording that the customer was told by telephone (issue 17, P-3.2)', () => {
  it('sends who, when and the note to cases.recordAcknowledgementByTelephone and shows the case it returns', async () => {
    const calls: { method: string; input: unknown }[] = [];
    const ack = acknowledged.case.acknowledgement as NonNullable<CaseDetail['case']['acknowledgement']>;
    const cleared: CaseDetail = {
      ...acknowledged,
      case: {
        ...acknowledged.case,
        acknowledgement: { ...ack, undelivered: { ...ack.undelivered!, reached: { at: '2026-11-25T13:50:00.000Z', channel: 'telephone' } } },
      },
    };
    window.plaint = {
      invoke: (method: string, input: unknown) => {
        calls.push({ method, input });
        return Promise.resolve({ ok: true, result: method === 'cases.recordAcknowledgementByTelephone' ? cleared : snapshot });
      },
      subscribe: () => () => undefined,
    } as unknown as PlaintBridge;
    const changed: CaseDetail[] = [];
    renderWithSettings(<CaseHeader detail={acknowledged} onChanged={(next) => changed.push(next)} />);
    fireEvent.click(await screen.findByTestId('acknowledgement-by-telephone'));
    fireEvent.change(screen.getByLabelText(/Who told them/), { target: { value: 'Amira Hassan' } });
    fireEvent.change(screen.getByLabelText(/Note/), { target: { value: 'Rang Mrs Hale' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record the call' }));
    await waitFor(() => expect(changed).toEqual([cleared]));
    const recorded = calls.find((entry) => entry.method === 'cases.recordAcknowledgementByTelephone');
    expect(recorded?.input).toMatchObject({ caseId: 'case-1', by: 'Amira Hassan', note: 'Rang Mrs Hale', at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
  });
});
