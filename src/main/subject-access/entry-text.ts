/**
 * A timeline entry in words, for the administrator's review and the export's PDF summary (issue 14,
 * subject access). Free text (notes, summaries, questions, answers, reasons) is quoted as written;
 * the entries Plaint writes itself are described in English.
 */
import type { TimelineEntry } from '../../shared/domain/records';

/** 'externalReferral.signpostedAt' → 'external referral (signposted at)': words, not a field path (issue 18). */
export function fieldWords(path: string): string {
  const words = path.split('.').map((part) => part.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase());
  const [first = '', ...rest] = words;
  return rest.length === 0 ? first : `${first} (${rest.join(', ')})`;
}

/** A value in words: a group of details as its parts, never JSON (issue 18). */
function value(raw: unknown): string {
  if (raw === null || raw === undefined || raw === '' || (Array.isArray(raw) && raw.length === 0)) return '—';
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  if (Array.isArray(raw)) return raw.map(value).join(', ');
  if (typeof raw === 'object') {
    const record = raw as Record<string, unknown>;
    if (typeof record['name'] === 'string' && typeof record['id'] === 'string') return record['name'];
    const parts = Object.entries(record).filter(([, part]) => part !== null && part !== undefined && part !== '');
    return parts.length === 0 ? '—' : parts.map(([key, part]) => `${fieldWords(key)} ${value(part)}`).join('; ');
  }
  return '—';
}

export function entryText(entry: TimelineEntry): string {
  switch (entry.kind) {
    case 'communication':
      return `${entry.data.direction === 'in' ? 'From the complainant' : 'To the complainant'} (${entry.data.channel}): ${entry.data.summary}`;
    case 'note':
      return entry.data.text;
    case 'inquiry':
      return `Inquiry to ${entry.data.partyName}: ${entry.data.question}`;
    case 'inquiry-response':
      return `Answer from ${entry.data.partyName}: ${entry.data.response}`;
    case 'extension':
      return `Deadline (${entry.data.deadline}) extended from ${entry.data.previousDueAt} to ${entry.data.newDueAt}: ${entry.data.reason}`;
    case 'extension-notice':
      return `Told of the extension (${entry.data.channel})`;
    case 'transition':
      return `${entry.data.action}: ${entry.data.from ?? '—'} → ${entry.data.to}${entry.data.details ? ` (${entry.data.details})` : ''}`;
    case 'external-signposting':
      return `Signposted to ${entry.data.to}`;
    case 'external-referral':
      return `Referred to ${entry.data.to}: ${entry.data.outcome}`;
    case 'audit':
      return `${fieldWords(entry.data.field)} changed from ${value(entry.data.before)} to ${value(entry.data.after)}`;
    case 'conflict':
      return `${fieldWords(entry.data.field)}: kept ${value(entry.data.kept.value)}, discarded ${value(entry.data.discarded.value)}`;
    case 'deadlines-moved':
      return `Deadlines moved (${entry.data.because}): ${entry.data.moved.map((move) => `${move.deadline} ${move.from} → ${move.to}`).join('; ')}`;
    case 'restriction':
      return entry.data.restricted
        ? `Restricted to ${entry.data.people.map((person) => person.name).join(', ')}: ${entry.data.reason}`
        : `Restriction lifted: ${entry.data.reason}`;
    case 'correspondence-decision':
      return `Correspondence on the closed case: ${entry.data.decision}: ${entry.data.reason}`;
    case 'case-link':
      return `${entry.data.linked ? 'Linked to' : 'Unlinked from'} case ${entry.data.otherReference}`;
    case 'contact-update':
      return `Contact details updated from a ${entry.data.source === 'letter' ? 'letter' : 'new complaint'}: ${entry.data.fields.join(', ')}`;
  }
}
