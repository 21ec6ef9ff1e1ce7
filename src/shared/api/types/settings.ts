import type { ComplaintType, Organisation, StaffMember } from '../../domain/records';
import type { SlaPolicy } from '../../sla';

/** Everything the settings screens and forms need, in one answer. */
export interface SettingsSnapshot {
  readonly organisation: Organisation;
  readonly slaPolicy: SlaPolicy;
  readonly calendar: { readonly region: string; readonly timeZone: string; readonly closures: readonly string[] };
  readonly complaintTypes: readonly ComplaintType[];
  readonly departments: readonly string[];
  readonly staff: readonly StaffMember[];
  /** "Who am I" on this device. */
  readonly currentStaffId: string;
  /** This device's reference code (P-3.2). */
  readonly deviceCode: string;
}
