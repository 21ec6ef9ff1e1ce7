/**
 * Realistic complaint cases from a seeded generator, for people trying the app
 * (`npm run seed:demo`) and for benchmarks. Each case is driven through the real workflow
 * (applyCaseAction) with plausible times, so every generated state is one the app could reach.
 */
import type { StaffRef, TimelineEntry } from '@shared/domain/records';
import { formatReference } from '@shared/reference/reference-number';
import type { SlaPolicy, WorkingCalendar } from '@shared/sla';
import { withDerivedFields } from '../case-derivation';
import { receivedCaseState } from '../received-case';
import { seededRandom } from '@shared/random/seeded-random';
import type { CaseDocument } from '../collections';
import { allRootCauses, DEFAULT_ROOT_CAUSES } from '@shared/domain/root-causes';
import { applyCaseAction, type CaseActionInput, type TimelineDraft } from '@shared/domain/workflow';

/** The default departments (settings-service.ts), so a caseworker of one sees a tenth of the demo cases (P-7.1). */
const DEMO_DEPARTMENTS = ['Customer service', 'Warehouse', 'Pharmacy', 'Billing', 'Delivery'] as const;

export interface DemoOptions {
  readonly count: number;
  readonly seed: number;
  readonly now: Date;
  readonly calendar: WorkingCalendar;
  readonly policy: SlaPolicy;
  readonly staff: readonly StaffRef[];
  readonly deviceCode: string;
  readonly firstSequence: number;
  /** Cases are received over this many days before `now`. */
  readonly spanDays?: number;
}

const FIRST = [
  'Olivia',
  'George',
  'Amelia',
  'Harry',
  'Isla',
  'Jack',
  'Ava',
  'Noah',
  'Mia',
  'Leo',
  'Jānis',
  'Līga',
  'Andris',
  'Ilze',
  'Priya',
  'Mohammed',
  'Zoë',
  'Siobhan',
  'Chloé',
];
const LAST = [
  'Smith',
  'Jones',
  'Taylor',
  'Brown',
  'Williams',
  'Wilson',
  'Evans',
  'Patel',
  'Khan',
  'Bērziņš',
  'Kalniņa',
  'Ozols',
  "O'Brien",
  'Davies',
  'Thomas',
];
const STREETS = ['High Street', 'Station Road', 'Church Lane', 'Victoria Road', 'Green Lane', 'Park Avenue'];
const TOWNS: [string, string][] = [
  ['London', 'W1H 1PJ'],
  ['Leeds', 'LS1 4AP'],
  ['York', 'YO1 7HH'],
  ['Bristol', 'BS1 5TR'],
  ['Manchester', 'M1 1AE'],
  ['Cardiff', 'CF10 1EP'],
];
const PRODUCTS = [
  'Vitamin D 1000 IU tablets',
  'Home blood test kit',
  'Blood pressure monitor',
  'Prescription delivery',
  'Weight-loss consultation',
  'Allergy relief spray',
  'Online GP appointment',
];
const PROBLEMS: [string, string, string][] = [
  ['product', 'Parcel arrived damaged', 'The outer box was crushed and two bottles had leaked onto the other items.'],
  ['billing', 'Charged twice for one order', 'The card statement shows two identical payments for the same order.'],
  ['service', 'Order delayed by two weeks', 'Tracking has not updated since dispatch and nobody answered the chat.'],
  ['communication', 'No reply to three e-mails', 'The customer wrote three times about a missing refund and received no answer.'],
  ['customer-service', 'Rude phone agent', 'The agent ended the call while the customer was explaining the problem.'],
  ['product', 'Test kit result not received', 'The sample was posted ten days ago and the laboratory has no record of it.'],
  ['billing', 'Refund not received', 'A refund was promised on the phone three weeks ago and has not arrived.'],
  ['service', 'Wrong item delivered', 'A different product was in the parcel; the order number is on the slip.'],
  ['other', 'Website account locked', 'The customer cannot sign in to reorder a repeat prescription.'],
];
const CHANNELS = ['letter', 'web-form', 'email', 'telephone', 'in-person'] as const;

export interface DemoCase {
  readonly record: CaseDocument;
  readonly timeline: TimelineEntry[];
}

export function generateDemoCases(options: DemoOptions): DemoCase[] {
  const random = seededRandom(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const spanMs = (options.spanDays ?? 365) * 86_400_000;
  const nowMs = options.now.getTime();
  const cases: DemoCase[] = [];
  let ids = 0;
  const newId = () => {
    ids += 1;
    const hex = Math.floor(random() * 0xffffffff)
      .toString(16)
      .padStart(8, '0');
    return `${hex}-${(options.seed & 0xffff).toString(16).padStart(4, '0')}-4${String(ids).padStart(3, '0').slice(-3)}-8${hex.slice(0, 3)}-${String(ids).padStart(12, '0')}`;
  };

  for (let index = 0; index < options.count; index += 1) {
    const [type, summary, description] = pick(PROBLEMS);
    const channel = pick(CHANNELS);
    const [town, postcode] = pick(TOWNS);
    const name = `${pick(FIRST)} ${pick(LAST)}`;
    const receivedMs = nowMs - Math.floor(random() ** 1.6 * spanMs) - 3_600_000;
    const receivedAt = new Date(receivedMs).toISOString();
    const assignee = random() < 0.85 ? pick(options.staff) : null;
    const logger = pick(options.staff);
    const id = newId();
    let record = withDerivedFields(
      {
        id,
        reference: formatReference(options.deviceCode, options.firstSequence + index),
        complainant: {
          kind: random() < 0.95 ? 'customer' : 'other-stakeholder',
          name,
          email: `${name
            .normalize('NFKD')
            .replace(/\p{M}/gu, '')
            .toLowerCase()
            .replace(/[^a-z]+/g, '.')}${index}@example.org`,
          phone: `+44 20 7946 ${String(index % 10_000).padStart(4, '0')}`,
          address: { lines: [`${1 + (index % 180)} ${pick(STREETS)}`, town], postcode, country: 'GB' },
          preferredChannel: channel === 'telephone' ? 'telephone' : channel === 'letter' ? 'letter' : 'email',
          customerNumber: `C${1_000_000 + index}`,
          orderNumber: random() < 0.7 ? `W${2_000_000 + Math.floor(random() * 900_000)}` : '',
        },
        channel,
        receivedAt,
        loggedAt: receivedAt,
        loggedBy: logger,
        type,
        product: pick(PRODUCTS),
        summary,
        description: `${description} Customer reference ${index}.`,
        desiredOutcome: pick(['Refund', 'Replacement', 'An apology', 'An explanation', 'Compensation']),
        ...receivedCaseState(receivedAt),
        assignee,
        // Half the cases involve one of the default departments (a tenth each), the rest none:
        // chosen by position, not by the random stream, so the rest of the demo data is unchanged.
        departments: index % 10 < DEMO_DEPARTMENTS.length ? [DEMO_DEPARTMENTS[index % 10] as string] : [],
        restricted: false,
        restrictedTo: [],
        relatedCaseIds: [],
        createdAt: receivedAt,
        updatedAt: receivedAt,
        updatedBy: logger,
      },
      options.calendar,
      options.policy,
    );
    const drafts: TimelineDraft[] = [
      { kind: 'communication', at: receivedAt, data: { direction: 'in', channel, summary } } as TimelineDraft,
      {
        kind: 'transition',
        at: receivedAt,
        data: { action: 'create', from: null, to: 'received', fromStage: 1, toStage: 1, details: '' },
      } as unknown as TimelineDraft,
    ];
    // Older cases have progressed further; each step happens a while after the previous one.
    let at = receivedMs;
    const ageDays = (nowMs - receivedMs) / 86_400_000;
    const steps = planSteps(random, ageDays);
    for (const step of steps) {
      at += Math.floor((0.2 + random() * 2.5) * 86_400_000 * (step === 'acknowledge' ? 0.6 : 1));
      if (at >= nowMs - 60_000) break;
      const action = actionFor(step, new Date(at).toISOString(), record, random, pick);
      if (!action) break;
      try {
        const result = applyCaseAction(record, action, { actor: assignee ?? logger, now: new Date(nowMs), newId, futureToleranceMs: 0 });
        record = withDerivedFields({ ...result.next, updatedAt: action.at, updatedBy: assignee ?? logger }, options.calendar, options.policy);
        drafts.push(...result.entries);
      } catch {
        break;
      }
    }
    const timeline = drafts.map(
      (draft, order) => ({ ...draft, id: newId(), caseId: id, recordedAt: draft.at, order, by: assignee ?? logger }) as TimelineEntry,
    );
    cases.push({ record, timeline });
  }
  return cases;
}

type Step = 'acknowledge' | 'investigate' | 'ask' | 'answer' | 'resolve' | 'close' | 'escalate' | 'ackEscalation' | 'forward' | 'stage2' | 'close2';

function planSteps(random: () => number, ageDays: number): Step[] {
  if (ageDays < 1 && random() < 0.7) return [];
  const steps: Step[] = ['acknowledge', 'investigate'];
  // Inquiries are usually answered within days; only recent ones may still be waiting.
  if (random() < 0.3) steps.push('ask', ...(ageDays > 12 || random() < 0.6 ? (['answer'] as const) : []));
  if (ageDays > 6 || random() < 0.3) steps.push('resolve', 'close');
  if (ageDays > 20 && random() < 0.15) steps.push('escalate', 'ackEscalation', 'forward', 'stage2', 'close2');
  // Some cases stall part-way, as real ones do: they are the breached and overdue ones.
  if (random() < 0.08) return steps.slice(0, Math.floor(random() * steps.length));
  return steps;
}

/** P-5.3: a cause of the default taxonomy, from the case id (no draw from the generator, so the demo data stays as it was). */
function demoRootCause(caseId: string): string {
  const causes = allRootCauses(DEFAULT_ROOT_CAUSES);
  const sum = [...caseId].reduce((total, character) => total + character.charCodeAt(0), 0);
  return causes[sum % causes.length]?.cause.id ?? 'staff-error';
}

function actionFor(step: Step, at: string, record: CaseDocument, random: () => number, pick: <T>(items: readonly T[]) => T): CaseActionInput | null {
  const channel = pick(['email', 'telephone', 'letter'] as const);
  const outcome = pick(['upheld', 'partly-upheld', 'not-upheld'] as const);
  switch (step) {
    case 'acknowledge':
      return { type: 'acknowledge', at, channel };
    case 'investigate':
      return { type: 'startInvestigation', at };
    case 'ask':
      return {
        type: 'askThirdParty',
        at,
        partyKind: pick(['warehouse', 'supplier', 'testing-laboratory', 'department'] as const),
        partyName: pick(['Central warehouse', 'MedLab Ltd', 'Courier partner', 'Pharmacy team']),
        question: 'Please confirm what happened with this order.',
        dueAt: null,
      };
    case 'answer': {
      const inquiry = record.openInquiries[0];
      return inquiry ? { type: 'recordThirdPartyResponse', at, inquiryId: inquiry.id, response: 'Checked: confirmed on our side.' } : null;
    }
    case 'resolve':
      return {
        type: 'communicateResolution',
        at,
        channel,
        rootCauseId: demoRootCause(record.id),
        summary: 'We have looked into your complaint and explained what we will do.',
        outcome,
        redress: outcome === 'not-upheld' ? [] : [{ kind: 'apology', amountMinor: null, currency: null, description: '' }],
      };
    case 'close':
    case 'close2':
      return {
        type: 'close',
        at,
        closeWithoutPosting: false,
        ...(random() < 0.5 ? { rootCauseNote: 'Courier handling', lessonsLearned: 'Better packaging for liquids' } : {}),
      };
    case 'escalate':
      return { type: 'recordEscalationRequest', at, channel, reason: 'The customer is not satisfied with the stage-1 answer.' };
    case 'ackEscalation':
      return { type: 'acknowledgeEscalation', at, channel };
    case 'forward':
      return { type: 'forwardToDepartmentHead', at, departmentHead: { name: 'Head of Customer Service', department: 'Customer service' } };
    case 'stage2':
      return {
        type: 'communicateStage2Outcome',
        at,
        channel,
        summary: 'The department head reviewed your complaint.',
        outcome,
        redress: [],
        signpostedTo: 'Citizens Advice consumer helpline 0808 223 1133',
      };
  }
}
