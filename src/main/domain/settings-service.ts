/**
 * The organisation's settings, one document per area, with the procedure's defaults
 * (docs/complaints-procedure.md) until an administrator changes them: organisation (P-3.1), SLA
 * policy (P-3.2, P-4.3), working calendar, complaint types (P-2.2) and departments. Reads are
 * cached and refreshed when a settings document changes (locally or, later, through sync).
 */
import type { z } from 'zod';
import { DEFAULT_COMPLAINT_TYPES } from '../../shared/domain/vocabulary';
import type { ComplaintType, Organisation, StaffRef } from '../../shared/domain/records';
import {
  DEFAULT_SECURITY_SETTINGS,
  type complaintTypeInput,
  type organisationSchema,
  type securitySettingsSchema,
  type slaPolicySchema,
} from '../../shared/domain/settings-inputs';
import { DEFAULT_SLA_POLICY, WorkingCalendarError, type SlaPolicy, type WorkingCalendar } from '../../shared/sla';
import { createWorkingCalendar } from '@shared/sla/public-holidays';
import {
  calendarFieldError,
  calendarOptions,
  DEFAULT_CALENDAR_SETTINGS,
  readCalendarSettings,
  tidyCalendarSettings,
  type CalendarSettings,
} from './calendar-settings';
import { causalTime } from './case-field-groups';
import { newId, type Clock } from './clock';
import type { DomainDatabase, SettingsDocument } from './collections';
import { fieldError } from '../../shared/domain/domain-error';
import { DEFAULT_ROOT_CAUSES, type RootCauseTaxonomy, type saveRootCauseCategoryInput, type saveRootCauseInput } from '../../shared/domain/root-causes';
import type { ImprovementAction } from '../../shared/domain/improvement-actions';
import { withRootCause, withRootCauseCategory } from './root-cause-taxonomy';
import { DEFAULT_WEB_FORM_MAPPING, type WebFormMapping } from '../../shared/domain/web-form';

export type { CalendarSettings };

/** The settings that set deadlines: a change to either moves the deadlines of open cases. */
export const DEADLINE_SETTINGS = ['calendar', 'slaPolicy'] as const;
export type DeadlineSettingsArea = (typeof DEADLINE_SETTINGS)[number];

/**
 * One saved change to a deadline setting, as stored (the same on every device once synced): what
 * it was, what it is, when and by whom.
 */
export type DeadlineSettingsChange =
  | { readonly area: 'calendar'; readonly before: CalendarSettings; readonly after: CalendarSettings; readonly at: string; readonly by: StaffRef }
  | { readonly area: 'slaPolicy'; readonly before: SlaPolicy; readonly after: SlaPolicy; readonly at: string; readonly by: StaffRef };

/** The change from one stored settings document to the next, if it is a deadline setting. */
export function deadlineSettingsChange(previous: SettingsDocument | undefined, next: SettingsDocument): DeadlineSettingsChange | null {
  const common = { at: next.updatedAt, by: { id: next.updatedBy.id, name: next.updatedBy.name } };
  if (next.id === 'calendar')
    return { area: 'calendar', before: readCalendarSettings(previous?.value.data), after: readCalendarSettings(next.value.data), ...common };
  if (next.id === 'slaPolicy') return { area: 'slaPolicy', before: readSlaPolicy(previous?.value.data), after: readSlaPolicy(next.value.data), ...common };
  return null;
}

function readSlaPolicy(stored: unknown): SlaPolicy {
  return typeof stored === 'object' && stored !== null && !Array.isArray(stored)
    ? { ...DEFAULT_SLA_POLICY, ...(stored as Partial<SlaPolicy>) }
    : DEFAULT_SLA_POLICY;
}

/** P-3.1 default: the head office in the source procedure. */
export const DEFAULT_ORGANISATION: Organisation = {
  name: 'Welzo Limited',
  addressLines: ['Customer Service Manager', '833, 19-21 Crawford Street', 'London'],
  postcode: 'W1H 1PJ',
  country: 'GB',
  email: '',
  phone: '',
  independentAdvice: {
    'en-GB':
      'If you are still not satisfied, you can get free, independent advice from Citizens Advice: www.citizensadvice.org.uk, consumer helpline 0808 223 1133.',
    lv: 'Ja joprojām neesat apmierināts, varat saņemt bezmaksas neatkarīgu konsultāciju organizācijā Citizens Advice: www.citizensadvice.org.uk, patērētāju palīdzības tālrunis 0808 223 1133.',
  },
};

/**
 * Issue 18, P-6.1: the independent-advice text was one (English) setting; it is now one per
 * letter language. A stored single text (from before, or from an older device by sync) is read as
 * the English text; the Latvian one is the Latvian default when the English one was the default,
 * and otherwise the same text, so an organisation's own wording is never lost (an administrator
 * translates it in Settings).
 */
export function readOrganisation(stored: unknown): Organisation {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return DEFAULT_ORGANISATION;
  const organisation = { ...DEFAULT_ORGANISATION, ...(stored as Partial<Organisation>) };
  const advice: unknown = organisation.independentAdvice;
  if (typeof advice === 'string') {
    const lv = advice === DEFAULT_ORGANISATION.independentAdvice['en-GB'] ? DEFAULT_ORGANISATION.independentAdvice.lv : advice;
    return { ...organisation, independentAdvice: { 'en-GB': advice, lv } };
  }
  return organisation;
}

export interface SettingsValues {
  readonly organisation: Organisation;
  readonly slaPolicy: SlaPolicy;
  readonly calendar: CalendarSettings;
  readonly complaintTypes: readonly ComplaintType[];
  readonly departments: readonly string[];
  readonly security: { readonly idleLockMinutes: number };
  /** P-5.3: the root-cause taxonomy, category → cause. */
  readonly rootCauses: RootCauseTaxonomy;
  /** Issue 17: which labels of a website form e-mail fill which complaint field. */
  readonly webFormMapping: WebFormMapping;
}

/** P-5.3: improvement actions are a settings area of their own, read apart from the settings screens' values. */
const IMPROVEMENT_ACTIONS = 'improvementActions';

const DEFAULTS: SettingsValues = {
  organisation: DEFAULT_ORGANISATION,
  slaPolicy: DEFAULT_SLA_POLICY,
  calendar: DEFAULT_CALENDAR_SETTINGS,
  complaintTypes: DEFAULT_COMPLAINT_TYPES.map((type) => ({ id: type.id, label: { ...type.label }, retired: false })),
  departments: ['Customer service', 'Warehouse', 'Pharmacy', 'Billing', 'Delivery'],
  security: DEFAULT_SECURITY_SETTINGS,
  rootCauses: DEFAULT_ROOT_CAUSES,
  webFormMapping: DEFAULT_WEB_FORM_MAPPING,
};

type Area = keyof SettingsValues;

export class SettingsService {
  private cached: { values: SettingsValues; calendar: WorkingCalendar } | null = null;
  /** Counts invalidations: a read that started before a change must not cache what it read. */
  private generation = 0;

  constructor(
    private readonly db: Pick<DomainDatabase, 'settings'>,
    private readonly clock: Clock,
  ) {
    db.settings.$.subscribe(() => {
      this.invalidate();
    });
  }

  private invalidate(): void {
    this.cached = null;
    this.generation += 1;
  }

  async values(): Promise<SettingsValues> {
    return (await this.load()).values;
  }

  async calendar(): Promise<WorkingCalendar> {
    return (await this.load()).calendar;
  }

  private async load(): Promise<{ values: SettingsValues; calendar: WorkingCalendar }> {
    if (this.cached) return this.cached;
    const generation = this.generation;
    const documents = await this.db.settings.find().exec();
    const stored = Object.fromEntries(
      documents.filter((document) => document.id !== IMPROVEMENT_ACTIONS).map((document) => [document.id, document.toJSON().value.data]),
    );
    const merged = { ...DEFAULTS, ...stored } as SettingsValues;
    const values: SettingsValues = {
      ...merged,
      organisation: readOrganisation(stored['organisation']),
      calendar: readCalendarSettings(stored['calendar'] ?? DEFAULTS.calendar),
    };
    const calendar = createWorkingCalendar(calendarOptions(values.calendar));
    const loaded = { values, calendar };
    // A change landed while this read was under way (the recompute after a calendar change reads next).
    if (generation === this.generation) this.cached = loaded;
    return loaded;
  }

  private async save<A extends Area>(area: A, value: SettingsValues[A], actor: StaffRef): Promise<SettingsValues> {
    await this.store(area, value, actor);
    return this.values();
  }

  /** Stores an area's value; returns the stored document before and after. */
  private async store(
    area: Area | typeof IMPROVEMENT_ACTIONS,
    value: unknown,
    actor: StaffRef,
  ): Promise<{ previous: SettingsDocument | undefined; next: SettingsDocument }> {
    const previous = (await this.db.settings.findOne(area).exec())?.toJSON();
    // Causal save time (sync's merge order, case-field-groups.ts): after the save it replaces.
    const updatedAt = causalTime(previous ? Date.parse(previous.updatedAt) : 0, this.clock.now().toISOString());
    const next: SettingsDocument = { id: area, value: { data: value }, updatedAt, updatedBy: { id: actor.id, name: actor.name } };
    await this.db.settings.upsert(next);
    this.invalidate();
    return {
      previous: previous ? { id: previous.id, value: { data: previous.value.data }, updatedAt: previous.updatedAt, updatedBy: previous.updatedBy } : undefined,
      next,
    };
  }

  private async storeDeadlineSetting<A extends DeadlineSettingsArea>(area: A, value: SettingsValues[A], actor: StaffRef): Promise<DeadlineSettingsChange> {
    const { previous, next } = await this.store(area, value, actor);
    const change = deadlineSettingsChange(previous, next);
    if (!change) throw new Error(`${area} is not a deadline setting`);
    return change;
  }

  updateOrganisation(value: z.output<typeof organisationSchema>, actor: StaffRef): Promise<SettingsValues> {
    return this.save('organisation', value, actor);
  }

  /** Saves the SLA policy; the caller moves open deadlines with the returned change. */
  updateSlaPolicy(value: z.output<typeof slaPolicySchema>, actor: StaffRef): Promise<DeadlineSettingsChange> {
    return this.storeDeadlineSetting('slaPolicy', value, actor);
  }

  /** Saves the working calendar, refused at the field at fault; the caller moves open deadlines with the returned change. */
  updateCalendar(value: CalendarSettings, actor: StaffRef): Promise<DeadlineSettingsChange> {
    try {
      // Checked as given, so a refusal names the entry the administrator typed (extraWorkingDays.2).
      createWorkingCalendar(calendarOptions(value));
    } catch (error) {
      if (error instanceof WorkingCalendarError) throw calendarFieldError(error);
      throw error;
    }
    return this.storeDeadlineSetting('calendar', tidyCalendarSettings(value), actor);
  }

  async saveComplaintType(value: z.output<typeof complaintTypeInput>, actor: StaffRef): Promise<SettingsValues> {
    const types = (await this.values()).complaintTypes;
    const exists = types.some((type) => type.id === value.id);
    const next = exists ? types.map((type) => (type.id === value.id ? value : type)) : [...types, value];
    if (next.every((type) => type.retired)) throw fieldError('retired', 'At least one complaint type must stay in use', 'last_type_in_use');
    return this.save('complaintTypes', next, actor);
  }

  updateSecurity(value: z.output<typeof securitySettingsSchema>, actor: StaffRef): Promise<SettingsValues> {
    return this.save('security', value, actor);
  }

  updateWebFormMapping(value: WebFormMapping, actor: StaffRef): Promise<SettingsValues> {
    return this.save('webFormMapping', value, actor);
  }

  setDepartments(departments: readonly string[], actor: StaffRef): Promise<SettingsValues> {
    return this.save('departments', [...new Set(departments)], actor);
  }

  /** P-5.3: adds, renames or retires a root-cause category (refused at the field, nothing saved). */
  saveRootCauseCategory(value: z.output<typeof saveRootCauseCategoryInput>, actor: StaffRef): Promise<SettingsValues> {
    return this.editRootCauses((taxonomy) => withRootCauseCategory(taxonomy, value, newId), actor);
  }

  /** P-5.3: adds, renames or retires a root cause in its category (refused at the field, nothing saved). */
  saveRootCause(value: z.output<typeof saveRootCauseInput>, actor: StaffRef): Promise<SettingsValues> {
    return this.editRootCauses((taxonomy) => withRootCause(taxonomy, value, newId), actor);
  }

  /** Taxonomy edits run one after another, each on the taxonomy the one before saved (no lost update). */
  private rootCauseEdits: Promise<unknown> = Promise.resolve();

  private editRootCauses(edit: (taxonomy: RootCauseTaxonomy) => RootCauseTaxonomy, actor: StaffRef): Promise<SettingsValues> {
    const saved = this.rootCauseEdits.then(async () => this.save('rootCauses', edit((await this.values()).rootCauses), actor));
    this.rootCauseEdits = saved.catch(() => undefined);
    return saved;
  }

  /** P-5.3: every improvement action, as stored (the records are checked when saved and when pulled by sync). */
  async improvementActions(): Promise<ImprovementAction[]> {
    const document = await this.db.settings.findOne(IMPROVEMENT_ACTIONS).exec();
    const data = document?.toJSON().value.data;
    return Array.isArray(data) ? (data as ImprovementAction[]) : [];
  }

  async storeImprovementActions(actions: readonly ImprovementAction[], actor: StaffRef): Promise<void> {
    await this.store(IMPROVEMENT_ACTIONS, actions, actor);
  }
}
