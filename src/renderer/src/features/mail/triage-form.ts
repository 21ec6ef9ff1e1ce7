/**
 * The incoming-e-mail register's form (issue 17): what a message's triage starts from, and which
 * message comes next once one is triaged. A message that quotes a case's reference (check
 * character valid) starts as "about an existing case" with that reference; any other as a new
 * complaint from its sender, summarised by its subject.
 */
import type { IncomingKind } from '@shared/domain/letters';
import type { IncomingMail, TriageMailInput } from '@shared/domain/mail';

export interface TriageValues {
  kind: IncomingKind;
  reference: string;
  type: string;
  complainantName: string;
  summary: string;
  routedTo: string;
  note: string;
}

export function triageDefaults(mail: IncomingMail, firstType: string): TriageValues {
  return {
    kind: mail.match ? 'correspondence' : 'new-complaint',
    reference: mail.match?.reference ?? '',
    type: firstType,
    // A website form names the complainant; the sender is the website.
    complainantName: mail.form?.name || mail.from.name || mail.from.address,
    summary: mail.subject.slice(0, 300),
    routedTo: '',
    note: '',
  };
}

/** Only what the chosen kind uses is sent, so a field left over from another kind cannot refuse it. */
export function triageInput(mailId: string, values: TriageValues): TriageMailInput {
  const base = { mailId, kind: values.kind, summary: values.summary, note: values.note, reference: '', type: '', complainantName: '', routedTo: '' };
  if (values.kind === 'new-complaint') return { ...base, type: values.type, complainantName: values.complainantName };
  if (values.kind === 'not-a-complaint') return { ...base, routedTo: values.routedTo };
  return { ...base, reference: values.reference };
}

/** After a message is triaged, the one that took its place in the list (or the one before the last). */
export function nextAfter(ids: readonly string[], triaged: string): string | null {
  const index = ids.indexOf(triaged);
  const rest = ids.filter((id) => id !== triaged);
  if (rest.length === 0) return null;
  return rest[Math.min(Math.max(index, 0), rest.length - 1)] ?? null;
}

/** Arrow keys in the list: the neighbour, staying at either end. */
export function moveSelection(ids: readonly string[], current: string | null, step: 1 | -1): string | null {
  if (ids.length === 0) return null;
  const index = current ? ids.indexOf(current) : -1;
  if (index < 0) return ids[0] ?? null;
  return ids[Math.min(Math.max(index + step, 0), ids.length - 1)] ?? null;
}
