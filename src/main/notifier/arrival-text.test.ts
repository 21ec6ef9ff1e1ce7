/** Issue 17: a bounce is told as "e-mail not delivered", with what to do, in the user's language. */
import { describe, expect, it } from 'vitest';
import { draftArrivalNotifications } from './arrival-text';

const arrival = {
  entryId: 'entry-1',
  caseId: 'case-1',
  reference: '7KQ2-00A3-M',
  complainantName: 'Margaret Hale',
  closedCase: false,
  recordedAt: '2026-11-25T11:40:00.000Z',
  undelivered: { to: 'gone@example.org', reason: '550 5.1.1 User unknown' },
};

describe('telling a bounce (issue 17)', () => {
  it.each([
    ['en-GB', 'E-mail not delivered: 7KQ2-00A3-M', 'The e-mail to gone@example.org came back: 550 5.1.1 User unknown. Post the letter instead.'],
    ['lv', 'E-pasts nav piegādāts: 7KQ2-00A3-M', 'E-pasts uz gone@example.org atnāca atpakaļ: 550 5.1.1 User unknown. Nosūtiet vēstuli pa pastu.'],
  ] as const)('%s', (language, title, body) => {
    expect(draftArrivalNotifications([arrival], language)).toEqual([{ level: 'new-post', title, body, caseIds: ['case-1'], path: '/case/case-1' }]);
  });

  it.each([
    [
      'en-GB',
      'Acknowledgement not delivered: 7KQ2-00A3-M',
      'The acknowledgement e-mail to gone@example.org came back: 550 5.1.1 User unknown. The customer has not been acknowledged: post the acknowledgement letter.',
    ],
    [
      'lv',
      'Apstiprinājums nav piegādāts: 7KQ2-00A3-M',
      'Apstiprinājuma e-pasts uz gone@example.org atnāca atpakaļ: 550 5.1.1 User unknown. Klients vēl nav saņēmis apstiprinājumu: nosūtiet apstiprinājuma vēstuli pa pastu.',
    ],
  ] as const)('%s: a bounced acknowledgement says the customer has not been acknowledged (P-3.2)', (language, title, body) => {
    expect(draftArrivalNotifications([{ ...arrival, undelivered: { ...arrival.undelivered, template: 'acknowledgement' } }], language)[0]).toMatchObject({
      title,
      body,
    });
  });

  it.each([
    [
      'en-GB',
      'Escalation acknowledgement not delivered: 7KQ2-00A3-M',
      'The escalation acknowledgement e-mail to gone@example.org came back: 550 5.1.1 User unknown. The customer has not been told their escalation was received: post the escalation acknowledgement letter.',
    ],
    [
      'lv',
      'Eskalācijas apstiprinājums nav piegādāts: 7KQ2-00A3-M',
      'Eskalācijas apstiprinājuma e-pasts uz gone@example.org atnāca atpakaļ: 550 5.1.1 User unknown. Klientam vēl nav paziņots, ka eskalācija saņemta: nosūtiet eskalācijas apstiprinājuma vēstuli pa pastu.',
    ],
  ] as const)('%s: a bounced escalation acknowledgement says the customer has not been told (P-4.3)', (language, title, body) => {
    expect(
      draftArrivalNotifications([{ ...arrival, undelivered: { ...arrival.undelivered, template: 'escalation-acknowledgement' } }], language)[0],
    ).toMatchObject({ title, body });
  });

  it.each([
    [
      'en-GB',
      'E-mail refused: 7KQ2-00A3-M',
      'The mail server refused the e-mail to gone@example.org: 550 5.1.1 User unknown. Post the letter instead, or send it to another address.',
    ],
    [
      'lv',
      'E-pasts atteikts: 7KQ2-00A3-M',
      'Pasta serveris atteica e-pastu uz gone@example.org: 550 5.1.1 User unknown. Nosūtiet vēstuli pa pastu vai uz citu adresi.',
    ],
  ] as const)('%s: a recipient refused at sending is told as refused, whatever the letter (issue 17)', (language, title, body) => {
    expect(
      draftArrivalNotifications([{ ...arrival, undelivered: { ...arrival.undelivered, template: 'acknowledgement', refused: true } }], language)[0],
    ).toMatchObject({ title, body });
  });

  it('other correspondence is still told as new correspondence', () => {
    const { undelivered: _undelivered, ...post } = arrival;
    expect(draftArrivalNotifications([post], 'en-GB')[0]).toMatchObject({ title: 'New correspondence: 7KQ2-00A3-M', body: 'From Margaret Hale' });
  });
});
