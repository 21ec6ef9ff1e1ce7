/**
 * The words of notifications about new correspondence on a case (issue 18), in the user's
 * language. Each arrival is told once (its ledger key names the timeline entry).
 */
import type { Arrival } from '../domain/correspondence/correspondence-service';
import type { NotificationDraft, NotificationLanguage } from './notification-text';

const TEXT = {
  'en-GB': {
    newPost: (reference: string) => `New correspondence: ${reference}`,
    closedCase: (reference: string) => `New correspondence on a closed case: ${reference}`,
    body: (name: string) => `From ${name}`,
    closedBody: (name: string) => `From ${name}. Decide: reopen, escalate or no action.`,
    undelivered: (reference: string) => `E-mail not delivered: ${reference}`,
    undeliveredBody: (to: string, reason: string) => `The e-mail to ${to} came back: ${reason}. Post the letter instead.`,
    refused: (reference: string) => `E-mail refused: ${reference}`,
    refusedBody: (to: string, reason: string) =>
      `The mail server refused the e-mail to ${to}: ${reason}. Post the letter instead, or send it to another address.`,
    acknowledgementUndelivered: (reference: string) => `Acknowledgement not delivered: ${reference}`,
    acknowledgementUndeliveredBody: (to: string, reason: string) =>
      `The acknowledgement e-mail to ${to} came back: ${reason}. The customer has not been acknowledged: post the acknowledgement letter.`,
    escalationAcknowledgementUndelivered: (reference: string) => `Escalation acknowledgement not delivered: ${reference}`,
    escalationAcknowledgementUndeliveredBody: (to: string, reason: string) =>
      `The escalation acknowledgement e-mail to ${to} came back: ${reason}. The customer has not been told their escalation was received: post the escalation acknowledgement letter.`,
  },
  lv: {
    newPost: (reference: string) => `Jauna korespondence: ${reference}`,
    closedCase: (reference: string) => `Jauna korespondence slēgtā lietā: ${reference}`,
    body: (name: string) => `No: ${name}`,
    closedBody: (name: string) => `No: ${name}. Izlemiet: atvērt no jauna, eskalēt vai nerīkoties.`,
    undelivered: (reference: string) => `E-pasts nav piegādāts: ${reference}`,
    undeliveredBody: (to: string, reason: string) => `E-pasts uz ${to} atnāca atpakaļ: ${reason}. Nosūtiet vēstuli pa pastu.`,
    refused: (reference: string) => `E-pasts atteikts: ${reference}`,
    refusedBody: (to: string, reason: string) => `Pasta serveris atteica e-pastu uz ${to}: ${reason}. Nosūtiet vēstuli pa pastu vai uz citu adresi.`,
    acknowledgementUndelivered: (reference: string) => `Apstiprinājums nav piegādāts: ${reference}`,
    acknowledgementUndeliveredBody: (to: string, reason: string) =>
      `Apstiprinājuma e-pasts uz ${to} atnāca atpakaļ: ${reason}. Klients vēl nav saņēmis apstiprinājumu: nosūtiet apstiprinājuma vēstuli pa pastu.`,
    escalationAcknowledgementUndelivered: (reference: string) => `Eskalācijas apstiprinājums nav piegādāts: ${reference}`,
    escalationAcknowledgementUndeliveredBody: (to: string, reason: string) =>
      `Eskalācijas apstiprinājuma e-pasts uz ${to} atnāca atpakaļ: ${reason}. Klientam vēl nav paziņots, ka eskalācija saņemta: nosūtiet eskalācijas apstiprinājuma vēstuli pa pastu.`,
  },
} as const;

export function arrivalKey(arrival: Pick<Arrival, 'entryId'>, staffId: string): string {
  return `${staffId}|post|${arrival.entryId}`;
}

export function draftArrivalNotifications(arrivals: readonly Arrival[], language: NotificationLanguage): NotificationDraft[] {
  const words = TEXT[language];
  return arrivals.map((arrival) => {
    const where = { caseIds: [arrival.caseId], path: `/case/${arrival.caseId}` };
    // Issue 17: a bounce says what came back and what to do; a refusal at sending, what the server said.
    if (arrival.undelivered?.refused)
      return {
        level: 'new-post',
        title: words.refused(arrival.reference),
        body: words.refusedBody(arrival.undelivered.to, arrival.undelivered.reason),
        ...where,
      };
    if (arrival.undelivered?.template === 'acknowledgement') {
      // P-3.2: the customer has not been acknowledged; the case stays flagged until they are.
      return {
        level: 'new-post',
        title: words.acknowledgementUndelivered(arrival.reference),
        body: words.acknowledgementUndeliveredBody(arrival.undelivered.to, arrival.undelivered.reason),
        ...where,
      };
    }
    if (arrival.undelivered?.template === 'escalation-acknowledgement') {
      // P-4.3: likewise for the escalation acknowledgement.
      return {
        level: 'new-post',
        title: words.escalationAcknowledgementUndelivered(arrival.reference),
        body: words.escalationAcknowledgementUndeliveredBody(arrival.undelivered.to, arrival.undelivered.reason),
        ...where,
      };
    }
    if (arrival.undelivered)
      return {
        level: 'new-post',
        title: words.undelivered(arrival.reference),
        body: words.undeliveredBody(arrival.undelivered.to, arrival.undelivered.reason),
        ...where,
      };
    return {
      level: arrival.closedCase ? 'closed-case-post' : 'new-post',
      title: arrival.closedCase ? words.closedCase(arrival.reference) : words.newPost(arrival.reference),
      body: arrival.closedCase ? words.closedBody(arrival.complainantName) : words.body(arrival.complainantName),
      ...where,
    };
  });
}
