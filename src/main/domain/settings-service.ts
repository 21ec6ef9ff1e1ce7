/**
 * The organisation's settings, one document per area, with the procedure's defaults
 * (docs/complaints-procedure.md) until an administrator changes them: organisation (P-3.1), SLA
 * policy (P-3.2, P-4.3), working calendar, complaint types (P-2.2) and departments. Reads are
 * cached and refreshed when a settings document changes (locally or, later, through sync).
 */
import type { z } from 'zod';
import { DEFAULT_COMPLAINT_TYPES } from '../../shared/domain/vocabulary';
import type { ComplaintType, Organisation, StaffRef } from '../../shared/domain/records';
import type { calendarSettingsSchema, complaintTypeInput, organisationSchema, slaPolicySchema } from '../../shared/domain/settings-inputs';
import { createWorkingCalendar, DEFAULT_CALENDAR, DEFAULT_SLA_POLICY, type SlaPolicy, type WorkingCalendar } from '../../shared/sla';
import type { Clock } from './clock';
import type { DomainDatabase } from './collections';
import { fieldError } from './domain-errors';

export type CalendarSettings = z.output<typeof calendarSettingsSchema>;

/** P-3.1 default: the head office in the source procedure. */
export const DEFAULT_ORGANISATION: Organisation = {
  name: 'Welzo Limited',
  addressLines: ['Customer Service Manager', '833, 19-21 Crawford Street', 'London'],
  postcode: 'W1H 1PJ',
  country: 'GB',
  email: '',
  phone: '',
  independentAdvice:
    'If you are still not satisfied, you can get free, independent advice from Citizens Advice: www.citizensadvice.org.uk, consumer helpline 0808 223 1133.',
};

export interface SettingsValues {
  readonly organisation: Organisation;
  readonly slaPolicy: SlaPolicy;
  readonly calendar: CalendarSettings;
  readonly complaintTypes: readonly ComplaintType[];
  readonly departments: readonly string[];
}

const DEFAULTS: SettingsValues = {
  organisation: DEFAULT_ORGANISATION,
  slaPolicy: DEFAULT_SLA_POLICY,
  calendar: DEFAULT_CALENDAR,
  complaintTypes: DEFAULT_COMPLAINT_TYPES.map((type) => ({ id: type.id, label: { ...type.label }, retired: false })),
  departments: ['Customer service', 'Warehouse', 'Pharmacy', 'Billing', 'Delivery'],
};

type Area = keyof SettingsValues;

export class SettingsService {
  private cached: { values: SettingsValues; calendar: WorkingCalendar } | null = null;

  constructor(
    private readonly db: DomainDatabase,
    private readonly clock: Clock,
  ) {
    db.settings.$.subscribe(() => {
      this.cached = null;
    });
  }

  async values(): Promise<SettingsValues> {
    return (await this.load()).values;
  }

  async calendar(): Promise<WorkingCalendar> {
    return (await this.load()).calendar;
  }

  private async load(): Promise<{ values: SettingsValues; calendar: WorkingCalendar }> {
    if (this.cached) return this.cached;
    const documents = await this.db.settings.find().exec();
    const stored = Object.fromEntries(documents.map((document) => [document.id, document.toJSON().value.data]));
    const values = { ...DEFAULTS, ...stored } as SettingsValues;
    const calendar = createWorkingCalendar({ ...values.calendar });
    this.cached = { values, calendar };
    return this.cached;
  }

  private async save<A extends Area>(area: A, value: SettingsValues[A], actor: StaffRef): Promise<SettingsValues> {
    await this.db.settings.upsert({ id: area, value: { data: value }, updatedAt: this.clock.now().toISOString(), updatedBy: actor });
    this.cached = null;
    return this.values();
  }

  updateOrganisation(value: z.output<typeof organisationSchema>, actor: StaffRef): Promise<SettingsValues> {
    return this.save('organisation', value, actor);
  }

  updateSlaPolicy(value: z.output<typeof slaPolicySchema>, actor: StaffRef): Promise<SettingsValues> {
    return this.save('slaPolicy', value, actor);
  }

  updateCalendar(value: CalendarSettings, actor: StaffRef): Promise<SettingsValues> {
    try {
      createWorkingCalendar(value);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw fieldError(message.includes('time zone') ? 'timeZone' : message.includes('closure') ? 'closures' : 'region', message);
    }
    return this.save('calendar', { ...value, closures: [...new Set(value.closures)].sort() }, actor);
  }

  async saveComplaintType(value: z.output<typeof complaintTypeInput>, actor: StaffRef): Promise<SettingsValues> {
    const types = (await this.values()).complaintTypes;
    const exists = types.some((type) => type.id === value.id);
    const next = exists ? types.map((type) => (type.id === value.id ? value : type)) : [...types, value];
    if (next.every((type) => type.retired)) throw fieldError('retired', 'At least one complaint type must stay in use');
    return this.save('complaintTypes', next, actor);
  }

  setDepartments(departments: readonly string[], actor: StaffRef): Promise<SettingsValues> {
    return this.save('departments', [...new Set(departments)], actor);
  }
}
