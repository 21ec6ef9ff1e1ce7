import type { ComplaintType, Organisation, StaffAccount } from '../../domain/records';
import type { RootCauseTaxonomy } from '../../domain/root-causes';
import type { PublicHolidayTable, SlaPolicy } from '../../sla';
import type { WebFormMapping } from '../../domain/web-form';

/** Everything the settings screens and forms need, in one answer. */
export interface SettingsSnapshot {
  readonly organisation: Organisation;
  readonly slaPolicy: SlaPolicy;
  readonly calendar: {
    readonly region: string;
    readonly timeZone: string;
    readonly closures: readonly string[];
    readonly extraWorkingDays: readonly string[];
    /** ISO weekdays, 1 = Monday … 7 = Sunday. */
    readonly workWeek: readonly number[];
    /** A note for a closure or an extra working day, by 'YYYY-MM-DD'. */
    readonly dayNotes: Readonly<Record<string, string>>;
    /**
     * The region's public holidays for the years around today, worked out by the main process
     * from their rules: the renderer counts working days over it without loading date-holidays
     * at first paint (issue 12). The settings screens use the rules themselves.
     */
    readonly publicHolidays: PublicHolidayTable;
  };
  readonly complaintTypes: readonly ComplaintType[];
  readonly departments: readonly string[];
  /** P-5.3: the root-cause taxonomy, category → cause (retired ones included, marked). */
  readonly rootCauses: RootCauseTaxonomy;
  /** The team directory, without password verifiers. */
  readonly staff: readonly StaffAccount[];
  readonly security: { readonly idleLockMinutes: number };
  /** Issue 17: the labels of a website form e-mail each complaint field is read from. */
  readonly webFormMapping: WebFormMapping;
  /** This device's reference code (P-3.2). */
  readonly deviceCode: string;
}
