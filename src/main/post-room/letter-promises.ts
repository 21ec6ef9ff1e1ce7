/**
 * Issue 18 §2: a letter must never promise a date the workflow will not hold.
 *
 * The dates a letter promises (`deadline.resolution`, `extension.newDueAt`) are computed from the
 * action the letter records, at the time it records it, with the SLA engine's own rules:
 * - an acknowledgement letter acknowledges the case when it is posted or e-mailed (P-3.2), and the
 *   stage-1 resolution deadline is 10 working days from the day of acknowledgement (P-4.1 step 3,
 *   P-4.3), so its "response by" date is counted from that day, not from the provisional start
 *   (the acknowledgement deadline) the case shows before it is acknowledged;
 * - an escalation acknowledgement likewise starts stage 2's 10 working days (P-4.2 step 3, P-4.3);
 * - an extension notice tells the customer the new deadline of the extension in force (P-4.4).
 *
 * The post room checks them three times: when the letter is drafted (the dates as if it went now),
 * when it is finalised (a date that moved since the draft is re-rendered, as nothing is printed or
 * signed yet), and when it is posted or e-mailed (the PDF exists and may be printed, so a date that
 * moved is refused and the letter must be drafted again).
 */
import { format } from 'date-fns';
import { PROMISED_DATE_FIELDS, type LetterLanguage, type LetterTemplateId, type PromisedDates } from '../../shared/domain/letters';
import type { CaseRecord, StoredLetter } from '../../shared/domain/records';
import type { DomainServices } from '../domain/domain-services';
import { computeDeadlines, officeDay, officeInstant, type SlaPolicy, type WorkingCalendar } from '../../shared/sla';
import { fieldError, type DomainError } from '../../shared/domain/domain-error';

export type PromisedDateField = (typeof PROMISED_DATE_FIELDS)[number];
export type { PromisedDates };

type CaseFacts = Pick<CaseRecord, 'clock' | 'stage' | 'extensions'>;

/** The workflow action sending the letter records, if the case can still take it (P-3.2, P-4.3). */
export type LetterAction = 'acknowledge' | 'acknowledgeEscalation' | null;

export function letterAction(template: LetterTemplateId | null, availableActions: readonly string[]): LetterAction {
  const action = template === 'acknowledgement' ? 'acknowledge' : template === 'escalation-acknowledgement' ? 'acknowledgeEscalation' : null;
  return action && availableActions.includes(action) ? action : null;
}

/**
 * The dates the workflow will hold once the letter's action is recorded at `at`: the SLA engine
 * run over the case's clock with that action applied (the same change the workflow's
 * acknowledge/acknowledgeEscalation effects make to the clock).
 */
export function promisedDates(record: CaseFacts, action: LetterAction, at: Date, calendar: WorkingCalendar, policy: SlaPolicy): PromisedDates {
  const clock =
    action === 'acknowledge'
      ? { ...record.clock, acknowledgedAt: at.toISOString() }
      : action === 'acknowledgeEscalation'
        ? { ...record.clock, escalationAcknowledgedAt: at.toISOString() }
        : record.clock;
  const running = action === 'acknowledgeEscalation' || record.stage === 2 ? 'stage2Resolution' : 'stage1Resolution';
  const deadline = computeDeadlines(calendar, policy, clock).find((candidate) => candidate.kind === running);
  const extension = record.extensions.at(-1);
  return {
    ...(deadline ? { 'deadline.resolution': officeDay(calendar, new Date(deadline.dueAt)) } : {}),
    ...(extension ? { 'extension.newDueAt': officeDay(calendar, new Date(extension.newDueAt)) } : {}),
  };
}

/**
 * The case as it stood when a letter was finalised: acknowledgements made and extensions granted
 * after that are taken away, so `promisedDates` gives what the finalised text states.
 */
export function caseAsAt<T extends CaseFacts>(record: T, at: string): T {
  const before = (instant: string | null | undefined) => (instant && Date.parse(instant) <= Date.parse(at) ? instant : null);
  const extensions = record.extensions.filter((extension) => Date.parse(extension.grantedAt) <= Date.parse(at));
  const kept = new Set(extensions.map((extension) => extension.id));
  return {
    ...record,
    extensions,
    clock: {
      ...record.clock,
      acknowledgedAt: before(record.clock.acknowledgedAt),
      escalationAcknowledgedAt: before(record.clock.escalationAcknowledgedAt),
      extensions: record.clock.extensions?.filter((extension) => kept.has(extension.id)),
    },
  };
}

/** An office day as a letter writes it (the same form the merge fields use). Noon office time, so the process's zone cannot shift the day. */
export function letterDay(calendar: WorkingCalendar, day: string, language: LetterLanguage): string {
  return format(officeInstant(calendar, day, '12:00'), language === 'lv' ? 'dd.MM.yyyy' : 'd MMMM yyyy');
}

export interface DateCorrection {
  readonly field: PromisedDateField;
  readonly from: string;
  readonly to: string;
}

/**
 * Finalising: the draft's dates that no longer hold are re-rendered in the text (wherever the
 * draft's date is written), before the PDF exists. A complaints team expects the letter it
 * finalises to state the right date without retyping its edits; nothing has gone out yet.
 */
export function correctDraftDates(
  text: string,
  drafted: PromisedDates,
  expected: PromisedDates,
  calendar: WorkingCalendar,
  language: LetterLanguage,
): { text: string; corrections: DateCorrection[] } {
  let corrected = text;
  const corrections: DateCorrection[] = [];
  for (const field of PROMISED_DATE_FIELDS) {
    const from = drafted[field];
    const to = expected[field];
    if (!from || !to || from === to) continue;
    const written = letterDay(calendar, from, language);
    if (!corrected.includes(written)) continue;
    corrected = corrected.split(written).join(letterDay(calendar, to, language));
    corrections.push({ field, from, to });
  }
  return { text: corrected, corrections };
}

/**
 * Posting or e-mailing: the finalised text's promised dates against what the workflow will hold
 * once the letter goes. The PDF is already made and may be printed (the outgoing tab's batch
 * print), so it is not changed: a date that moved refuses the letter, telling the user to draft it
 * again (the error names both dates). A date the user typed by hand in another form is not found
 * and so not checked (README, known limit).
 */
export function staleLetterDate(
  letter: { readonly text: string; readonly language: LetterLanguage | null },
  stated: PromisedDates,
  holds: PromisedDates,
  calendar: WorkingCalendar,
  path = 'letterId',
): DomainError | null {
  const language = letter.language ?? 'en-GB';
  for (const field of PROMISED_DATE_FIELDS) {
    const said = stated[field];
    const held = holds[field];
    if (!said || !held || said === held) continue;
    const written = letterDay(calendar, said, language);
    if (!letter.text.includes(written) || letter.text.includes(letterDay(calendar, held, language))) continue;
    const shown = letterDay(calendar, held, language);
    // The parameters are office days, so the user's language writes them (error-text.ts); the log gets the letter's words.
    return fieldError(path, `The letter promises ${written} but the workflow will hold ${shown} once it goes: draft the letter again`, 'letter_date_stale', {
      stated: said,
      holds: held,
    });
  }
  return null;
}

/**
 * The check posting and e-mailing make (P-3.2, P-4.3, P-4.4): what the finalised text states (the
 * case as it stood when the letter was finalised, at that moment) against what the workflow will
 * hold when the letter's action is recorded at `at`. Throws the refusal; writes nothing.
 */
export async function assertLetterDatesHold(
  domain: Pick<DomainServices, 'queries' | 'settings'>,
  letter: Pick<StoredLetter, 'caseId' | 'template' | 'language' | 'text' | 'finalisedAt'>,
  at: Date,
  path = 'letterId',
): Promise<void> {
  if (!letter.caseId || !letter.finalisedAt || !letter.template) return;
  const { case: record, availableActions } = await domain.queries.get(letter.caseId);
  const calendar = await domain.settings.calendar();
  const { slaPolicy } = await domain.settings.values();
  const finalisedAt = letter.finalisedAt;
  const then = caseAsAt(record, finalisedAt);
  // The action the letter was to record as the case stood then: an acknowledgement not yet made.
  const thenAction: LetterAction =
    letter.template === 'acknowledgement' && !then.clock.acknowledgedAt
      ? 'acknowledge'
      : letter.template === 'escalation-acknowledgement' && then.clock.escalationRequestedAt && !then.clock.escalationAcknowledgedAt
        ? 'acknowledgeEscalation'
        : null;
  const stated = promisedDates(then, thenAction, new Date(finalisedAt), calendar, slaPolicy);
  const holds = promisedDates(record, letterAction(letter.template, availableActions), at, calendar, slaPolicy);
  const refusal = staleLetterDate(letter, stated, holds, calendar, path);
  if (refusal) throw refusal;
}
